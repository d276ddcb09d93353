import type { Database } from '../sqlite';
import type { Migration } from './types';

// Timeline entries, participants and agents hang off the interaction's INTEGER
// key (as message blocks have since schema 3), not its text id (issue 15 item 3).
//
// Why: these are WITHOUT ROWID tables, so rows are stored in primary-key order.
// Keyed by the text id, the rows of the conversations going on now sat all over
// each b-tree (platform ids rarely sort by time: UUIDs on some platforms,
// names in the demo), and every commit rewrote ~1,100 encrypted pages
// whatever its size. Keys grow with time, so the conversations going on now
// are the last ones in each table and a commit dirties a few pages at its
// right edge. Replaying the same events with ids that happened to sort by
// time (the effect this has, without the migration) cut the cache worker's
// CPU per 100k messages from 13.1 to 7.3 s.
//
// Tables are rebuilt the way SQLite documents (create new, copy, drop,
// rename); runMigrations turns foreign keys off around it and checks every
// key before the commit. A row whose interaction is gone cannot be read by
// anything (every read goes through its interaction) and is not copied;
// with foreign keys on, as the cache always runs, there are none.
export const migration0005: Migration = {
  version: 5,
  name: 'integer-interaction-keys',
  up(db: Database) {
    db.exec(`
      CREATE TABLE interaction_agents_new (
        interaction_key INTEGER NOT NULL REFERENCES interactions (key) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        agent_name TEXT NOT NULL,
        PRIMARY KEY (interaction_key, agent_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO interaction_agents_new (interaction_key, agent_id, agent_name)
        SELECT i.key, a.agent_id, a.agent_name FROM interaction_agents a JOIN interactions i ON i.id = a.interaction_id
        ORDER BY i.key, a.agent_id;
      DROP TABLE interaction_agents;
      ALTER TABLE interaction_agents_new RENAME TO interaction_agents;
      -- The search filter "handled by agent X" walks this.
      CREATE INDEX interaction_agents_agent ON interaction_agents (agent_id);

      CREATE TABLE participants_new (
        interaction_key INTEGER NOT NULL REFERENCES interactions (key) ON DELETE CASCADE,
        participant_id TEXT NOT NULL,
        name TEXT NOT NULL,
        -- Comparisons, not IN (...): SQLite evaluates a CHECK's IN list through an ephemeral table
        -- on every insert (~1.7 us against ~0.1 us, measured), and each participant is an upsert.
        kind TEXT NOT NULL CHECK (kind = 'internal' OR kind = 'external'),
        role TEXT NOT NULL,
        PRIMARY KEY (interaction_key, participant_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO participants_new (interaction_key, participant_id, name, kind, role)
        SELECT i.key, p.participant_id, p.name, p.kind, p.role FROM participants p JOIN interactions i ON i.id = p.interaction_id
        ORDER BY i.key, p.participant_id;
      DROP TABLE participants;
      ALTER TABLE participants_new RENAME TO participants;

      CREATE TABLE timeline_events_new (
        interaction_key INTEGER NOT NULL REFERENCES interactions (key) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        supervisor_name TEXT,
        PRIMARY KEY (interaction_key, event_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO timeline_events_new (interaction_key, event_id, at, kind, text, supervisor_name)
        SELECT i.key, t.event_id, t.at, t.kind, t.text, t.supervisor_name FROM timeline_events t JOIN interactions i ON i.id = t.interaction_id
        ORDER BY i.key, t.event_id;
      DROP TABLE timeline_events;
      ALTER TABLE timeline_events_new RENAME TO timeline_events;
    `);
  },
};
