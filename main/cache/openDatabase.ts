import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { BodyCipher } from './encryption';
import { CacheKeyMismatchError } from './errors';
import { keyIdOf, keyIdPath, readKeyId, writeKeyId } from './keyId';
import { runMigrations } from './migrations';
import { keepNewestMovedAside, movedAsideName } from './movedAside';
import { couldBeWholePages, fileKind, keyConnection } from './pageEncryption';
import { encryptPlaintextCache, removeConversionLeftovers, type ConversionStep } from './plaintextCache';
import { createPrivateFile, databaseFiles, makePrivateDirectory, restrictToOwner } from './privateFiles';
import { sealFile, sealMovedAside } from './sealedCopies';
import Sqlite, { type Database } from './sqlite';
import type { CacheNotice } from './notices';

export interface OpenDatabaseOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  /** The cache key: encrypts every page of the file (pageEncryption.ts) and the message blocks. */
  key: Buffer;
  /** Used to name moved-aside files. */
  now: number;
  /** Test hook: caps the file size (pages) to simulate a full disk. */
  maxPageCount?: number;
  /**
   * Bench hook only (bench:cache compares the cost): false keeps the file
   * unencrypted. Nothing in the app sets it.
   */
  pageEncryption?: boolean;
  /** Test hook: called after each step of converting a plaintext cache (plaintextCache.ts). */
  afterConversionStep?: (step: ConversionStep) => void;
}

export interface OpenedDatabase {
  db: Database;
  notices: CacheNotice[];
}

const KEY_CHECK_PLAINTEXT = 'spyglass-cache-key-check';
/** Pages in the WAL before a commit checkpoints it (32 MB of 4 KB pages; SQLite's default is 1,000). */
export const WAL_CHECKPOINT_PAGES = 8_000;
/** The WAL file is trimmed back to this after a checkpoint, so a big burst does not leave a big file. */
const WAL_SIZE_LIMIT_BYTES = 48 * 1024 * 1024;

/**
 * Opens (or creates) the cache, encrypted as a whole under the cache key.
 *  - A plaintext cache from before issue 11 is converted first (plaintextCache.ts).
 *  - A damaged file is moved aside (sealed, sealedCopies.ts) and replaced with
 *    an empty cache so the app keeps working; the notice tells the user.
 *  - A file encrypted with another key is NEVER moved aside or replaced:
 *    CacheKeyMismatchError says what happened and what to do. Both read as
 *    SQLITE_NOTADB; the key id recorded next to the file (keyId.ts) tells them apart.
 *  - A file from a newer Spyglass is NOT replaced (DatabaseFromFutureError):
 *    the user may simply have downgraded.
 */
export function openCacheDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const { path, key, now } = options;
  const cipher = new BodyCipher(key);
  if (path === ':memory:') return { db: migrated(openAndCheck(options, false), cipher, path), notices: [] };

  const encrypted = options.pageEncryption ?? true;
  const notices: CacheNotice[] = [];
  // Owner-only before anything is written: the folder 0700, the files 0600 (privateFiles.ts).
  makePrivateDirectory(dirname(path));
  restrictToOwner([...databaseFiles(path), keyIdPath(path)]);
  if (encrypted) {
    sealMovedAside(path, key);
    removeConversionLeftovers(path);
  }

  let db: Database | null = null;
  const kind = fileKind(path);
  if (kind === 'absent') {
    if (encrypted) writeKeyId(path, key);
  } else if (kind === 'plaintext-sqlite' && encrypted) {
    const plaintext = checkPlaintextCache(options, cipher);
    if (plaintext === 'damaged') {
      notices.push(corruptNotice(moveAside(path, now, key)));
      writeKeyId(path, key);
    } else {
      encryptPlaintextCache(path, key, options.afterConversionStep);
      notices.push(encryptedNotice());
    }
  } else if (!couldBeWholePages(path)) {
    // No key makes a file of partial pages readable: damaged, whatever made it.
    notices.push(corruptNotice(moveAside(path, now, key)));
    if (encrypted) writeKeyId(path, key);
  } else {
    const recorded = encrypted ? readKeyId(path) : null;
    // Recorded under another key: not even opened (a wrong key is harmless to the file, but nothing is risked).
    if (recorded !== null && recorded !== keyIdOf(key)) throw new CacheKeyMismatchError(path, true);
    try {
      db = openAndCheck(options, encrypted);
    } catch (err) {
      if (!isCorruptionError(err)) throw err;
      // Unreadable and not known to be under this key: maybe another key. Never replaced for that.
      if (encrypted && recorded === null) throw new CacheKeyMismatchError(path, false);
      notices.push(corruptNotice(moveAside(path, now, key)));
      if (encrypted) writeKeyId(path, key);
    }
    // It opened, so this is its key: record it if the record was lost.
    if (db && encrypted && recorded === null) writeKeyId(path, key);
  }
  db ??= openAndCheck(options, encrypted);
  return { db: migrated(db, cipher, path), notices };
}

