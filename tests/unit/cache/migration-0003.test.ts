import Database, { type Database as SqliteDatabase } from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../main/cache/migrations/0001-initial';
import { migration0002 } from '../../../main/cache/migrations/0002-search-terms';
import { LEGACY_MESSAGE_BLOCKS, LEGACY_MESSAGES, migration0003 } from '../../../main/cache/migrations/0003-message-blocks';
import { runMigrations } from '../../../main/cache/migrations';

/** This file tests 0003 itself; later migrations have their own tests. */
const upTo0003 = [migration0001, migration0002, migration0003];

/** A version-2 cache with one interaction, a message, its block, a note and a timeline event. */
function version2() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, [migration0001, migration0002]);
  db.exec(`
    INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at) VALUES ('chat-b', 'chat', 'connected', 20, 1, 30);
    INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at) VALUES ('chat-a', 'sms', 'ended', 10, 0, 15);
    INSERT INTO message_blocks (interaction_id, data) VALUES ('chat-a', x'01');
    INSERT INTO messages (interaction_id, message_id, sender_kind, sender_name, at, channel, block_id, body_offset, body_length)
      VALUES ('chat-a', 'm1', 'agent', 'Ann', 11, 'sms', 1, 0, 1);
    INSERT INTO notes (interaction_id, author_id, author_name, at, text) VALUES ('chat-a', 's', 'Sue', 12, x'02');
    INSERT INTO timeline_events (interaction_id, event_id, at, kind, text) VALUES ('chat-a', 'e1', 11, 'joined', 'Ann joined');
  `);
  return db;
}

const count = (db: SqliteDatabase, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 0003 (message blocks)', () => {
  it('gives interactions integer keys in start order and keeps everything that hangs off them', () => {
    const db = version2();
    runMigrations(db, upTo0003);
    expect(db.prepare('SELECT key, id FROM interactions ORDER BY key').all()).toEqual([
      { key: 1, id: 'chat-a' },
      { key: 2, id: 'chat-b' },
    ]);
    expect(count(db, 'notes')).toBe(1);
    expect(count(db, 'timeline_events')).toBe(1);
    // The old cascades still hold after the rebuild.
    db.prepare("DELETE FROM interactions WHERE id = 'chat-a'").run();
    expect(count(db, 'notes')).toBe(0);
    expect(count(db, 'timeline_events')).toBe(0);
    expect(count(db, LEGACY_MESSAGES)).toBe(0);
  });

  it('keeps old messages and blocks aside for the cache to re-encrypt, and starts an empty index', () => {
    const db = version2();
    runMigrations(db, upTo0003);
    expect(count(db, LEGACY_MESSAGES)).toBe(1);
    expect(count(db, LEGACY_MESSAGE_BLOCKS)).toBe(1);
    expect(count(db, 'message_blocks')).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'messages_fts_delete'").get()).toBeUndefined();
  });

  it('stores blocks per interaction key, deleted with the interaction', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db);
    db.exec(`INSERT INTO interactions (id, channel, state, started_at, monitored_by_me, last_seen_at) VALUES ('x', 'chat', 's', 1, 0, 1)`);
    db.exec(`INSERT INTO message_blocks (interaction_key, first_at, message_count, data) VALUES (1, 1, 2, x'00')`);
    expect(() => db.exec(`INSERT INTO message_blocks (interaction_key, first_at, message_count, data) VALUES (9, 1, 1, x'00')`)).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.exec(`INSERT INTO message_blocks (interaction_key, first_at, message_count, data) VALUES (1, 1, 0, x'00')`)).toThrow(
      /CHECK/,
    );
    expect(() => db.exec(`INSERT INTO message_blocks (interaction_key, first_at, message_count, data) VALUES (1, 'now', 1, x'00')`)).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.exec(`DELETE FROM interactions WHERE id = 'x'`);
    expect(count(db, 'message_blocks')).toBe(0);
  });

  it('indexes without a per-row size table, and still keeps no readable text', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'message_fts_docsize'").get()).toBeUndefined();
    db.prepare('INSERT INTO message_fts (rowid, body) VALUES (-1, ?)').run('secret words');
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'message_fts_content'").get()).toBeUndefined();
    const shadow = db.prepare("SELECT block FROM message_fts_data").all() as { block: Buffer }[];
    expect(shadow.some((r) => r.block.toString('latin1').includes('secret words'))).toBe(false);
    expect(db.prepare("SELECT rowid FROM message_fts WHERE message_fts MATCH 'secret'").all()).toEqual([{ rowid: -1 }]);
    // Removal takes the exact text (retention reads it back from the block).
    db.prepare("INSERT INTO message_fts (message_fts, rowid, body) VALUES ('delete', -1, ?)").run('secret words');
    expect(db.prepare("SELECT rowid FROM message_fts WHERE message_fts MATCH 'secret'").all()).toEqual([]);
  });

  it('is version 3', () => {
    expect(migration0003.version).toBe(3);
  });
});
