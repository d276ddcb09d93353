import Database, { type Database as SqliteDatabase } from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../main/cache/migrations/0001-initial';
import { migration0002 } from '../../../main/cache/migrations/0002-search-terms';
import { migration0003 } from '../../../main/cache/migrations/0003-message-blocks';
import { migration0004 } from '../../../main/cache/migrations/0004-conversation-identity';
import { migration0005 } from '../../../main/cache/migrations/0005-integer-interaction-keys';
import { runMigrations } from '../../../main/cache/migrations';
import { BodyCipher } from '../../../main/cache/encryption';
import { CacheReader } from '../../../main/cache/repositories/cacheReader';
import { CACHE_KEY_BYTES } from '../../../main/cache/keyStore';

const upTo0005 = [migration0001, migration0002, migration0003, migration0004, migration0005];

/**
 * A version-4 cache whose text ids sort the other way round from their keys
 * ('zed' is key 1, 'amy' key 2), with agents, participants and timeline entries.
 */
function version4(): SqliteDatabase {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, [migration0001, migration0002, migration0003, migration0004]);
  db.exec(`
    INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at, connector, platform_id, epoch)
      VALUES ('demo:zed@100', 'chat', 'ended', 100, 1, 900, 'demo', 'zed', 100);
    INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at, connector, platform_id, epoch)
      VALUES ('demo:amy@200', 'voice', 'connected', 200, 0, 950, 'demo', 'amy', 200);
    INSERT INTO interaction_agents (interaction_id, agent_id, agent_name) VALUES
      ('demo:zed@100', 'agent-2', 'Bea Chen'), ('demo:zed@100', 'agent-1', 'Al Diaz'), ('demo:amy@200', 'agent-1', 'Al Diaz');
    INSERT INTO participants (interaction_id, participant_id, name, kind, role) VALUES
      ('demo:zed@100', 'p-cust', 'Carol Customer', 'external', 'customer'),
      ('demo:zed@100', 'p-ag', 'Bea Chen', 'internal', 'agent'),
      ('demo:amy@200', 'p-cust', 'Dan Caller', 'external', 'customer');
    INSERT INTO timeline_events (interaction_id, event_id, at, kind, text, supervisor_name) VALUES
      ('demo:zed@100', 'e2', 300, 'joined', 'Bea Chen joined', NULL),
      ('demo:zed@100', 'e1', 100, 'started', 'Chat from Carol', NULL),
      ('demo:amy@200', 'e1', 210, 'monitor', 'Sue started monitoring', 'Sue Park');
  `);
  return db;
}

const rows = (db: SqliteDatabase, sql: string) => db.prepare(sql).all();
const reader = (db: SqliteDatabase) => new CacheReader(db, new BodyCipher(Buffer.alloc(CACHE_KEY_BYTES, 7)));

