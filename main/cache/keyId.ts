import { createHmac } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

// With whole-file encryption a wrong key and a damaged file both read as
// "file is not a database" (SQLITE_NOTADB). A damaged cache may be moved aside
// and replaced; a cache under another key must never be (issue 11 item 2): the
// key may come back (secret store restored, same account again). So next to the
// database we keep `<db>.key-id`: an HMAC of a fixed label under the key, which
// identifies the key without revealing anything about it. It is written
// (atomically) before an encrypted database is created, so every encrypted
// cache Spyglass made has one.

const LABEL = 'spyglass session cache key id v1';

const KeyIdFile = z.object({ format: z.literal(1), keyId: z.string().regex(/^[0-9a-f]{32}$/) });

export function keyIdPath(databasePath: string): string {
  return `${databasePath}.key-id`;
}

export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update(LABEL).digest('hex').slice(0, 32);
}

/** The key id recorded for this database; null when there is none or it cannot be read. */
export function readKeyId(databasePath: string): string | null {
  const path = keyIdPath(databasePath);
  if (!existsSync(path)) return null;
  try {
    const parsed = KeyIdFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.keyId : null;
  } catch {
    return null;
  }
}

/** Records the key for this database: temp file, fsync, rename, so it is never half written. */
export function writeKeyId(databasePath: string, key: Buffer): void {
  const path = keyIdPath(databasePath);
  const temp = `${path}.tmp`;
  rmSync(temp, { force: true });
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify({ format: 1, keyId: keyIdOf(key) }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  syncDirectory(dirname(path));
}

/** Makes a rename in this folder durable (a no-op where folders cannot be opened, i.e. Windows). */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
