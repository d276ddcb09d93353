import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { keepNewestMovedAside, removeMovedAsideOlderThan } from '../../../main/cache/movedAside';
import { openSessionCache } from '../../../main/cache/SessionCache';
import { interaction, message, T0, tempDir, type TempDir } from '../../unit/cache/fixtures';

/** Issue 11 item 2: files only the user can read; at most two moved-aside copies. */
let dir: TempDir;
afterEach(() => dir.cleanup());

const mode = (path: string) => statSync(path).mode & 0o777;
const paths = () => {
  const cacheDir = join(dir.path, 'cache');
  return { cacheDir, db: join(cacheDir, 'session-cache.sqlite'), key: join(dir.path, 'cache.key') };
};
const openAt = (now = T0) => openSessionCache({ path: paths().db, keyStore: new FileKeyStore(paths().key), now: () => now });

async function writeSome(cache: Awaited<ReturnType<typeof openAt>>['cache']) {
  await cache.recordInteraction(interaction());
  await cache.recordMessages(Array.from({ length: 50 }, (_, i) => message(i)));
}

describe.skipIf(process.platform === 'win32')('cache files on Linux and macOS', () => {
  it('a new cache: folder 0700; database, -wal, -shm and key file 0600 — even with a permissive umask', async () => {
    dir = tempDir();
    const umask = process.umask(0o000); // what a careless login shell might have: new files 0666 unless we say otherwise
    try {
      const { cache } = await openAt();
      try {
        await writeSome(cache);
        const { cacheDir, db, key } = paths();
        expect(mode(cacheDir)).toBe(0o700);
        expect(existsSync(`${db}-wal`)).toBe(true);
        expect(existsSync(`${db}-shm`)).toBe(true);
        expect([db, `${db}-wal`, `${db}-shm`, key].map(mode)).toEqual([0o600, 0o600, 0o600, 0o600]);
      } finally {
        await cache.close();
      }
    } finally {
      process.umask(umask);
    }
  });

  it('a cache made by an older Spyglass (0644 files in a 0755 folder) is tightened when it opens, data kept', async () => {
    dir = tempDir();
    const first = await openAt();
    await writeSome(first.cache);
    await first.cache.close();
    const { cacheDir, db, key } = paths();
    chmodSync(cacheDir, 0o755);
    for (const file of readdirSync(cacheDir)) chmodSync(join(cacheDir, file), 0o644);
    chmodSync(key, 0o644);

    const { cache } = await openAt();
    try {
      expect((await cache.stats()).messages).toBe(50);
      expect(mode(cacheDir)).toBe(0o700);
      expect(readdirSync(cacheDir).map((f) => [f, mode(join(cacheDir, f))])).toEqual(readdirSync(cacheDir).map((f) => [f, 0o600]));
      expect(mode(db)).toBe(0o600);
      expect(mode(key)).toBe(0o600);
    } finally {
      await cache.close();
    }
  });

  it('keeps at most the two newest moved-aside copies of a damaged cache, each 0600', async () => {
    dir = tempDir();
    const { cacheDir, db } = paths();
    mkdirSync(cacheDir, { recursive: true });
    for (let run = 1; run <= 4; run++) {
      writeFileSync(db, `not a database, run ${run} `.repeat(100), { mode: 0o644 });
      writeFileSync(`${db}-wal`, 'junk wal', { mode: 0o644 });
      const { cache, notices } = await openAt(T0 + run * 1000);
      expect(notices.map((n) => n.code)).toContain('CORRUPT_REPLACED');
      await cache.close();
    }
    const aside = readdirSync(cacheDir).filter((f) => f.includes('.corrupt-')).sort();
    expect(aside).toEqual([
      `session-cache.sqlite.corrupt-${T0 + 3000}`,
      `session-cache.sqlite.corrupt-${T0 + 3000}-wal`,
      `session-cache.sqlite.corrupt-${T0 + 4000}`,
      `session-cache.sqlite.corrupt-${T0 + 4000}-wal`,
    ]);
    expect(aside.map((f) => mode(join(cacheDir, f)))).toEqual([0o600, 0o600, 0o600, 0o600]);
  });
});

describe('moved-aside copies', () => {
  it('two moved aside in the same millisecond are both kept; the oldest beyond two go with their -wal/-shm', () => {
    dir = tempDir();
    const db = join(dir.path, 'c.sqlite');
    const names = ['100', '100-wal', '100-shm', '200', '200-1', '200-1-shm', '50'].map((s) => `c.sqlite.corrupt-${s}`);
    for (const name of [...names, 'c.sqlite', 'c.sqlite-wal', 'other.corrupt-1']) writeFileSync(join(dir.path, name), 'x');
    const removed = keepNewestMovedAside(db).sort();
    expect(removed).toEqual(['c.sqlite.corrupt-100', 'c.sqlite.corrupt-100-shm', 'c.sqlite.corrupt-100-wal', 'c.sqlite.corrupt-50']);
    expect(readdirSync(dir.path).sort()).toEqual(['c.sqlite', 'c.sqlite-wal', 'c.sqlite.corrupt-200', 'c.sqlite.corrupt-200-1', 'c.sqlite.corrupt-200-1-shm', 'other.corrupt-1']);
    // Retention still reads the time of a same-millisecond copy.
    expect(removeMovedAsideOlderThan(db, 201).sort()).toEqual(['c.sqlite.corrupt-200', 'c.sqlite.corrupt-200-1', 'c.sqlite.corrupt-200-1-shm']);
  });
});
