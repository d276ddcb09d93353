import Database, { type Database as SqliteDatabase } from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations } from '../../../main/cache/migrations';
import { migration0008 } from '../../../main/cache/migrations/0008-drop-last-seen-index';
import { DAY, interaction, memoryCache, T0 } from './fixtures';

const upTo0007 = MIGRATIONS.filter((m) => m.version < migration0008.version);

function version7(): SqliteDatabase {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, upTo0007);
  db.exec(`
    INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at, connector, platform_id, epoch)
      VALUES ('demo:chat-7@100', 'chat', 'ended', 100, 0, 900, 'demo', 'chat-7', 100);
    INSERT INTO timeline_events (interaction_key, event_id, at, kind, text) VALUES (1, 'e1', 100, 'started', 'Chat from Carol');
  `);
  return db;
}

const indexNames = (db: SqliteDatabase) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'interactions'").all() as { name: string }[]).map((r) => r.name);

describe('migration 0008 (no last-seen index)', () => {
  it('drops the index no query used and keeps every row and the other indexes', () => {
    const db = version7();
    expect(indexNames(db)).toContain('interactions_last_seen');
    runMigrations(db, MIGRATIONS);
    expect(indexNames(db).sort()).toEqual(['interactions_id', 'interactions_queue', 'interactions_started']);
    expect(db.prepare('SELECT id, last_seen_at FROM interactions').all()).toEqual([{ id: 'demo:chat-7@100', last_seen_at: 900 }]);
    expect(db.prepare('SELECT count(*) AS n FROM timeline_events').get()).toEqual({ n: 1 });
  });

  it('retention, the date filter and stats still go by when a conversation was last seen', () => {
    const cache = memoryCache();
    cache.applyWrites(
      [
        { kind: 'interaction', record: interaction({ id: 'old', startedAt: T0 - 40 * DAY, lastSeenAt: T0 - 40 * DAY }) },
        // Started long ago, seen yesterday: still within 30 days.
        { kind: 'interaction', record: interaction({ id: 'long', startedAt: T0 - 40 * DAY, lastSeenAt: T0 - DAY }) },
        { kind: 'interaction', record: interaction({ id: 'new', startedAt: T0, lastSeenAt: T0 + 1000 }) },
      ],
      T0,
    );
    expect(cache.search({ from: T0 - 2 * DAY }).items.map((i) => i.id).sort()).toEqual(['long', 'new']);
    expect(cache.stats()).toMatchObject({ interactions: 3, oldestStartedAt: T0 - 40 * DAY, newestSeenAt: T0 + 1000 });
    expect(cache.purge(30, T0).interactionsDeleted).toBe(1);
    expect(cache.search({}).items.map((i) => i.id).sort()).toEqual(['long', 'new']);
    cache.close();
  });
});
