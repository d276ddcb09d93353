import type { Database } from '../sqlite';
import type { Migration } from './types';

// The index on interactions (last_seen_at), made by 0001 and rebuilt by 0007, is
// dropped: no query can use it. Retention and the search's date filter both ask
// for max(last_seen_at, coalesce(ended_at, 0)), an expression this index does not
// hold (their plans are a scan, and the search's a walk of interactions_started),
// and stats() reads min(started_at) and max(last_seen_at) in one scan.
//
// What it cost (issue 15 item 3): every conversation inserted one entry, and every
// update of a conversation (each sets last_seen_at) deleted and inserted one:
// ~1.7 % of the page writes of the event-shaped load, and an index insert on the
// cache worker's hottest statement, for nothing.
export const migration0008: Migration = {
  version: 8,
  name: 'drop-last-seen-index',
  up(db: Database) {
    db.exec('DROP INDEX IF EXISTS interactions_last_seen;');
  },
};
