import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore, secretFilePath, secretOrEnv } from '../../../main/config/secretStore';

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
