import type { Database } from '../sqlite';
import { LEGACY_MESSAGE_BLOCKS, LEGACY_MESSAGES } from './0003-message-blocks';
import type { Migration } from './types';

// No b-tree on the write path is ordered by a conversation's text id any more
// (issue 15 item 3; 0005 did it for timeline, participants and agents).
//
// Why: platform ids do not sort by time (UUIDs, names), so a table or index
// ordered by them takes each new row on a random page, and under sustained
// load a commit rewrites most of those pages. Reading the WAL of the
// event-shaped bench's writes replayed (70k conversations, 100k messages)
// page by page: of 88k page writes, the UNIQUE index on interactions.id took
// 31k, supervision periods (text primary key and text interaction index) 13.7k,
// assistance requests 4k.
//
// 1. interactions is rebuilt (same rows, same keys) with its id unique through
//    interactions_id ON (substr(id, -13), id). The last 13 characters of a
//    cached id are its epoch in ms ("...@1767621600000"), so new conversations
//    append at the right edge; a prefix computed from the id keeps the index
//    exactly as unique as the id. Old ids that end otherwise are just ordered
//    differently. Lookups must name the expression (repositories/interactionById.ts).
// 2. Everything that referred to interactions(id) now refers to
//    interactions(key), as message blocks (0003) and timeline, participants and
//    agents (0005) do; a foreign key needs a plain unique parent, and an
//    integer key is smaller and grows with time. Supervision periods are stored
//    in (interaction key, period id) order. Audit entries and assistance
//    requests may have no interaction (NULL key), as before.
// 3. Messages cached before schema 3 that were not converted yet (the cache
//    converts them right after migrating, with the key) keep their text
//    interaction id without a foreign key; they are read once and dropped.
//
// Tables are rebuilt the way SQLite documents (create new, copy, drop,
// rename); runMigrations turns foreign keys off around it and checks every
// key before the commit. Rows whose interaction is already gone cannot be
// read by anything and are not copied; audit entries and requests that never
// had one are.
export const migration0007: Migration = {
  version: 7,
  name: 'interaction-key-everywhere',
  up(db: Database) {
    db.exec(`
      CREATE TABLE interactions_new (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        -- Comparisons, not IN (...): SQLite evaluates a CHECK's IN list through an ephemeral table on
        -- every insert and update of the column (~1.7 us against ~0.1 us, measured); every
        -- conversation update sets channel and monitored_by_me.
        channel TEXT NOT NULL CHECK (channel = 'voice' OR channel = 'webMessaging' OR channel = 'thirdPartyMessaging'
          OR channel = 'sms' OR channel = 'chat'),
        queue_id TEXT,
        queue_name TEXT,
        customer_name TEXT,
        state TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        monitored_by_me INTEGER NOT NULL DEFAULT 0 CHECK (monitored_by_me = 0 OR monitored_by_me = 1),
        last_seen_at INTEGER NOT NULL,
        connector TEXT NOT NULL DEFAULT '',
        platform_id TEXT NOT NULL DEFAULT '',
        epoch INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO interactions_new (key, id, channel, queue_id, queue_name, customer_name, state, started_at, ended_at,
          monitored_by_me, last_seen_at, connector, platform_id, epoch)
        SELECT key, id, channel, queue_id, queue_name, customer_name, state, started_at, ended_at,
          monitored_by_me, last_seen_at, connector, platform_id, epoch
        FROM interactions ORDER BY key;

      CREATE TABLE supervision_periods_new (
        interaction_key INTEGER NOT NULL REFERENCES interactions (key) ON DELETE CASCADE,
        period_id TEXT NOT NULL,
        supervisor_id TEXT NOT NULL,
        supervisor_name TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode = 'monitor' OR mode = 'coach' OR mode = 'barge'),
        participant_id TEXT,
        participant_name TEXT,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        PRIMARY KEY (interaction_key, period_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO supervision_periods_new (interaction_key, period_id, supervisor_id, supervisor_name, mode,
          participant_id, participant_name, started_at, ended_at)
        SELECT i.key, p.period_id, p.supervisor_id, p.supervisor_name, p.mode, p.participant_id, p.participant_name,
          p.started_at, p.ended_at
        FROM supervision_periods p JOIN interactions i ON i.id = p.interaction_id ORDER BY i.key, p.period_id;

      CREATE TABLE audit_log_new (
        audit_id TEXT PRIMARY KEY,
        interaction_key INTEGER REFERENCES interactions (key) ON DELETE CASCADE,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        at INTEGER NOT NULL,
        result TEXT NOT NULL,
        detail TEXT
      ) STRICT;
      INSERT INTO audit_log_new (audit_id, interaction_key, actor_id, actor_name, action, target, at, result, detail)
        SELECT a.audit_id, i.key, a.actor_id, a.actor_name, a.action, a.target, a.at, a.result, a.detail
        FROM audit_log a LEFT JOIN interactions i ON i.id = a.interaction_id
        WHERE a.interaction_id IS NULL OR i.key IS NOT NULL;

      CREATE TABLE assistance_requests_new (
        request_id TEXT PRIMARY KEY,
        interaction_key INTEGER REFERENCES interactions (key) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        agent_name TEXT NOT NULL,
        at INTEGER NOT NULL,
        reason TEXT,
        state TEXT NOT NULL,
        resolved_at INTEGER,
        resolved_by TEXT
      ) STRICT;
      INSERT INTO assistance_requests_new (request_id, interaction_key, agent_id, agent_name, at, reason, state, resolved_at, resolved_by)
        SELECT r.request_id, i.key, r.agent_id, r.agent_name, r.at, r.reason, r.state, r.resolved_at, r.resolved_by
        FROM assistance_requests r LEFT JOIN interactions i ON i.id = r.interaction_id
        WHERE r.interaction_id IS NULL OR i.key IS NOT NULL;

      CREATE TABLE notes_new (
        id INTEGER PRIMARY KEY,
        interaction_key INTEGER NOT NULL REFERENCES interactions (key) ON DELETE CASCADE,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        at INTEGER NOT NULL,
        text BLOB NOT NULL
      ) STRICT;
      INSERT INTO notes_new (id, interaction_key, author_id, author_name, at, text)
        SELECT n.id, i.key, n.author_id, n.author_name, n.at, n.text
        FROM notes n JOIN interactions i ON i.id = n.interaction_id ORDER BY n.id;

      DROP TABLE supervision_periods;
      DROP TABLE audit_log;
      DROP TABLE assistance_requests;
      DROP TABLE notes;
    `);
    dropLegacyForeignKeys(db);
    db.exec(`
      DROP TABLE interactions;
      ALTER TABLE interactions_new RENAME TO interactions;
      CREATE UNIQUE INDEX interactions_id ON interactions (substr(id, -13), id);
      CREATE INDEX interactions_started ON interactions (started_at);
      CREATE INDEX interactions_queue ON interactions (queue_id, started_at);
      CREATE INDEX interactions_last_seen ON interactions (last_seen_at);

      ALTER TABLE supervision_periods_new RENAME TO supervision_periods;
      ALTER TABLE audit_log_new RENAME TO audit_log;
      CREATE INDEX audit_log_interaction ON audit_log (interaction_key);
      CREATE INDEX audit_log_at ON audit_log (at);
      ALTER TABLE assistance_requests_new RENAME TO assistance_requests;
      CREATE INDEX assistance_requests_interaction ON assistance_requests (interaction_key);
      CREATE INDEX assistance_requests_at ON assistance_requests (at);
      ALTER TABLE notes_new RENAME TO notes;
      CREATE INDEX notes_interaction ON notes (interaction_key);
    `);
  },
};

