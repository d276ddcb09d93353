/**
 * `secrets:status` / `secrets:set` through the real core and contract (the
 * dispatcher's zod check included): a secret can be set and cleared, is never
 * answered back, logged or written to settings.json, and bad input is refused
 * without touching what is stored.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCore, type ComposedApp } from '../../../main/app/composeCore';
import { FileSecretStore } from '../../../main/config/secretStore';
import { createLogger } from '../../../main/core/logger';
import type { SecretsStatus } from '../../../preload/contract';

const SECRET = 'correct-horse-9f3b7c';
let app: ComposedApp;
let dir: string;
let store: FileSecretStore;
const logLines: string[] = [];

beforeAll(async () => {
  delete process.env.SPYGLASS_SIP_PASSWORD;
  delete process.env.SPYGLASS_AMI_SECRET;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-secret-cmd-'));
  store = new FileSecretStore(dir);
  app = await composeCore({
    host: 'web',
    version: 'test',
    userDataDir: dir,
    policyFile: path.join(dir, 'policy.json'),
    log: createLogger((l) => logLines.push(l)),
    openExternal: async () => undefined,
    secretStore: store,
    phone: false,
  });
});

afterAll(async () => {
  await app.core.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const handle = (channel: string, payload: unknown) => app.core.handle(channel, payload);
const sourceOf = (s: SecretsStatus, name: string) => s.secrets.find((x) => x.name === name)?.source;

describe('secrets commands', () => {
  it('set answers with "set" and where it is kept, never the value; clear forgets it', async () => {
    const before = await handle('secrets:status', {});
    expect(before.ok && sourceOf(before.value as SecretsStatus, 'phone.password')).toBe('none');

    const set = await handle('secrets:set', { name: 'phone.password', value: SECRET });
    expect(set.ok).toBe(true);
    expect(JSON.stringify(set)).not.toContain(SECRET);
    const status = (set as { value: SecretsStatus }).value;
    expect(sourceOf(status, 'phone.password')).toBe('store');
    expect(status.keptIn).toBe('user-file');
    expect(status.where).toContain(path.join(dir, 'secrets'));
    expect(await store.get('phone.password')).toBe(SECRET);

    const again = await handle('secrets:status', {});
    expect(JSON.stringify(again)).not.toContain(SECRET);

    const cleared = await handle('secrets:set', { name: 'phone.password', value: null });
    expect(cleared.ok && sourceOf(cleared.value as SecretsStatus, 'phone.password')).toBe('none');
    expect(await store.get('phone.password')).toBeUndefined();
  });

  it('never lands in settings.json, nor in the log, even with other settings saved around it', async () => {
    await handle('config:set', { key: 'phone.user', value: 'sip:7001@pbx.example.com' });
    await handle('secrets:set', { name: 'phone.password', value: SECRET });
    await handle('config:set', { key: 'phone.server', value: 'wss://pbx.example.com:8089/ws' });
    const settingsFile = fs.readFileSync(path.join(dir, 'settings.json'), 'utf8');
    expect(settingsFile).toContain('sip:7001@pbx.example.com');
    expect(settingsFile).not.toContain(SECRET);
    expect(logLines.join('\n')).not.toContain(SECRET);
    expect(logLines.join('\n')).toContain('The SIP password was changed in Settings.');
    // It is not a setting: config:set cannot store it, and the config view never carries it.
    const asSetting = await handle('config:set', { key: 'phone.password', value: SECRET });
    expect(asSetting.ok).toBe(false);
    expect(JSON.stringify(await handle('config:get', {}))).not.toContain(SECRET);
  });

  it('refuses an unknown name, an extra key, a line break or an over-long value, without echoing it or touching the stored one', async () => {
    await handle('secrets:set', { name: 'asterisk.secret', value: 'ami-kept' });
    const hostile = [
      { name: 'phone.user', value: 'x' },
      { name: 'asterisk.secret', value: 'ami-new', extra: 1 },
      { name: 'asterisk.secret', value: 'line1\nline2-secretish' },
      { name: 'asterisk.secret', value: `long-${'z'.repeat(5000)}` },
      { name: 'asterisk.secret', value: '' },
      { name: 'asterisk.secret', value: 42 },
    ];
    for (const payload of hostile) {
      const r = await handle('secrets:set', payload);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_PAYLOAD');
        expect(r.error.message).not.toContain('line2-secretish');
        expect(r.error.message).not.toContain('zzzzzzzzzz');
      }
    }
    expect(logLines.join('\n')).not.toContain('line2-secretish');
    expect(await store.get('asterisk.secret')).toBe('ami-kept');
  });

  it('reports the lab variable as the source when nothing is stored', async () => {
    await handle('secrets:set', { name: 'phone.password', value: null });
    process.env.SPYGLASS_SIP_PASSWORD = 'lab-only';
    try {
      const s = await handle('secrets:status', {});
      expect(s.ok && sourceOf(s.value as SecretsStatus, 'phone.password')).toBe('environment');
      expect(JSON.stringify(s)).not.toContain('lab-only');
    } finally {
      delete process.env.SPYGLASS_SIP_PASSWORD;
    }
  });
});