function migrated(db: Database, cipher: BodyCipher, path: string): Database {
  try {
    runMigrations(db, undefined, path);
    // Same key as the pages, so this only fails for a file whose key record was wrong: never replace it.
    if (!keyMatches(db, cipher)) throw new CacheKeyMismatchError(path, true);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * A plaintext cache is damaged, or readable with this key (its key check
 * decrypts). Under another key it is left alone, like an encrypted one.
 */
function checkPlaintextCache({ path }: OpenDatabaseOptions, cipher: BodyCipher): 'damaged' | 'ours' {
  // Read-only: a cache under another key must be left exactly as it is (no checkpoint of its WAL).
  let db: Database;
  try {
    db = new Sqlite(path, { readonly: true });
  } catch (err) {
    if (isCorruptionError(err)) return 'damaged';
    throw err;
  }
  try {
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return 'damaged';
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cache_meta'").get() !== undefined;
    const row = hasMeta
      ? (db.prepare("SELECT value FROM cache_meta WHERE key = 'key_check'").get() as { value: Buffer } | undefined)
      : undefined;
    if (row && cipher.decrypt(row.value) !== KEY_CHECK_PLAINTEXT) throw new CacheKeyMismatchError(path, true);
    return 'ours';
  } catch (err) {
    if (isCorruptionError(err)) return 'damaged';
    throw err;
  } finally {
    db.close();
  }
}

function openAndCheck({ path, key, maxPageCount }: OpenDatabaseOptions, encrypted: boolean): Database {
  if (path !== ':memory:') createPrivateFile(path);
  const db = new Sqlite(path);
  try {
    if (encrypted) keyConnection(db, key);
    // A read before any pragma that could write: a wrong key or a damaged header stops here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Only takes effect on a new, empty file; lets retention give space back.
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    // FULL: every acknowledged commit survives power loss, not just app crashes.
    db.pragma('synchronous = FULL');
    // A checkpoint copies every page in the WAL into the file and fsyncs it. At the default
    // (1,000 pages) the event-shaped load checkpointed after almost every commit, writing the
    // same hot pages twice per commit (issue 15: ~half of the commit time). The WAL is as
    // durable as the file, so a longer one costs only disk space (bounded: journal_size_limit
    // trims it back after a checkpoint) and replay time after a crash; close() truncates it.
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000');
    // Temporary tables and sort spills are not encrypted by the cipher: never let them reach a file.
    db.pragma('temp_store = MEMORY');
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

/** Reads the key check; writes it into a cache that has none yet. */
function keyMatches(db: Database, cipher: BodyCipher): boolean {
  const row = db.prepare("SELECT value FROM cache_meta WHERE key = 'key_check'").get() as { value: Buffer } | undefined;
  if (!row) {
    db.prepare("INSERT INTO cache_meta (key, value) VALUES ('key_check', ?)").run(cipher.encrypt(KEY_CHECK_PLAINTEXT));
    return true;
  }
  return cipher.decrypt(row.value) === KEY_CHECK_PLAINTEXT;
}

function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Renames the file and its WAL/SHM so support can still look at the copy,
 * seals each with the cache key (a damaged file may hold plaintext), keeps only
 * the newest copies (movedAside.ts), each owner-only.
 */
function moveAside(path: string, now: number, key: Buffer): string {
  const target = movedAsideName(path, now);
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(path + suffix)) continue;
    renameSync(path + suffix, target + suffix);
    moved.push(target + suffix);
  }
  restrictToOwner(databaseFiles(target));
  // A crash before this is caught up by sealMovedAside() on the next open.
  for (const file of moved) sealFile(file, key);
  keepNewestMovedAside(path);
  return target;
}

function corruptNotice(movedTo: string): CacheNotice {
  return {
    code: 'CORRUPT_REPLACED',
    severity: 'warning',
    message:
      'The session cache file was damaged and could not be opened. It was moved aside (encrypted) and a new, empty cache was ' +
      'started; transcripts cached before now are not available offline.',
    movedTo,
  };
}

function encryptedNotice(): CacheNotice {
  return {
    code: 'CACHE_ENCRYPTED',
    severity: 'info',
    message:
      'The session cache is now encrypted as a whole file (search index, names and metadata too, not only message text). ' +
      'Your cached transcripts were kept.',
  };
}
