// Issue 11 item 1: nothing readable at rest. Markers (message words, a card
// number, customer/agent/participant/queue/note-author names) are written, then
// the raw bytes of every file in the cache folder are scanned: database, -wal,
// -shm and moved-aside copies. Before whole-file encryption the FTS5 index,
// search words and name columns held them in plaintext.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { unsealFile } from '../../../main/cache/sealedCopies';
import { openSessionCache } from '../../../main/cache/SessionCache';
import { tempDir, type TempDir } from '../../unit/cache/fixtures';
import { MARKER_MESSAGES, MARKERS, markerInteraction, markerMessages, markerNote, markerParticipants, markersOnDisk, markerWrites, T_MARK } from './fixtures/markers';

let dir: TempDir;
afterEach(() => dir.cleanup());

const paths = () => ({ db: join(dir.path, 'cache.sqlite'), key: join(dir.path, 'cache.key') });
const keyStore = () => new FileKeyStore(paths().key);

async function writeMarkersThroughWorker(): Promise<void> {
  const { cache } = await openSessionCache({ path: paths().db, keyStore: keyStore(), now: () => T_MARK });
  await cache.recordInteraction(markerInteraction());
  await cache.recordParticipants(markerParticipants());
  await cache.recordMessages(markerMessages());
  await cache.addNote(markerNote());
  await cache.close();
}

/** The markers are really in the cache: it finds them (so a clean scan means encrypted, not missing). */
async function expectMarkersReadable(): Promise<void> {
  const { cache } = await openSessionCache({ path: paths().db, keyStore: keyStore(), now: () => T_MARK });
  try {
    const hits = await cache.search({ text: MARKERS.word });
    expect(hits.items).toHaveLength(1);
    expect(hits.items[0]?.customerName).toBe(MARKERS.customer);
    expect((await cache.stats()).messages).toBe(MARKER_MESSAGES);
  } finally {
    await cache.close();
  }
}

describe('the cache at rest', () => {
  it('after a clean close: no marker in any file of the cache folder', async () => {
    dir = tempDir();
    await writeMarkersThroughWorker();
    expect(markersOnDisk(dir.path)).toEqual({});
    await expectMarkersReadable();
  });

  it('after the process holding the cache is killed without closing: none in the database, -wal or -shm', async () => {
    dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'fixtures', 'markers-child.ts'), paths().db, paths().key], {
      cwd: resolve(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    await new Promise<void>((res, rej) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('WRITTEN')) {
          child.kill('SIGKILL');
          res();
        }
      });
      child.on('exit', () => rej(new Error(`child exited before the kill: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');
    // The writes are still in the WAL (nothing checkpointed them): that is what is scanned.
    expect(statSync(`${paths().db}-wal`).size).toBeGreaterThan(0);
    expect(existsSync(`${paths().db}-shm`)).toBe(true);

    expect(markersOnDisk(dir.path)).toEqual({});
    await expectMarkersReadable();
  });

  it('a cache made by the code before issue 11 (plaintext file) and its moved-aside copy: none after the first open, data kept', async () => {
    dir = tempDir();
    const key = await keyStore().getOrCreateKey();
    // Today's code path with the file unencrypted = what Spyglass wrote before issue 11.
    const legacy = CacheDatabase.open({ path: paths().db, key, now: T_MARK, pageEncryption: false }).cache;
    legacy.applyWrites(markerWrites(), T_MARK);
    legacy.addNote(markerNote());
    legacy.db.pragma('wal_checkpoint(TRUNCATE)');
    legacy.applyWrites(markerWrites().slice(0, 1), T_MARK); // something in the WAL too
    // A damaged copy an older Spyglass moved aside, and its WAL: plaintext too.
    copyFileSync(paths().db, `${paths().db}.corrupt-${T_MARK - 5000}`);
    copyFileSync(`${paths().db}-wal`, `${paths().db}.corrupt-${T_MARK - 5000}-wal`);
    legacy.close();
    // The scan does see plaintext markers in such files (it can fail).
    expect(Object.keys(markersOnDisk(dir.path)).sort()).toEqual(['cache.sqlite', `cache.sqlite.corrupt-${T_MARK - 5000}`]);
    const copyBefore = `${paths().db}.corrupt-${T_MARK - 5000}`;
    const copyBytes = readFileSync(copyBefore);

    const { cache, notices } = await openSessionCache({ path: paths().db, keyStore: keyStore(), now: () => T_MARK });
    await cache.close();
    expect(notices.map((n) => n.code)).toContain('CACHE_ENCRYPTED');

    expect(markersOnDisk(dir.path)).toEqual({});
    await expectMarkersReadable();
    // The moved-aside copy is sealed, not lost: the key gives the original bytes back.
    expect(unsealFile(copyBefore, key).equals(copyBytes)).toBe(true);
  });

  it('a damaged cache moved aside by this version: the copy holds no marker either', async () => {
    dir = tempDir();
    const key = await keyStore().getOrCreateKey();
    // A plaintext cache (as before issue 11) that is also damaged: moved aside as it is, so it must be sealed.
    const legacy = CacheDatabase.open({ path: paths().db, key, now: T_MARK, pageEncryption: false }).cache;
    legacy.applyWrites(markerWrites(), T_MARK);
    legacy.close();
    const fd = openSync(paths().db, 'r+');
    const size = statSync(paths().db).size;
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, size - 4096 * 2); // scribble over a page near the end
    closeSync(fd);
    expect(Object.keys(markersOnDisk(dir.path))).toContain('cache.sqlite');

    const { cache, notices } = await openSessionCache({ path: paths().db, keyStore: keyStore(), now: () => T_MARK });
    await cache.close();
    expect(notices.map((n) => n.code)).toContain('CORRUPT_REPLACED');
    expect(markersOnDisk(dir.path)).toEqual({});
  });
});
