import type { Database } from '../sqlite';
import type { Migration } from './types';

/**
 * Messages cached before this migration, kept until CacheDatabase converts
 * them to encrypted blocks (only it holds the key), then dropped.
 */
export const LEGACY_MESSAGES = 'legacy_messages';
export const LEGACY_MESSAGE_BLOCKS = 'legacy_message_blocks';

// Ingest speed (issue 6: 50,000 messages/s with FTS5 and encryption). Measured
// per message with 20k-row commits, WAL, synchronous=FULL, 1M messages:
//  - A `messages` row per message (ids, sender, time, channel, block offsets)
//    with UNIQUE (interaction_id, message_id) on two TEXT columns cost ~9 us;
//    its `CHECK (sender_kind IN (...))` alone ~3 us, because SQLite evaluates
//    an IN list of constants through an ephemeral table each time.
//  - Now a message's id, sender, time and channel live inside its encrypted
//    block with the body (see messageBlocks.ts), which also encrypts sender
//    names (customer names) at rest. Blocks hang off an INTEGER interaction
//    key that grows with time, so new rows append. A table of message ids
//    for dropping redelivered messages still cost ~3 us per message; the
//    writer keeps the ids of interactions in use in memory instead
//    (storedMessageIds.ts), loading them from the blocks when first needed.
//  - The FTS table's per-row size record (the %_docsize table that
//    contentless_delete=1 needs) cost ~1.7 us per row. We never rank by
//    length, so the new index has columnsize=0. Without contentless_delete,
//    a row leaves the index only by the 'delete' command with its exact
//    text, which retention supplies by decrypting the purged blocks
//    (see messageIndex.ts).
// Tables are rebuilt the way SQLite documents (create new, copy, drop, rename);
// runMigrations turns foreign keys off around it and checks them before commit.
export const migration0003: Migration = {
  version: 3,
  name: 'message-blocks',
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
      DROP TABLE interactions;
      ALTER TABLE interactions_new RENAME TO interactions;
      CREATE INDEX interactions_started ON interactions (started_at);
      CREATE INDEX interactions_queue ON interactions (queue_id, started_at);
      CREATE INDEX interactions_last_seen ON interactions (last_seen_at);

      -- Old rows wait for CacheDatabase to re-encrypt them in the new format.
      DROP TRIGGER messages_fts_delete;
      DROP INDEX message_blocks_interaction;
      ALTER TABLE messages RENAME TO ${LEGACY_MESSAGES};
      ALTER TABLE message_blocks RENAME TO ${LEGACY_MESSAGE_BLOCKS};

      -- data = AES-256-GCM of up to 32 messages (id, sender kind and name, time,
      -- channel, redacted body; format in messageBlocks.ts). first_at and message_count stay
      -- readable so a block that cannot be decrypted still shows as a gap.
      CREATE TABLE message_blocks (
        id INTEGER PRIMARY KEY,
        interaction_key INTEGER NOT NULL REFERENCES interactions (key) ON DELETE CASCADE,
        first_at INTEGER NOT NULL,
        message_count INTEGER NOT NULL CHECK (message_count > 0),
        data BLOB NOT NULL
      ) STRICT;
      -- Covering, so message counts need no block reads.
      CREATE INDEX message_blocks_interaction ON message_blocks (interaction_key, message_count);

      -- One row per message, rowid = -(block id * 32 + slot), see messageBlocks.ts.
      DROP TABLE message_fts;
      CREATE VIRTUAL TABLE message_fts USING fts5 (
        body,
        content = '',
        columnsize = 0,
        detail = none,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
