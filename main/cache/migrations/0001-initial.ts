import type { Database } from '../sqlite';
import type { Migration } from './types';

// Everything the supervisor saw (DESIGN.md rule 19). Interaction-owned rows
// cascade on delete so retention is one DELETE. Audit rows and assistance
// requests may exist without an interaction, so they keep a nullable link.
//
// Full-text search: `message_fts` is a CONTENTLESS FTS5 table (content='').
// It stores only the inverted index, not the text, so the redacted plaintext
// is never stored in a readable column; bodies live only encrypted in
// `message_blocks`. Trade-offs:
//  - The index still holds the distinct words of each message (lower-cased
//    tokens -> rowids). detail=none drops positions, so the order of words
//    cannot be rebuilt from the file, only a bag of words per message. Card
//    numbers and configured patterns are redacted before indexing.
//  - detail=none means no phrase/NEAR queries; we only need AND of 1–3 words
//    with a prefix on the last, which works. It also makes the index smaller
//    and ingest faster.
//  - Contentless tables cannot return text or snippet(), so snippets are built
//    in JS after decrypting the few matched rows.
//  - contentless_delete=1 (SQLite >= 3.43) lets retention delete index rows.
//  - The FTS rowid is MINUS the message id. Search lists newest first, and
//    FTS5 walks a long doclist backwards (ORDER BY rowid DESC) many times
//    slower than forwards (measured ~10x at 300k messages). With negated ids
//    newest-first is the cheap ascending walk. FTS5 flushes its pending
//    data whenever a rowid is not larger than the previous one, so the writer
//    inserts each transaction's index rows in descending message id order
//    (ascending FTS rowid); see CacheWriter.finishTransaction().
// Encrypting the whole file (SQLCipher) would hide the index too, but the
// Signal build is AGPL and the MIT fork must be compiled per platform.
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db: Database) {
    db.exec(`
      CREATE TABLE interactions (
        id TEXT PRIMARY KEY,
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
      CREATE INDEX interactions_started ON interactions (started_at);
      CREATE INDEX interactions_queue ON interactions (queue_id, started_at);
      CREATE INDEX interactions_last_seen ON interactions (last_seen_at);

      CREATE TABLE interaction_agents (
        interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        agent_name TEXT NOT NULL,
        PRIMARY KEY (interaction_id, agent_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX interaction_agents_agent ON interaction_agents (agent_id);

      CREATE TABLE participants (
        interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('internal','external')),
        role TEXT NOT NULL,
        PRIMARY KEY (interaction_id, participant_id)
      ) STRICT, WITHOUT ROWID;

      -- Bodies are encrypted in blocks: one AES-GCM operation per block of up
      -- to 16 consecutive messages of one interaction (a live chat gives
      -- one-message blocks, a burst or backfill bigger ones). Setting up a
      -- cipher costs ~8 us, more than inserting the row, so per-message
      -- encryption capped ingest far below the 50k msg/s target. A reader
      -- decrypts the whole block (at most ~8 KB) to show one message.
      CREATE TABLE message_blocks (
        id INTEGER PRIMARY KEY,
        interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        data BLOB NOT NULL
      ) STRICT;
      CREATE INDEX message_blocks_interaction ON message_blocks (interaction_id);

      -- block_id has no FOREIGN KEY on purpose: blocks and messages both go
      -- with their interaction, and an FK would need another index on messages.
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        message_id TEXT NOT NULL,
        sender_kind TEXT NOT NULL CHECK (sender_kind IN ('customer','agent','supervisor','system')),
        sender_name TEXT NOT NULL,
        at INTEGER NOT NULL,
        channel TEXT NOT NULL,
        block_id INTEGER NOT NULL,
        body_offset INTEGER NOT NULL,
        body_length INTEGER NOT NULL,
        UNIQUE (interaction_id, message_id)
      ) STRICT;

      CREATE VIRTUAL TABLE message_fts USING fts5 (
        body,
        content = '',
        contentless_delete = 1,
        detail = none,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      -- Keeps the index in step when messages go (including FK cascades).
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        DELETE FROM message_fts WHERE rowid = -old.id;
      END;

      CREATE TABLE timeline_events (
        interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        supervisor_name TEXT,
        PRIMARY KEY (interaction_id, event_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE supervision_periods (
        period_id TEXT PRIMARY KEY,
        interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        supervisor_id TEXT NOT NULL,
        supervisor_name TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('monitor','coach','barge')),
        participant_id TEXT,
        participant_name TEXT,
        started_at INTEGER NOT NULL,
        ended_at INTEGER
      ) STRICT;
      CREATE INDEX supervision_periods_interaction ON supervision_periods (interaction_id);

      CREATE TABLE audit_log (
        audit_id TEXT PRIMARY KEY,
        interaction_id TEXT REFERENCES interactions (id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        at INTEGER NOT NULL,
        result TEXT NOT NULL,
        detail TEXT
      ) STRICT;
      CREATE INDEX audit_log_interaction ON audit_log (interaction_id);
      CREATE INDEX audit_log_at ON audit_log (at);

      CREATE TABLE assistance_requests (
        request_id TEXT PRIMARY KEY,
        interaction_id TEXT REFERENCES interactions (id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        agent_name TEXT NOT NULL,
        at INTEGER NOT NULL,
        reason TEXT,
        state TEXT NOT NULL,
        resolved_at INTEGER,
        resolved_by TEXT
      ) STRICT;
      CREATE INDEX assistance_requests_interaction ON assistance_requests (interaction_id);
      CREATE INDEX assistance_requests_at ON assistance_requests (at);

      -- Note text is encrypted like transcript bodies.
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        at INTEGER NOT NULL,
        text BLOB NOT NULL
      ) STRICT;
      CREATE INDEX notes_interaction ON notes (interaction_id);

      CREATE TABLE cache_meta (
        key TEXT PRIMARY KEY,
        value ANY
      ) STRICT;
    `);
  },
};
