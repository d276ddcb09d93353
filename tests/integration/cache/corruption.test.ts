import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore, type KeyStore } from '../../../main/cache/keyStore';
import { openSessionCache } from '../../../main/cache/SessionCache';
import { interaction, message, openRawCache, T0, tempDir, type TempDir } from '../../unit/cache/fixtures';

let dir: TempDir;
afterEach(() => dir.cleanup());

const NOW = T0 + 123;

function paths() {
  return { db: join(dir.path, 'cache.sqlite'), key: join(dir.path, 'cache.key') };
}

async function openAt(keyStore: KeyStore = new FileKeyStore(paths().key)) {
  return openSessionCache({ path: paths().db, keyStore, now: () => NOW });
}

/** Every file in the cache folder and its bytes. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir.path)
      .filter((f) => !f.endsWith('-shm')) // the WAL index: rebuilt by whoever opens the file, holds no data
      .map((f) => [f, readFileSync(join(dir.path, f)).toString('base64')]),
  );
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

  it('never moves aside or replaces a cache encrypted with another key, says what to do, and opens again with the right key', async () => {
    dir = tempDir();
    await seed();
    const before = snapshot();
    const otherKey: KeyStore = { isSecure: true, insecureReason: null, getOrCreateKey: async () => randomBytes(32) };

    await expect(openAt(otherKey)).rejects.toMatchObject({
      code: 'KEY_MISMATCH',
      message: expect.stringMatching(/different key.*Nothing was moved or deleted.*restore the previous key.*To give them up/s),
    });
    // Twice, like two restarts: still nothing touched.
    await expect(openAt(otherKey)).rejects.toMatchObject({ code: 'KEY_MISMATCH' });
    expect(snapshot()).toEqual(before);

    const { cache, notices } = await openAt();
    try {
      expect(notices.map((n) => n.code)).toEqual(['INSECURE_KEY_STORE']);
      expect((await cache.stats()).messages).toBe(300);
    } finally {
      await cache.close();
    }
  });

  it('without the key record, an unreadable whole-page file is left alone (it may be under another key)', async () => {
    dir = tempDir();
    await seed();
    rmSync(`${paths().db}.key-id`);
    const before = snapshot();
    const otherKey: KeyStore = { isSecure: true, insecureReason: null, getOrCreateKey: async () => randomBytes(32) };

    await expect(openAt(otherKey)).rejects.toMatchObject({ code: 'KEY_MISMATCH', message: expect.stringMatching(/cannot tell whether it is damaged/) });
    expect(snapshot()).toEqual(before);
    // The right key reads it and records itself again.
    const { cache } = await openAt();
    try {
      expect((await cache.stats()).messages).toBe(300);
      expect(existsSync(`${paths().db}.key-id`)).toBe(true);
    } finally {
      await cache.close();
    }
  });

  it('refuses a database from a newer Spyglass and leaves the file alone', async () => {
    dir = tempDir();
    await seed();
    const raw = openRawCache(paths().db, await new FileKeyStore(paths().key).getOrCreateKey());
    raw.pragma('user_version = 999');
    raw.close();

    await expect(openAt()).rejects.toMatchObject({
      code: 'DATABASE_FROM_FUTURE',
      message: expect.stringMatching(/schema version 999/),
    });
    expect(readdirSync(dir.path).some((f) => f.includes('.corrupt-'))).toBe(false);
  });
});
