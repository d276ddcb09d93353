import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { tempDir, type TempDir } from './fixtures';

let dir: TempDir;
afterEach(() => dir.cleanup());

describe('file key store (web host)', () => {
  it('creates a 256-bit key readable only by the user and returns the same key later', async () => {
    dir = tempDir();
    const path = join(dir.path, 'keys', 'cache.key');
    const key = await new FileKeyStore(path).getOrCreateKey();
    expect(key).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await new FileKeyStore(path).getOrCreateKey()).equals(key)).toBe(true);
  });

  it('reports itself as not secure, with a reason the UI can show', () => {
    dir = tempDir();
    const store = new FileKeyStore(join(dir.path, 'k'));
    expect(store.isSecure).toBe(false);
    expect(store.insecureReason).toMatch(/secret store is not available/);
  });

  it('tightens loosened permissions', async () => {
    if (process.platform === 'win32') return;
    dir = tempDir();
    const path = join(dir.path, 'k');
    await new FileKeyStore(path).getOrCreateKey();
    chmodSync(path, 0o644);
    await new FileKeyStore(path).getOrCreateKey();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged key file instead of silently making a new key', async () => {
    dir = tempDir();
    const path = join(dir.path, 'k');
    writeFileSync(path, 'not a key');
    await expect(new FileKeyStore(path).getOrCreateKey()).rejects.toThrow(/damaged/);
  });
});
