import type { Database } from '../sqlite';
import type { Migration } from './types';

// The unique index on (connector, platform_id, epoch) added by 0004 is dropped:
// it guarded nothing the id's own UNIQUE does not. Every row's id is
// cachedInteractionId(connector, platform_id, epoch), one-to-one (validation.ts
// refuses a record whose id is not its identity's), and rows without an
// identity are (connector '', platform_id = id, epoch), unique by id as well.
// Nothing reads by it.
//
// What it cost (issue 15 item 3): platform ids do not sort by time, so each
// new conversation inserted into a random page of it, and under sustained
// load a commit rewrote most of its pages: replaying the event-shaped bench's
// writes (70k conversations, 100k messages), WAL frames fell from 120.7k to
// 92.4k with it gone (-23 %), the cache worker's largest single cost being
// those page writes.
export const migration0006: Migration = {
  version: 6,
  name: 'drop-identity-index',
  up(db: Database) {
    db.exec('DROP INDEX IF EXISTS interactions_identity;');
  },
};
