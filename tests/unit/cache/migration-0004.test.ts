import Database, { type Database as SqliteDatabase } from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../main/cache/migrations/0001-initial';
import { migration0002 } from '../../../main/cache/migrations/0002-search-terms';
import { migration0003 } from '../../../main/cache/migrations/0003-message-blocks';
import { migration0004 } from '../../../main/cache/migrations/0004-conversation-identity';
import { runMigrations } from '../../../main/cache/migrations';

/** A version-3 cache holding one record that already merged two conversations under 'chat-7'. */
function version3() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, [migration0001, migration0002, migration0003]);
  db.exec(`
    INSERT INTO interactions (id, channel, customer_name, state, started_at, monitored_by_me, last_seen_at)
      VALUES ('chat-7', 'chat', 'Second Customer', 'ended', 100, 1, 900);
    INSERT INTO message_blocks (interaction_key, first_at, message_count, data) VALUES (1, 100, 2, x'01');
    INSERT INTO message_blocks (interaction_key, first_at, message_count, data) VALUES (1, 800, 3, x'02');
    INSERT INTO timeline_events (interaction_id, event_id, at, kind, text) VALUES ('chat-7', 'e1', 100, 'started', 'First chat');
    INSERT INTO timeline_events (interaction_id, event_id, at, kind, text) VALUES ('chat-7', 'e2', 800, 'started', 'Second chat');
    INSERT INTO notes (interaction_id, author_id, author_name, at, text) VALUES ('chat-7', 's', 'Sue', 850, x'03');
  `);
  return db;
}

/** This file tests 0004 itself; later migrations have their own tests. */
const upTo0004 = [migration0001, migration0002, migration0003, migration0004];

const count = (db: SqliteDatabase, sql: string) => (db.prepare(sql).get() as { n: number }).n;
const insert = (db: SqliteDatabase, id: string, connector: string, platformId: string, epoch: number) =>
  db
    .prepare(
      `INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at, connector, platform_id, epoch)
       VALUES (?, 'chat', 'connected', ?, 0, ?, ?, ?, ?)`,
    )
    .run(id, epoch, epoch, connector, platformId, epoch);

describe('migration 0004 (conversation identity)', () => {
  it('keeps a record cached before it (merged or not) readable under its old id, with everything hanging off it', () => {
    const db = version3();
    runMigrations(db, upTo0004);
    expect(db.prepare('SELECT key, id, connector, platform_id, epoch, customer_name FROM interactions').all()).toEqual([
      { key: 1, id: 'chat-7', connector: '', platform_id: 'chat-7', epoch: 100, customer_name: 'Second Customer' },
    ]);
    expect(count(db, 'SELECT sum(message_count) AS n FROM message_blocks WHERE interaction_key = 1')).toBe(5);
    expect(count(db, "SELECT count(*) AS n FROM timeline_events WHERE interaction_id = 'chat-7'")).toBe(2);
    expect(count(db, "SELECT count(*) AS n FROM notes WHERE interaction_id = 'chat-7'")).toBe(1);
  });

  it('lets the same platform id live on as separate conversations, one row per (connector, platform id, epoch)', () => {
    const db = version3();
    runMigrations(db, upTo0004);
    insert(db, 'demo:chat-7@5000', 'demo', 'chat-7', 5000);
    insert(db, 'demo:chat-7@9000', 'demo', 'chat-7', 9000);
    insert(db, 'asterisk:chat-7@5000', 'asterisk', 'chat-7', 5000);
    expect(count(db, "SELECT count(*) AS n FROM interactions WHERE platform_id = 'chat-7'")).toBe(4);
    expect(() => insert(db, 'other-id', 'demo', 'chat-7', 5000)).toThrow(/UNIQUE/);
  });

  it('keeps the table STRICT', () => {
    const db = new Database(':memory:');
    runMigrations(db, upTo0004);
    expect(() => insert(db, 'x', 'demo', 'p', 'soon' as unknown as number)).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