/**
 * Schema-2 messages still waiting to be converted reference interactions(id), which
 * has no plain unique index from now on; they keep the column, without the reference.
 */
function dropLegacyForeignKeys(db: Database): void {
  const exists = (name: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
  if (exists(LEGACY_MESSAGES)) {
    db.exec(`
      CREATE TABLE ${LEGACY_MESSAGES}_new (
        id INTEGER PRIMARY KEY,
        interaction_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        sender_kind TEXT NOT NULL,
        sender_name TEXT NOT NULL,
        at INTEGER NOT NULL,
        channel TEXT NOT NULL,
        block_id INTEGER NOT NULL,
        body_offset INTEGER NOT NULL,
        body_length INTEGER NOT NULL
      ) STRICT;
      INSERT INTO ${LEGACY_MESSAGES}_new SELECT id, interaction_id, message_id, sender_kind, sender_name, at, channel, block_id, body_offset, body_length
        FROM ${LEGACY_MESSAGES};
      DROP TABLE ${LEGACY_MESSAGES};
      ALTER TABLE ${LEGACY_MESSAGES}_new RENAME TO ${LEGACY_MESSAGES};
    `);
  }
  if (exists(LEGACY_MESSAGE_BLOCKS)) {
    db.exec(`
      CREATE TABLE ${LEGACY_MESSAGE_BLOCKS}_new (id INTEGER PRIMARY KEY, interaction_id TEXT NOT NULL, data BLOB NOT NULL) STRICT;
      INSERT INTO ${LEGACY_MESSAGE_BLOCKS}_new SELECT id, interaction_id, data FROM ${LEGACY_MESSAGE_BLOCKS};
      DROP TABLE ${LEGACY_MESSAGE_BLOCKS};
      ALTER TABLE ${LEGACY_MESSAGE_BLOCKS}_new RENAME TO ${LEGACY_MESSAGE_BLOCKS};
    `);
  }
}
