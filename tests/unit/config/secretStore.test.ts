import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore, MAX_SECRET_CHARS, secretFilePath, secretOrEnv, secretSource } from '../../../main/config/secretStore';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const fresh = () => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-secrets-')));

describe('secrets for the Asterisk connector', () => {
  it('reads one line from <userData>/secrets/asterisk.secret and makes the file user-only', async () => {
    const d = fresh();
    fs.mkdirSync(path.join(d, 'secrets'));
    fs.writeFileSync(secretFilePath(d, 'asterisk.secret'), 'ami-s3cret\n', { mode: 0o644 });
    const store = new FileSecretStore(d);
    expect(await store.get('asterisk.secret')).toBe('ami-s3cret');
    expect(store.isSecure).toBe(false);
    expect(store.insecureReason).toContain('readable only by your user account');
    if (process.platform !== 'win32') expect(fs.statSync(secretFilePath(d, 'asterisk.secret')).mode & 0o077).toBe(0);
  });

  it('a file that is not one line is refused with a clear error, never half-used', async () => {
    const d = fresh();
    fs.mkdirSync(path.join(d, 'secrets'));
    fs.writeFileSync(secretFilePath(d, 'asterisk.secret'), 'line one\nline two\n');
    await expect(new FileSecretStore(d).get('asterisk.secret')).rejects.toThrow(/not a single line/);
  });

  it('the store wins over SPYGLASS_AMI_SECRET; the variable is the fallback', async () => {
    const d = fresh();
    const store = new FileSecretStore(d);
    expect(await secretOrEnv(store, 'asterisk.secret', 'SPYGLASS_AMI_SECRET', { SPYGLASS_AMI_SECRET: 'from-env' })).toBe('from-env');
    fs.writeFileSync(secretFilePath(d, 'asterisk.secret'), 'from-store');
    expect(await secretOrEnv(store, 'asterisk.secret', 'SPYGLASS_AMI_SECRET', { SPYGLASS_AMI_SECRET: 'from-env' })).toBe('from-store');
    expect(await secretOrEnv(undefined, 'asterisk.secret', 'SPYGLASS_AMI_SECRET', {})).toBeUndefined();
  });
});

describe('secrets set from Settings (SIP password, AMI secret)', () => {
  it('set keeps the value in a user-only file under secrets/, get reads it back, clear forgets it', async () => {
    const d = fresh();
    const store = new FileSecretStore(d);
    await store.set('phone.password', 'pa55 wörd');
    expect(await store.get('phone.password')).toBe('pa55 wörd');
    const file = secretFilePath(d, 'phone.password');
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o077).toBe(0);
      expect(fs.statSync(path.dirname(file)).mode & 0o077).toBe(0);
    }
    expect(store.where).toContain(path.join(d, 'secrets'));
    await store.clear('phone.password');
    expect(await store.get('phone.password')).toBeUndefined();
    await store.clear('phone.password'); // nothing stored: fine
  });

  it('refuses an empty, multi-line or over-long value and keeps the one stored', async () => {
    const store = new FileSecretStore(fresh());
    await store.set('asterisk.secret', 'kept');
    for (const bad of ['', 'a\nb', 'a\rb', 'a\0b', 'x'.repeat(MAX_SECRET_CHARS + 1)]) {
      await expect(store.set('asterisk.secret', bad)).rejects.toThrow(/single line of 1 to/);
    }
    expect(await store.get('asterisk.secret')).toBe('kept');
    await store.set('asterisk.secret', 'y'.repeat(MAX_SECRET_CHARS));
    expect(await store.get('asterisk.secret')).toHaveLength(MAX_SECRET_CHARS);
  });

  it('says where a secret comes from: the store, the lab variable, or nowhere', async () => {
    const store = new FileSecretStore(fresh());
    expect(await secretSource(store, 'phone.password', {})).toBe('none');
    expect(await secretSource(store, 'phone.password', { SPYGLASS_SIP_PASSWORD: 'lab' })).toBe('environment');
    expect(await secretOrEnv(store, 'phone.password', undefined, { SPYGLASS_SIP_PASSWORD: 'lab' })).toBe('lab');
    await store.set('phone.password', 'typed');
    expect(await secretSource(store, 'phone.password', { SPYGLASS_SIP_PASSWORD: 'lab' })).toBe('store');
    expect(await secretOrEnv(store, 'phone.password', undefined, { SPYGLASS_SIP_PASSWORD: 'lab' })).toBe('typed');
  });
});
