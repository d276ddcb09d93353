import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { encryptPlaintextConnection, keyConnection } from './pageEncryption';
import { syncDirectory, writeKeyId } from './keyId';
import Sqlite from './sqlite';

// Caches made before issue 11 are plaintext SQLite files (message blocks were
// encrypted, the FTS5 index, search words and names were not). The first open
// converts one into an encrypted file in one crash-safe step: the original is
// left untouched until an encrypted, verified, fsynced copy replaces it by an
// atomic rename, so a crash at any point leaves either the old readable cache
// or the new encrypted one, never neither, and nothing is lost. A later open
// removes what an interrupted conversion left behind and starts again.

/** The steps, in order; tests stop a conversion after each one. */
export const CONVERSION_STEPS = ['key-recorded', 'copied', 'encrypted', 'synced', 'original-closed', 'replaced'] as const;
export type ConversionStep = (typeof CONVERSION_STEPS)[number];

export function conversionTempPath(path: string): string {
  return `${path}.encrypting`;
}

/**
 * Converts the plaintext cache at `path` (no connection may be open on it) to
 * an encrypted one under `key`. `afterStep` is a test hook.
 */
export function encryptPlaintextCache(path: string, key: Buffer, afterStep: (step: ConversionStep) => void = () => {}): void {
  const temp = conversionTempPath(path);
  removeConversionLeftovers(path);

  // Before any encrypted file exists, so an encrypted cache always has its key id (keyId.ts).
  writeKeyId(path, key);
  afterStep('key-recorded');

  // A consistent copy of everything committed, WAL included, as one file.
  const plain = new Sqlite(path);
  try {
    plain.exec(`VACUUM INTO '${temp.replaceAll("'", "''")}'`);
  } finally {
    // Closing the only connection checkpoints the WAL into the file and deletes it.
    plain.close();
  }
  afterStep('copied');

  const copy = new Sqlite(temp);
  try {
    // The copy is thrown away if this is interrupted: no journal of plaintext pages on disk.
    copy.pragma('journal_mode = MEMORY');
    encryptPlaintextConnection(copy, key);
  } finally {
    copy.close();
  }
  verifyEncryptedCopy(temp, key);
  afterStep('encrypted');

  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  afterStep('synced');

  // The original's WAL was checkpointed and removed when it closed; a WAL still
  // holding frames means another program has the cache open: stop, change nothing.
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
    rmSync(temp, { force: true });
    throw new Error(`The session cache at ${path} is in use by another program; close it and start Spyglass again.`);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
  afterStep('original-closed');

  renameSync(temp, path);
  syncDirectory(dirname(path));
  afterStep('replaced');
}

/** Deletes a half-made encrypted copy (and anything SQLite kept beside it) from an interrupted conversion. */
export function removeConversionLeftovers(path: string): void {
  const temp = conversionTempPath(path);
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
}

function verifyEncryptedCopy(temp: string, key: Buffer): void {
  const db = new Sqlite(temp);
  try {
    keyConnection(db, key);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`The encrypted copy of the session cache failed its check (${String(check)}); the cache was left as it was.`);
  } finally {
    db.close();
  }
}
