/**
 * main/electron/safeStorageSecretStore.ts under a fake `electron` whose
 * safeStorage behaves like an OS secret store: what Settings saves is on disk
 * only encrypted, an administrator's plain file is taken in and deleted, and
 * a Linux without a keyring falls back to a user-only file and says so.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { secretFilePath } from '../../../main/config/secretStore';
import { createSafeStorageSecretStore } from '../../../main/electron/safeStorageSecretStore';
import { safeStorage } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});
const fresh = () => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-safe-secrets-')));

/** Every file under `root`, with its bytes. */
function allFiles(root: string): { file: string; bytes: Buffer }[] {
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((file) => ({ file, bytes: fs.readFileSync(file) }));
}

describe('secrets in the OS secret store (Electron safeStorage)', () => {
  it('a password saved from Settings is on disk only encrypted, and reads back', async () => {
    const d = fresh();
    const store = createSafeStorageSecretStore(d);
    expect(store.isSecure).toBe(true);
    expect(store.where).toMatch(/operating system’s secret store/);
    await store.set('phone.password', 'Sup3r-Secret-SIP');
    expect(await store.get('phone.password')).toBe('Sup3r-Secret-SIP');
    const files = allFiles(d);
    expect(files.map((f) => path.relative(d, f.file))).toEqual([path.join('secrets', 'phone.password.enc')]);
    for (const f of files) expect(f.bytes.includes(Buffer.from('Sup3r-Secret-SIP'))).toBe(false);
    await store.clear('phone.password');
    expect(await store.get('phone.password')).toBeUndefined();
    expect(allFiles(d)).toEqual([]);
  });

  it('an administrator’s plain secrets/<name> file is encrypted at the first read and deleted; a later Settings save replaces it', async () => {
    const d = fresh();
    fs.mkdirSync(path.join(d, 'secrets'));
    fs.writeFileSync(secretFilePath(d, 'asterisk.secret'), 'from-it\n');
    const store = createSafeStorageSecretStore(d);
    expect(await store.get('asterisk.secret')).toBe('from-it');
    expect(fs.existsSync(secretFilePath(d, 'asterisk.secret'))).toBe(false);
    expect(await store.get('asterisk.secret')).toBe('from-it');
    await store.set('asterisk.secret', 'typed-in-settings');
    expect(await store.get('asterisk.secret')).toBe('typed-in-settings');
  });

  it('without a keyring (basic_text) secrets go to user-only files, and the store says it is not secure', async () => {
    safeStorage.backend = 'basic_text';
    const d = fresh();
    const store = createSafeStorageSecretStore(d);
    expect(store.isSecure).toBe(false);
    expect(store.where).toContain(path.join(d, 'secrets'));
    await store.set('phone.password', 'pw');
    expect(fs.readFileSync(secretFilePath(d, 'phone.password'), 'utf8')).toBe('pw');
  });
});
