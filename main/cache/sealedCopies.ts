import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { syncDirectory } from './keyId';
import { listMovedAside } from './movedAside';

// Moved-aside copies of a damaged cache (`<db>.corrupt-<ms>` and its -wal/-shm)
// are kept for support, so they must be encrypted like the cache (issue 11
// item 2). A damaged file cannot be trusted to be a readable encrypted
// database: it may be a plaintext cache from before issue 11, or anything. So
// every copy is sealed as a whole with the cache key, AES-256-GCM:
//   [magic 16]["iv" 12][ciphertext][tag 16]
// unsealFile() gives the original bytes back for support (it needs the key).

const MAGIC = Buffer.from('SPYGLASS-SEALED1', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CHUNK = 1 << 20;
const SEALING_SUFFIX = '.sealing';

export function isSealed(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === MAGIC.length && head.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Replaces the file with its sealed form: sealed copy beside it, fsync, rename over it. */
export function sealFile(path: string, key: Buffer): void {
  const temp = path + SEALING_SUFFIX;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const input = openSync(path, 'r');
  const output = openSync(temp, 'w', 0o600);
  try {
    writeSync(output, MAGIC);
    writeSync(output, iv);
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (let read = readSync(input, chunk, 0, CHUNK, null); read > 0; read = readSync(input, chunk, 0, CHUNK, null)) {
      writeSync(output, cipher.update(chunk.subarray(0, read)));
    }
    writeSync(output, cipher.final());
    writeSync(output, cipher.getAuthTag());
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
  renameSync(temp, path);
}

/** The original bytes of a sealed copy; throws if the key is not the one it was sealed with or the file was altered. */
export function unsealFile(path: string, key: Buffer): Buffer {
  const sealed = readFileSync(path);
  if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error(`${path} is not a sealed session cache copy.`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(MAGIC.length + IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}

/**
 * Seals every moved-aside copy of this cache that is not sealed yet (copies
 * made by older Spyglass versions, or a seal interrupted by a crash) and
 * removes half-written seals. Returns the files sealed.
 */
export function sealMovedAside(databasePath: string, key: Buffer): string[] {
  const dir = dirname(databasePath);
  const sealed: string[] = [];
  for (const name of listMovedAside(databasePath)) {
    const path = join(dir, name);
    if (name.endsWith(SEALING_SUFFIX)) {
      rmSync(path, { force: true });
      continue;
    }
    if (isSealed(path)) continue;
    sealFile(path, key);
    sealed.push(name);
  }
  if (sealed.length > 0) syncDirectory(dir);
  return sealed;
}
