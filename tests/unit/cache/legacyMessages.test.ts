import Database from '../../../main/cache/sqlite';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { BodyCipher } from '../../../main/cache/encryption';
import { migration0001 } from '../../../main/cache/migrations/0001-initial';
import { migration0002 } from '../../../main/cache/migrations/0002-search-terms';
import { latestSchemaVersion, runMigrations, schemaVersion } from '../../../main/cache/migrations';
import { tempDir, type TempDir, T0 } from './fixtures';

let dir: TempDir;
afterEach(() => dir?.cleanup());

/** Writes a cache the way Spyglass did at schema version 2: a row per message, bodies concatenated in encrypted blocks. */
function writeVersion2Cache(path: string, key: Buffer) {
  const cipher = new BodyCipher(key);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  runMigrations(db, [migration0001, migration0002]);
  const interaction = db.prepare(
    `INSERT INTO interactions (id, channel, queue_id, state, started_at, monitored_by_me, last_seen_at) VALUES (?, 'sms', 'q1', 'ended', ?, 1, ?)`,
  );
  interaction.run('sms-a', T0, T0 + 5000);
  interaction.run('sms-b', T0 + 1, T0 + 5000);
  const bodies = ['hello, I need a refund', 'Crème brûlée order ü'];
  const block = db
    .prepare('INSERT INTO message_blocks (interaction_id, data) VALUES (?, ?)')
    .run('sms-a', cipher.encryptBytes(Buffer.from(bodies.join(''), 'utf8'))).lastInsertRowid;
  const damaged = db.prepare('INSERT INTO message_blocks (interaction_id, data) VALUES (?, ?)').run('sms-b', randomBytes(40)).lastInsertRowid;
  const message = db.prepare(
    `INSERT INTO messages (interaction_id, message_id, sender_kind, sender_name, at, channel, block_id, body_offset, body_length)
     VALUES (?, ?, ?, ?, ?, 'sms', ?, ?, ?)`,
  );
  const first = Buffer.byteLength(bodies[0]!);
  message.run('sms-a', 'm1', 'customer', 'Carl', T0 + 1000, block, 0, first);
  message.run('sms-a', 'm2', 'agent', 'Ann', T0 + 2000, block, first, Buffer.byteLength(bodies[1]!));
  message.run('sms-b', 'm3', 'customer', 'Dee', T0 + 3000, damaged, 0, 10);
  db.close();
}

describe('messages cached before schema version 3', () => {
  it('are re-encrypted in the block format when the cache opens, searchable and readable as before', () => {
    dir = tempDir();
    const path = join(dir.path, 'cache.sqlite');
    const key = randomBytes(32);
    writeVersion2Cache(path, key);

    const { cache } = CacheDatabase.open({ path, key, now: T0 + 10_000 });
    try {
      expect(schemaVersion(cache.db)).toBe(latestSchemaVersion());
      expect(cache.openInteraction('sms-a')?.transcript).toEqual([
        { messageId: 'm1', senderKind: 'customer', senderName: 'Carl', at: T0 + 1000, channel: 'sms', body: 'hello, I need a refund' },
        { messageId: 'm2', senderKind: 'agent', senderName: 'Ann', at: T0 + 2000, channel: 'sms', body: 'Crème brûlée order ü' },
      ]);
      expect(cache.search({ text: 'refund' }).items.map((i) => i.id)).toEqual(['sms-a']);
      expect(cache.search({ text: 'creme bru' }).items[0]?.hits[0]?.messageId).toBe('m2');
      // The damaged block was unreadable before; its message is not carried over, the interaction is.
      expect(cache.openInteraction('sms-b')?.transcript).toEqual([]);
      expect(cache.stats()).toMatchObject({ interactions: 2, messages: 2 });
      const tables = cache.db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'legacy_%'").all();
      expect(tables).toEqual([]);
      // Redelivery of an upgraded message is still recognised.
      cache.applyWrites(
        [{ kind: 'messages', records: [{ interactionId: 'sms-a', messageId: 'm1', senderKind: 'customer', senderName: 'Carl', at: T0 + 1000, channel: 'sms', body: 'hello, I need a refund' }] }],
        T0 + 11_000,
      );
      expect(cache.openInteraction('sms-a')?.transcript).toHaveLength(2);
    } finally {
      cache.close();
    }
    // Opening again does nothing more.
    const again = CacheDatabase.open({ path, key, now: T0 + 20_000 }).cache;
    expect(again.openInteraction('sms-a')?.transcript).toHaveLength(2);
    again.close();
  });
});
