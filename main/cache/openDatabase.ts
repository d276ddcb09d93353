import Sqlite, { type Database } from './sqlite';
import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BodyCipher } from './encryption';
import { runMigrations } from './migrations';
import { keepNewestMovedAside, movedAsideName } from './movedAside';
import { createPrivateFile, databaseFiles, makePrivateDirectory, restrictToOwner } from './privateFiles';
import type { CacheNotice } from './notices';

export interface OpenDatabaseOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  cipher: BodyCipher;
  /** Used to name moved-aside files. */
  now: number;
  /** Test hook: caps the file size (pages) to simulate a full disk. */
  maxPageCount?: number;
}

export interface OpenedDatabase {
  db: Database;
  notices: CacheNotice[];
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const KEY_CHECK_PLAINTEXT = 'spyglass-cache-key-check';

/**
 * Opens (or creates) the cache. A damaged file, or one encrypted with a key we
 * no longer have, is moved aside and replaced with an empty cache so the app
 * keeps working; the notice tells the user. A file from a newer Spyglass is
 * NOT replaced (DatabaseFromFutureError): the user may simply have downgraded.
 */
export function openCacheDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const { path, cipher, now } = options;
  const notices: CacheNotice[] = [];
  const inMemory = path === ':memory:';
  if (!inMemory) {
    // Owner-only before anything is written: the folder 0700, the files 0600 (privateFiles.ts).
    makePrivateDirectory(dirname(path));
    restrictToOwner(databaseFiles(path));
  }

  let db: Database | null = null;
  if (!inMemory && hasForeignHeader(path)) {
    notices.push(corruptNotice(moveAside(path, now)));
  } else {
    try {
      db = openAndCheck(options);
    } catch (err) {
      if (!isCorruptionError(err) || inMemory) throw err;
      notices.push(corruptNotice(moveAside(path, now)));
    }
  }
  db ??= openAndCheck(options);

  try {
    runMigrations(db, undefined, path);
  } catch (err) {
    db.close();
    throw err;
  }

  if (!keyMatches(db, cipher)) {
    db.close();
    const movedTo = moveAside(path, now);
    notices.push({
      code: 'KEY_CHANGED_REPLACED',
      severity: 'warning',
      message:
        'The key protecting the session cache has changed (for example the operating system secret store was reset), ' +
        'so earlier cached transcripts cannot be read. Spyglass started a new, empty cache.',
      movedTo,
    });
    db = openAndCheck(options);
    runMigrations(db, undefined, path);
    keyMatches(db, cipher);
  }
  return { db, notices };
}

function openAndCheck({ path, maxPageCount }: OpenDatabaseOptions): Database {
  if (path !== ':memory:') createPrivateFile(path);
  const db = new Sqlite(path);
  try {
    // Only takes effect on a new, empty file; lets retention give space back.
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    // FULL: every acknowledged commit survives power loss, not just app crashes.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000');
    if (maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.floor(maxPageCount)}`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function keyMatches(db: Database, cipher: BodyCipher): boolean {
  const row = db.prepare("SELECT value FROM cache_meta WHERE key = 'key_check'").get() as { value: Buffer } | undefined;
  if (!row) {
    db.prepare("INSERT INTO cache_meta (key, value) VALUES ('key_check', ?)").run(cipher.encrypt(KEY_CHECK_PLAINTEXT));
    return true;
  }
  return cipher.decrypt(row.value) === KEY_CHECK_PLAINTEXT;
}

function hasForeignHeader(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return false;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return read < header.length || !header.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Renames the file and its WAL/SHM so SQLite can still open the copy for
 * support; keeps only the newest copies (movedAside.ts), each owner-only.
 */
function moveAside(path: string, now: number): string {
  const target = movedAsideName(path, now);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  restrictToOwner(databaseFiles(target));
  keepNewestMovedAside(path);
  return target;
}

function corruptNotice(movedTo: string): CacheNotice {
  return {
    code: 'CORRUPT_REPLACED',
    severity: 'warning',
    message:
      'The session cache file was damaged and could not be opened. It was moved aside and a new, empty cache was ' +
      'started; transcripts cached before now are not available offline.',
    movedTo,
  };
}
