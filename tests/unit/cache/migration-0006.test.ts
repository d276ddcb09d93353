import Database, { type Database as SqliteDatabase } from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations } from '../../../main/cache/migrations';
import { migration0006 } from '../../../main/cache/migrations/0006-drop-identity-index';
import { cachedInteractionId } from '../../../main/cache/interactionIdentity';
import { interaction, memoryCache, T0 } from './fixtures';

const upTo0005 = MIGRATIONS.filter((m) => m.version < migration0006.version);

function version5(): SqliteDatabase {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, upTo0005);
  db.exec(`
    INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at, connector, platform_id, epoch)
      VALUES ('demo:chat-7@100', 'chat', 'ended', 100, 0, 900, 'demo', 'chat-7', 100);
    INSERT INTO timeline_events (interaction_key, event_id, at, kind, text) VALUES (1, 'e1', 100, 'started', 'Chat from Carol');
  `);
  return db;
}

const indexNames = (db: SqliteDatabase) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'interactions'").all() as { name: string }[]).map((r) => r.name);

describe('migration 0006 (no separate identity index)', () => {
  it('drops the identity index and keeps every row', () => {
    const db = version5();
    expect(indexNames(db)).toContain('interactions_identity');
    runMigrations(db, MIGRATIONS);
    expect(indexNames(db)).not.toContain('interactions_identity');
    expect(db.prepare('SELECT id, connector, platform_id, epoch FROM interactions').all()).toEqual([
      { id: 'demo:chat-7@100', connector: 'demo', platform_id: 'chat-7', epoch: 100 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM timeline_events').get()).toEqual({ n: 1 });
  });

  it('still refuses a second row for the same id', () => {
    const db = version5();
    runMigrations(db, MIGRATIONS);
    expect(() =>
      db.exec(`INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at, connector, platform_id, epoch)
        VALUES ('demo:chat-7@100', 'chat', 'connected', 100, 0, 950, 'demo', 'chat-7', 100)`),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it('still keeps one record per conversation and one per reuse of a platform id', () => {
    const cache = memoryCache();
    const identity = (epoch: number) => ({ connector: 'demo', platformId: 'chat-7', epoch });
    const first = interaction({ id: cachedInteractionId(identity(T0)), identity: identity(T0), customerName: 'Carol' });
    cache.applyWrites([{ kind: 'interaction', record: first }], T0);
    cache.applyWrites([{ kind: 'interaction', record: { ...first, state: 'ended', lastSeenAt: T0 + 5 } }], T0);
    const reused = interaction({ id: cachedInteractionId(identity(T0 + 1000)), identity: identity(T0 + 1000), customerName: 'Dan' });
    cache.applyWrites([{ kind: 'interaction', record: reused }], T0);
    expect(cache.search({}).items.map((i) => [i.id, i.customerName, i.state]).sort()).toEqual([
      [`demo:chat-7@${T0}`, 'Carol', 'ended'],
      [`demo:chat-7@${T0 + 1000}`, 'Dan', 'connected'],
    ]);
    // A record claiming another conversation's identity is refused before it reaches SQL.
    expect(() =>
      cache.applyWrites([{ kind: 'interaction', record: { ...reused, id: 'demo:chat-7@1' } }], T0),
    ).toThrow(/cached id of its identity/);
    cache.close();
  });
});
