import Database, { type Database as SqliteDatabase } from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations } from '../../../main/cache/migrations';
import { migration0007 } from '../../../main/cache/migrations/0007-interaction-key-everywhere';
import { LEGACY_MESSAGES } from '../../../main/cache/migrations/0003-message-blocks';
import { BodyCipher } from '../../../main/cache/encryption';
import { CacheReader } from '../../../main/cache/repositories/cacheReader';
import { CACHE_KEY_BYTES } from '../../../main/cache/keyStore';

const before0007 = MIGRATIONS.filter((m) => m.version < migration0007.version);
const cipher = new BodyCipher(Buffer.alloc(CACHE_KEY_BYTES, 3));

/**
 * A version-6 cache: two conversations whose ids sort the other way round from their keys,
 * each with a supervision period, a note, an audit entry and an assistance request; plus an
 * audit entry and a request that never had a conversation.
 */
function version6(): SqliteDatabase {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, before0007);
  db.exec(`
    INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at, connector, platform_id, epoch)
      VALUES ('demo:zed@1767621600000', 'chat', 'ended', 1767621600000, 1, 1767621900000, 'demo', 'zed', 1767621600000);
    INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at, connector, platform_id, epoch)
      VALUES ('demo:amy@1767621700000', 'voice', 'connected', 1767621700000, 0, 1767621950000, 'demo', 'amy', 1767621700000);
    INSERT INTO supervision_periods (period_id, interaction_id, supervisor_id, supervisor_name, mode, participant_id, participant_name, started_at, ended_at)
      VALUES ('zed:sup:1', 'demo:zed@1767621600000', 'sup', 'Sue Park', 'coach', 'p-ag', 'Bea Chen', 1767621610000, 1767621620000),
             ('amy:sup:1', 'demo:amy@1767621700000', 'sup', 'Sue Park', 'monitor', NULL, NULL, 1767621710000, NULL);
    INSERT INTO audit_log (audit_id, interaction_id, actor_id, actor_name, action, target, at, result, detail)
      VALUES ('a1', 'demo:zed@1767621600000', 'sup', 'Sue Park', 'coach', 'Bea Chen', 1767621610000, 'ok', NULL),
             ('a2', NULL, 'sup', 'Sue Park', 'signIn', '', 1767621000000, 'ok', 'no conversation');
    INSERT INTO assistance_requests (request_id, interaction_id, agent_id, agent_name, at, reason, state, resolved_at, resolved_by)
      VALUES ('r1', 'demo:amy@1767621700000', 'ag-1', 'Al Diaz', 1767621720000, 'angry caller', 'open', NULL, NULL),
             ('r2', NULL, 'ag-2', 'Bea Chen', 1767621000000, NULL, 'resolved', 1767621005000, 'Sue Park');
  `);
  db.prepare('INSERT INTO notes (interaction_id, author_id, author_name, at, text) VALUES (?, ?, ?, ?, ?)').run(
    'demo:zed@1767621600000',
    'sup',
    'Sue Park',
    1767621630000,
    cipher.encrypt('offer a refund'),
  );
  return db;
}

const rows = (db: SqliteDatabase, sql: string) => db.prepare(sql).all();

