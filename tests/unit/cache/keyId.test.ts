import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { keyIdOf, keyIdPath, readKeyId, writeKeyId } from '../../../main/cache/keyId';
import { tempDir, type TempDir } from './fixtures';

let dir: TempDir;
afterEach(() => dir?.cleanup());

describe('the key id recorded next to the cache', () => {
  it('identifies the key: same key, same id; another key, another id; the key is not in it', () => {
    const key = randomBytes(32);
    expect(keyIdOf(key)).toBe(keyIdOf(Buffer.from(key)));
    expect(keyIdOf(randomBytes(32))).not.toBe(keyIdOf(key));
    dir = tempDir();
    const db = join(dir.path, 'cache.sqlite');
    writeKeyId(db, key);
    const text = readFileSync(keyIdPath(db), 'utf8');
    expect(text).not.toContain(key.toString('hex').slice(0, 8));
    expect(text).not.toContain(key.toString('base64').slice(0, 8));
    expect(readKeyId(db)).toBe(keyIdOf(key));
    if (process.platform !== 'win32') expect(statSync(keyIdPath(db)).mode & 0o777).toBe(0o600);
    // Rewritten in place (a new key for a new cache), no temp file left.
    const other = randomBytes(32);
    writeKeyId(db, other);
    expect(readKeyId(db)).toBe(keyIdOf(other));
  });

  it('anything else in the file reads as no record (never as some key)', () => {
    dir = tempDir();
    const db = join(dir.path, 'cache.sqlite');
    expect(readKeyId(db)).toBeNull();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant('{"format":1,"keyId":"zz"}'), fc.constant('{"format":2,"keyId":"00000000000000000000000000000000"}')), (text) => {
        writeFileSync(keyIdPath(db), text);
        const read = readKeyId(db);
        expect(read === null || /^[0-9a-f]{32}$/.test(read)).toBe(true);
        if (!/"format":1/.test(text)) expect(read).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