describe('migration 0005 (timeline, participants and agents keyed by the interaction key)', () => {
  it('moves every row to its interaction key, values unchanged', () => {
    const db = version4();
    runMigrations(db, upTo0005);
    expect(rows(db, 'SELECT * FROM interaction_agents ORDER BY interaction_key, agent_id')).toEqual([
      { interaction_key: 1, agent_id: 'agent-1', agent_name: 'Al Diaz' },
      { interaction_key: 1, agent_id: 'agent-2', agent_name: 'Bea Chen' },
      { interaction_key: 2, agent_id: 'agent-1', agent_name: 'Al Diaz' },
    ]);
    expect(rows(db, 'SELECT * FROM participants ORDER BY interaction_key, participant_id')).toEqual([
      { interaction_key: 1, participant_id: 'p-ag', name: 'Bea Chen', kind: 'internal', role: 'agent' },
      { interaction_key: 1, participant_id: 'p-cust', name: 'Carol Customer', kind: 'external', role: 'customer' },
      { interaction_key: 2, participant_id: 'p-cust', name: 'Dan Caller', kind: 'external', role: 'customer' },
    ]);
    expect(rows(db, 'SELECT * FROM timeline_events ORDER BY interaction_key, event_id')).toEqual([
      { interaction_key: 1, event_id: 'e1', at: 100, kind: 'started', text: 'Chat from Carol', supervisor_name: null },
      { interaction_key: 1, event_id: 'e2', at: 300, kind: 'joined', text: 'Bea Chen joined', supervisor_name: null },
      { interaction_key: 2, event_id: 'e1', at: 210, kind: 'monitor', text: 'Sue started monitoring', supervisor_name: 'Sue Park' },
    ]);
  });

  it('gives the review the same participants, timeline and agents by the same ids (through to the latest schema)', () => {
    const db = version4();
    runMigrations(db);
    const zed = reader(db).detail('demo:zed@100');
    expect(zed?.interaction.agents).toEqual([
      { id: 'agent-1', name: 'Al Diaz' },
      { id: 'agent-2', name: 'Bea Chen' },
    ]);
    expect(zed?.participants).toEqual([
      { participantId: 'p-ag', name: 'Bea Chen', kind: 'internal', role: 'agent' },
      { participantId: 'p-cust', name: 'Carol Customer', kind: 'external', role: 'customer' },
    ]);
    expect(zed?.timeline.map((t) => t.text)).toEqual(['Chat from Carol', 'Bea Chen joined']);
    expect(reader(db).detail('demo:amy@200')?.timeline).toEqual([
      { eventId: 'e1', at: 210, kind: 'monitor', text: 'Sue started monitoring', supervisorName: 'Sue Park' },
    ]);
    expect(reader(db).summaries(['demo:amy@200', 'demo:zed@100']).map((s) => [s.id, s.agents.map((a) => a.name)])).toEqual([
      ['demo:amy@200', ['Al Diaz']],
      ['demo:zed@100', ['Al Diaz', 'Bea Chen']],
    ]);
  });

  it('keeps cascades, foreign keys and STRICT types on the rebuilt tables', () => {
    const db = version4();
    runMigrations(db, upTo0005);
    expect(() => db.exec(`INSERT INTO timeline_events (interaction_key, event_id, at, kind, text) VALUES (9, 'e', 1, 'k', 't')`)).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.exec(`INSERT INTO participants (interaction_key, participant_id, name, kind, role) VALUES ('1', 'p', 'n', 'x', 'r')`)).toThrow(
      /CHECK|cannot store/,
    );
    expect(() => db.exec(`INSERT INTO interaction_agents (interaction_key, agent_id, agent_name) VALUES ('one', 'a', 'n')`)).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.exec("DELETE FROM interactions WHERE id = 'demo:zed@100'");
    for (const table of ['interaction_agents', 'participants', 'timeline_events']) {
      expect(rows(db, `SELECT DISTINCT interaction_key FROM ${table}`)).toEqual([{ interaction_key: 2 }]);
    }
  });

  it('stores each table in interaction-key order and keeps the agent index for search', () => {
    const db = version4();
    runMigrations(db, upTo0005);
    const schema = rows(db, "SELECT name, sql FROM sqlite_schema WHERE tbl_name IN ('interaction_agents','participants','timeline_events')") as {
      name: string;
      sql: string | null;
    }[];
    for (const table of ['interaction_agents', 'participants', 'timeline_events']) {
      const sql = schema.find((s) => s.name === table)?.sql ?? '';
      expect(sql).toMatch(/PRIMARY KEY \(interaction_key, \w+\)/);
      expect(sql).toMatch(/WITHOUT ROWID/);
      expect(sql).not.toMatch(/interaction_id/);
    }
    expect(schema.map((s) => s.name)).toContain('interaction_agents_agent');
    const plan = rows(db, "EXPLAIN QUERY PLAN SELECT interaction_key FROM interaction_agents WHERE agent_id = 'agent-1'") as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/interaction_agents_agent/);
  });

  it('does not copy rows whose interaction is already gone (nothing can read them)', () => {
    const db = version4();
    db.pragma('foreign_keys = OFF');
    db.exec(`INSERT INTO timeline_events (interaction_id, event_id, at, kind, text) VALUES ('vanished', 'e1', 5, 'started', 'x')`);
    db.pragma('foreign_keys = ON');
    runMigrations(db, upTo0005);
    expect(rows(db, 'SELECT count(*) AS n FROM timeline_events')).toEqual([{ n: 3 }]);
  });
});
