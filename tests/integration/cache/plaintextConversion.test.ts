// Issue 11 item 1: a cache made before whole-file encryption (plaintext SQLite,
// made here by today's code with page encryption off, which is how it wrote
// files then) is converted on first open in one crash-safe step. A crash after
// any step leaves the old readable cache or the new encrypted one, never
// neither, and nothing is lost.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { fileKind } from '../../../main/cache/pageEncryption';
import { CONVERSION_STEPS, type ConversionStep } from '../../../main/cache/plaintextCache';
import Sqlite from '../../../main/cache/sqlite';
import { interaction, message, openRawCache, T0, tempDir, type TempDir } from '../../unit/cache/fixtures';

let dir: TempDir;
afterEach(() => dir.cleanup());

const MESSAGES = 300;
const dbPath = () => join(dir.path, 'cache.sqlite');

/** A plaintext cache with MESSAGES messages, the last 20 only in its WAL (the old app was killed). */
function makePlaintextCache(key: Buffer): void {
  const { cache } = CacheDatabase.open({ path: dbPath(), key, now: T0, pageEncryption: false });
  cache.applyWrites([{ kind: 'interaction', record: interaction() }], T0);
  cache.applyWrites([{ kind: 'messages', records: Array.from({ length: MESSAGES - 20 }, (_, i) => message(i, { body: `plainword ${i}` })) }], T0);
  cache.close();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', resolve(__dirname, 'fixtures', 'plaintext-writer-child.ts'), dbPath(), key.toString('hex'), String(MESSAGES - 20), '20'],
    { cwd: resolve(__dirname, '../../..'), encoding: 'utf8' },
  );
  if (child.signal !== 'SIGKILL' || statSync(`${dbPath()}-wal`).size === 0) throw new Error(`could not leave writes in the WAL: ${child.stderr}`);
}

/** Messages readable in the file as it is now, plaintext or encrypted; null when it cannot be read at all. */
function messagesReadable(key: Buffer): { kind: string; messages: number } | null {
  const kind = fileKind(dbPath());
  const db = kind === 'plaintext-sqlite' ? new Sqlite(dbPath()) : openRawCache(dbPath(), key);
  try {
    const row = db.prepare('SELECT coalesce(sum(message_count), 0) AS n FROM message_blocks').get() as { n: number };
    return { kind, messages: row.n };
  } catch {
    return null;
  } finally {
    db.close();
  }
}

function openAndCount(key: Buffer): { messages: number; walHits: number; notices: string[] } {
  const { cache, notices } = CacheDatabase.open({ path: dbPath(), key, now: T0 });
  try {
    return { messages: cache.stats().messages, walHits: cache.search({ text: 'walword' }).items.length, notices: notices.map((n) => n.code) };
  } finally {
    cache.close();
  }
}

describe('converting a plaintext cache', () => {
  it('converts on first open: encrypted file, every message kept, a notice once', () => {
    dir = tempDir();
    const key = randomBytes(32);
    makePlaintextCache(key);
    expect(fileKind(dbPath())).toBe('plaintext-sqlite');

    expect(openAndCount(key)).toEqual({ messages: MESSAGES, walHits: 1, notices: ['CACHE_ENCRYPTED'] });
    expect(fileKind(dbPath())).toBe('not-plaintext');
    expect(readFileSync(dbPath()).includes('plainword')).toBe(false);
    expect(openAndCount(key)).toEqual({ messages: MESSAGES, walHits: 1, notices: [] });
    expect(readdirSync(dir.path).filter((f) => f.includes('encrypting'))).toEqual([]);
  });

  it.each(CONVERSION_STEPS)('killed right after "%s": the old or the new cache is readable with everything, and the next open finishes', (step: ConversionStep) => {
    dir = tempDir();
    const key = randomBytes(32);
    makePlaintextCache(key);

    const child = spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, 'fixtures', 'convert-child.ts'), dbPath(), key.toString('hex'), step], {
      cwd: resolve(__dirname, '../../..'),
      encoding: 'utf8',
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');

    // Right after the crash: one of the two, complete.
    const after = messagesReadable(key);
    expect(after?.messages).toBe(MESSAGES);
    expect(after?.kind).toBe(step === 'replaced' ? 'not-plaintext' : 'plaintext-sqlite');

    // The next start converts (or just opens) and loses nothing; no half-made copy is left.
    expect(openAndCount(key)).toMatchObject({ messages: MESSAGES, walHits: 1 });
    expect(fileKind(dbPath())).toBe('not-plaintext');
    expect(readdirSync(dir.path).filter((f) => f.includes('encrypting'))).toEqual([]);
  });

  it('a failure between steps (thrown) leaves the plaintext cache as it was; the next open converts it', () => {
    dir = tempDir();
    const key = randomBytes(32);
    makePlaintextCache(key);
    expect(() =>
      CacheDatabase.open({
        path: dbPath(),
        key,
        now: T0,
        afterConversionStep: (step) => {
          if (step === 'synced') throw new Error('disk went away');
        },
      }),
    ).toThrow('disk went away');
    expect(messagesReadable(key)).toEqual({ kind: 'plaintext-sqlite', messages: MESSAGES });

    expect(openAndCount(key)).toMatchObject({ messages: MESSAGES, walHits: 1 });
  });

  it('a plaintext cache under another key is not converted, moved or replaced', () => {
    dir = tempDir();
    makePlaintextCache(randomBytes(32));
    const files = () => ['', '-wal'].map((suffix) => readFileSync(dbPath() + suffix).toString('base64'));
    const before = files();

    expect(() => CacheDatabase.open({ path: dbPath(), key: randomBytes(32), now: T0 })).toThrow(
      expect.objectContaining({ code: 'KEY_MISMATCH' }),
    );
    expect(files()).toEqual(before);
    expect(readdirSync(dir.path).filter((f) => f.includes('.corrupt-') || f.includes('encrypting'))).toEqual([]);
    expect(existsSync(dbPath())).toBe(true);
  });
});
