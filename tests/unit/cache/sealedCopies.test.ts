import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isSealed, sealFile, sealMovedAside, unsealFile } from '../../../main/cache/sealedCopies';
import { tempDir, type TempDir } from './fixtures';

let dir: TempDir;
afterEach(() => dir?.cleanup());

describe('sealed moved-aside copies', () => {
  it('seal then unseal gives the bytes back, for any content (empty included); the sealed file shows none of it', () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir.path, 'copy');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        const content = Buffer.concat([Buffer.from('secretmarker'), Buffer.from(bytes)]);
        writeFileSync(file, content);
        sealFile(file, key);
        expect(isSealed(file)).toBe(true);
        expect(readFileSync(file).includes('secretmarker')).toBe(false);
        expect(unsealFile(file, key).equals(content)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('another key or a flipped byte is refused, not turned into garbage', () => {
    dir = tempDir();
    const key = randomBytes(32);
    const file = join(dir.path, 'copy');
    writeFileSync(file, 'some cached transcript bytes');
    sealFile(file, key);
    expect(() => unsealFile(file, randomBytes(32))).toThrow();
    const sealed = readFileSync(file);
    sealed[sealed.length - 20]! ^= 1;
    writeFileSync(file, sealed);
    expect(() => unsealFile(file, key)).toThrow();
  });

  it('seals every unsealed copy of the cache once, removes half-written seals, leaves other files alone', () => {
    dir = tempDir();
    const key = randomBytes(32);
    const db = join(dir.path, 'cache.sqlite');
    writeFileSync(`${db}.corrupt-1000`, 'old plaintext copy');
    writeFileSync(`${db}.corrupt-1000-wal`, 'old plaintext wal');
    writeFileSync(`${db}.corrupt-2000.sealing`, 'interrupted seal');
    writeFileSync(`${db}-wal`, 'the live wal');
    writeFileSync(join(dir.path, 'other.corrupt-1'), 'not ours');

    expect(sealMovedAside(db, key).sort()).toEqual(['cache.sqlite.corrupt-1000', 'cache.sqlite.corrupt-1000-wal']);
    expect(readdirSync(dir.path).sort()).toEqual(['cache.sqlite-wal', 'cache.sqlite.corrupt-1000', 'cache.sqlite.corrupt-1000-wal', 'other.corrupt-1']);
    expect(unsealFile(`${db}.corrupt-1000`, key).toString()).toBe('old plaintext copy');
    expect(readFileSync(`${db}-wal`, 'utf8')).toBe('the live wal');
    // Already sealed: not sealed twice.
    expect(sealMovedAside(db, key)).toEqual([]);
    expect(unsealFile(`${db}.corrupt-1000-wal`, key).toString()).toBe('old plaintext wal');
  });
});