describe('migration 0007 (everything hangs off the interaction key; id unique through a time-ordered index)', () => {
  it('keeps every conversation under its key and moves periods, notes, audit and requests to the key', () => {
    const db = version6();
    runMigrations(db);
    expect(rows(db, 'SELECT key, id FROM interactions ORDER BY key')).toEqual([
      { key: 1, id: 'demo:zed@1767621600000' },
      { key: 2, id: 'demo:amy@1767621700000' },
    ]);
    expect(rows(db, 'SELECT interaction_key, period_id, mode, participant_name FROM supervision_periods ORDER BY interaction_key')).toEqual([
      { interaction_key: 1, period_id: 'zed:sup:1', mode: 'coach', participant_name: 'Bea Chen' },
      { interaction_key: 2, period_id: 'amy:sup:1', mode: 'monitor', participant_name: null },
    ]);
    expect(rows(db, 'SELECT audit_id, interaction_key, detail FROM audit_log ORDER BY audit_id')).toEqual([
      { audit_id: 'a1', interaction_key: 1, detail: null },
      { audit_id: 'a2', interaction_key: null, detail: 'no conversation' },
    ]);
    expect(rows(db, 'SELECT request_id, interaction_key, reason FROM assistance_requests ORDER BY request_id')).toEqual([
      { request_id: 'r1', interaction_key: 2, reason: 'angry caller' },
      { request_id: 'r2', interaction_key: null, reason: null },
    ]);
    expect(rows(db, 'SELECT id, interaction_key, author_name FROM notes')).toEqual([{ id: 1, interaction_key: 1, author_name: 'Sue Park' }]);
  });

  it('gives offline review the same periods, notes, audit and requests by the same ids', () => {
    const db = version6();
    runMigrations(db);
    const zed = new CacheReader(db, cipher).detail('demo:zed@1767621600000');
    expect(zed?.supervisionPeriods).toEqual([
      {
        periodId: 'zed:sup:1',
        supervisorId: 'sup',
        supervisorName: 'Sue Park',
        mode: 'coach',
        participantId: 'p-ag',
        participantName: 'Bea Chen',
        startedAt: 1767621610000,
        endedAt: 1767621620000,
      },
    ]);
    expect(zed?.notes.map((n) => [n.interactionId, n.authorName, n.text])).toEqual([['demo:zed@1767621600000', 'Sue Park', 'offer a refund']]);
    expect(zed?.audit.map((a) => [a.auditId, a.interactionId])).toEqual([['a1', 'demo:zed@1767621600000']]);
    const amy = new CacheReader(db, cipher).detail('demo:amy@1767621700000');
    expect(amy?.assistanceRequests.map((r) => [r.requestId, r.interactionId, r.reason])).toEqual([['r1', 'demo:amy@1767621700000', 'angry caller']]);
  });

  it('keeps ids unique, cascades from the key, and leaves entries without a conversation alone', () => {
    const db = version6();
    runMigrations(db);
    expect(() =>
      db.exec(`INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at)
        VALUES ('demo:amy@1767621700000', 'voice', 'ended', 1, 0, 1)`),
    ).toThrow(/UNIQUE constraint failed/);
    expect(() => db.exec(`INSERT INTO notes (interaction_key, author_id, author_name, at, text) VALUES (9, 's', 'S', 1, x'00')`)).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM interactions WHERE key = 1");
    expect(rows(db, 'SELECT count(*) AS n FROM notes')).toEqual([{ n: 0 }]);
    expect(rows(db, 'SELECT period_id FROM supervision_periods')).toEqual([{ period_id: 'amy:sup:1' }]);
    expect(rows(db, 'SELECT audit_id FROM audit_log')).toEqual([{ audit_id: 'a2' }]);
    expect(rows(db, 'SELECT request_id FROM assistance_requests ORDER BY request_id')).toEqual([{ request_id: 'r1' }, { request_id: 'r2' }]);
  });

  it('orders the id index by the epoch at the end of the id, so new conversations append', () => {
    const db = version6();
    runMigrations(db);
    // Index order, not id order: zed (earlier epoch) before amy.
    expect(rows(db, 'SELECT id FROM interactions INDEXED BY interactions_id ORDER BY substr(id, -13), id')).toEqual([
      { id: 'demo:zed@1767621600000' },
      { id: 'demo:amy@1767621700000' },
    ]);
    const plan = rows(db, "EXPLAIN QUERY PLAN SELECT key FROM interactions WHERE substr(id, -13) = substr('x', -13) AND id = 'x'") as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH interactions USING COVERING INDEX interactions_id/);
  });

  it('lets a cache from before schema 3 migrate with its messages still waiting to be converted', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= 2));
    db.exec(`
      INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at) VALUES ('chat-a', 'sms', 'ended', 10, 0, 15);
      INSERT INTO message_blocks (interaction_id, data) VALUES ('chat-a', x'01');
      INSERT INTO messages (interaction_id, message_id, sender_kind, sender_name, at, channel, block_id, body_offset, body_length)
        VALUES ('chat-a', 'm1', 'agent', 'Ann', 11, 'sms', 1, 0, 1);
    `);
    expect(() => runMigrations(db)).not.toThrow();
    expect(rows(db, `SELECT interaction_id, message_id FROM ${LEGACY_MESSAGES}`)).toEqual([{ interaction_id: 'chat-a', message_id: 'm1' }]);
  });
});
