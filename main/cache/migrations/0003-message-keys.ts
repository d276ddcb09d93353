import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/** cache_meta key: set when the search index must be rebuilt from the encrypted bodies (needs the key, so not here). */
export const FTS_REBUILD_PENDING = 'fts_rebuild_pending';

// Ingest speed (issue 6: 50,000 messages/s with FTS5 and encryption). Measured
// per message row with 20k-row commits, WAL, synchronous=FULL:
//  - `CHECK (sender_kind IN ('customer', ...))` cost ~3 us per row: SQLite
//    evaluates an IN list of constants through an ephemeral table every time.
//    The same rule written as an OR chain costs ~0.1 us.
//  - UNIQUE (interaction_id, message_id) on two TEXT columns (interaction ids
//    are random strings, so inserts land all over the index) plus a TEXT
//    foreign key cost ~2 us more than an INTEGER interaction key that grows
//    with time, so new rows append at the end of both indexes.
//  - The FTS table's per-row size record (the %_docsize table that
//    contentless_delete=1 needs) cost ~1.7 us per row. We never rank by
//    length, so the new index has columnsize=0. Without contentless_delete,
//    a row leaves the index only by the 'delete' command with its exact
//    text, which retention supplies by decrypting the purged bodies
//    (see messageIndex.ts). The index is rebuilt after this migration by
//    CacheDatabase, because only it holds the key to read the bodies.
// Tables are rebuilt the way SQLite documents (create new, copy, drop, rename);
// runMigrations turns foreign keys off around it and checks them before commit.
export const migration0003: Migration = {
  version: 3,
  name: 'message-keys',
  up(db: Database) {
    db.exec(`
      CREATE TABLE interactions_new (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL CHECK (channel IN ('voice','webMessaging','thirdPartyMessaging','sms','chat')),
        queue_id TEXT,
        queue_name TEXT,
        customer_name TEXT,
        state TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        monitored_by_me INTEGER NOT NULL DEFAULT 0 CHECK (monitored_by_me IN (0,1)),
        last_seen_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO interactions_new (id, channel, queue_id, queue_name, customer_name, state, started_at, ended_at, monitored_by_me, last_seen_at)
        SELECT id, channel, queue_id, queue_name, customer_name, state, started_at, ended_at, monitored_by_me, last_seen_at
        FROM interactions ORDER BY started_at, id;

      CREATE TABLE message_blocks_new (
        id INTEGER PRIMARY KEY,
        interaction_key INTEGER NOT NULL REFERENCES interactions (key) ON DELETE CASCADE,
        data BLOB NOT NULL
      ) STRICT;
      INSERT INTO message_blocks_new (id, interaction_key, data)
        SELECT b.id, n.key, b.data FROM message_blocks b JOIN interactions_new n ON n.id = b.interaction_id;

      -- Message ids are kept, so block ids, offsets and FTS rowids (-id) stay valid.
      CREATE TABLE messages_new (
        id INTEGER PRIMARY KEY,
        interaction_key INTEGER NOT NULL REFERENCES interactions (key) ON DELETE CASCADE,
        message_id TEXT NOT NULL,
        sender_kind TEXT NOT NULL
          CHECK (sender_kind = 'customer' OR sender_kind = 'agent' OR sender_kind = 'supervisor' OR sender_kind = 'system'),
        sender_name TEXT NOT NULL,
        at INTEGER NOT NULL,
        channel TEXT NOT NULL,
        block_id INTEGER NOT NULL,
        body_offset INTEGER NOT NULL,
        body_length INTEGER NOT NULL,
        UNIQUE (interaction_key, message_id)
      ) STRICT;
      INSERT INTO messages_new (id, interaction_key, message_id, sender_kind, sender_name, at, channel, block_id, body_offset, body_length)
        SELECT m.id, n.key, m.message_id, m.sender_kind, m.sender_name, m.at, m.channel, m.block_id, m.body_offset, m.body_length
        FROM messages m JOIN interactions_new n ON n.id = m.interaction_id;

      DROP TABLE messages;
      DROP TABLE message_blocks;
      DROP TABLE interactions;
      ALTER TABLE interactions_new RENAME TO interactions;
      ALTER TABLE message_blocks_new RENAME TO message_blocks;
      ALTER TABLE messages_new RENAME TO messages;
      CREATE INDEX interactions_started ON interactions (started_at);
      CREATE INDEX interactions_queue ON interactions (queue_id, started_at);
      CREATE INDEX interactions_last_seen ON interactions (last_seen_at);
      CREATE INDEX message_blocks_interaction ON message_blocks (interaction_key);

      DROP TABLE message_fts;
      CREATE VIRTUAL TABLE message_fts USING fts5 (
        body,
        content = '',
        columnsize = 0,
        detail = none,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO cache_meta (key, value) SELECT '${FTS_REBUILD_PENDING}', 1 WHERE EXISTS (SELECT 1 FROM messages);
    `);
  },
};
