import type { Database } from '../sqlite';
import type { Migration } from './types';

// A conversation is (connector, the platform's id, epoch), never the platform's
// id alone (issue 11 item 3; see interactionIdentity.ts). New rows get
// id = cachedInteractionId(identity), so a reused platform id becomes a new row.
//
// Rows cached before this version keep their id (offline review and notes
// still find them) and become connector '' (unknown), platform_id = id,
// epoch = started_at. A row that already merged two conversations stays one
// readable row: nothing in the file says where one ended and the next began,
// so splitting it would be a guess, and dropping it would lose data.
// New rows never collide with old ones: their ids always contain ":" after
// the connector name and end in "@<epoch>".
//
// ADD COLUMN (not a table rebuild): every existing row and reference stays as is.
export const migration0004: Migration = {
  version: 4,
  name: 'conversation-identity',
  up(db: Database) {
    db.exec(`
      ALTER TABLE interactions ADD COLUMN connector TEXT NOT NULL DEFAULT '';
      ALTER TABLE interactions ADD COLUMN platform_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE interactions ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
      UPDATE interactions SET platform_id = id, epoch = started_at;
      CREATE UNIQUE INDEX interactions_identity ON interactions (connector, platform_id, epoch);
    `);
  },
};
