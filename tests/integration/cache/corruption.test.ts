import Database from '../../../main/cache/sqlite';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore, type KeyStore } from '../../../main/cache/keyStore';
import { openSessionCache } from '../../../main/cache/SessionCache';
import { interaction, message, T0, tempDir, type TempDir } from '../../unit/cache/fixtures';

let dir: TempDir;
afterEach(() => dir.cleanup());

const NOW = T0 + 123;

function paths() {
  return { db: join(dir.path, 'cache.sqlite'), key: join(dir.path, 'cache.key') };
}

async function openAt(keyStore: KeyStore = new FileKeyStore(paths().key)) {
  return openSessionCache({ path: paths().db, keyStore, now: () => NOW });
}

async function seed(keyStore?: KeyStore) {
  const { cache } = await openAt(keyStore);
  await cache.recordInteraction(interaction());
  await cache.recordMessages(Array.from({ length: 300 }, (_, i) => message(i, { body: `text ${i} ${'x'.repeat(200)}` })));
  await cache.close();
}

describe('damaged cache file', () => {
  it('moves a file that is not a database aside, starts fresh and says so', async () => {
    dir = tempDir();
    writeFileSync(paths().db, 'this is not sqlite at all, just some junk bytes '.repeat(100));

    const { cache, notices } = await openAt();
    try {
      const notice = notices.find((n) => n.code === 'CORRUPT_REPLACED');
      expect(notice?.message).toMatch(/damaged.*moved aside.*new, empty cache/s);
      expect(notice?.movedTo).toBe(`${paths().db}.corrupt-${NOW}`);
      expect(existsSync(`${paths().db}.corrupt-${NOW}`)).toBe(true);
      // The fresh cache works.
      await cache.recordInteraction(interaction());
      expect((await cache.search({})).items).toHaveLength(1);
    } finally {
      await cache.close();
    }
  });

  it('detects damaged pages inside a real database file', async () => {
    dir = tempDir();
    await seed();
    const size = statSync(paths().db).size;
    // Keep the header (page 1) intact, scribble over the rest.
    const fd = openSync(paths().db, 'r+');
    writeSync(fd, randomBytes(size - 4096), 0, size - 4096, 4096);
    closeSync(fd);

    const { cache, notices } = await openAt();
    try {
      expect(notices.map((n) => n.code)).toContain('CORRUPT_REPLACED');
      expect((await cache.stats()).messages).toBe(0);
      expect(readdirSync(dir.path).some((f) => f.startsWith('cache.sqlite.corrupt-'))).toBe(true);
    } finally {
      await cache.close();
    }
  });

  it('starts a new cache with a notice when the key changed (old data unreadable)', async () => {
    dir = tempDir();
    await seed();
    const otherKey: KeyStore = { isSecure: true, insecureReason: null, getOrCreateKey: async () => randomBytes(32) };

    const { cache, notices } = await openAt(otherKey);
    try {
      expect(notices.map((n) => n.code)).toEqual(['KEY_CHANGED_REPLACED']);
      expect((await cache.stats()).messages).toBe(0);
    } finally {
      await cache.close();
    }
  });

  it('refuses a database from a newer Spyglass and leaves the file alone', async () => {
    dir = tempDir();
    await seed();
    const raw = new Database(paths().db);
    raw.pragma('user_version = 999');
    raw.close();

    await expect(openAt()).rejects.toMatchObject({
      code: 'DATABASE_FROM_FUTURE',
      message: expect.stringMatching(/schema version 999/),
    });
    expect(readdirSync(dir.path).some((f) => f.includes('.corrupt-'))).toBe(false);
  });
});
