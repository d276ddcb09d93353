import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigService } from '../../../main/config/ConfigService';
import { policyPath } from '../../../main/config/policyPath';

let dir: string;
let policyFile: string;
let userFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-config-'));
  policyFile = path.join(dir, 'policy.json');
  userFile = path.join(dir, 'user', 'settings.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ConfigService', () => {
  it('uses defaults when there is no policy and no user file', () => {
    const config = new ConfigService({ policyFile, userFile });
    expect(config.get('cache.retentionDays')).toBe(30);
    expect(config.view().locked).toEqual([]);
    expect(config.view().policyError).toBeUndefined();
  });

  it('policy values override user settings and show as locked', () => {
    fs.mkdirSync(path.dirname(userFile), { recursive: true });
    fs.writeFileSync(userFile, JSON.stringify({ 'cache.retentionDays': 90, 'phone.featureCode': '*1' }));
    fs.writeFileSync(policyFile, JSON.stringify({ 'cache.retentionDays': 7 }));
    const config = new ConfigService({ policyFile, userFile });
    expect(config.get('cache.retentionDays')).toBe(7);
    expect(config.get('phone.featureCode')).toBe('*1');
    expect(config.view().locked).toEqual(['cache.retentionDays']);
  });

  it('refuses to change a locked setting and keeps the user file untouched', () => {
    fs.writeFileSync(policyFile, JSON.stringify({ startOffline: false }));
    const config = new ConfigService({ policyFile, userFile });
    expect(() => config.set('startOffline', true)).toThrow(/IT policy/);
    expect(fs.existsSync(userFile)).toBe(false);
  });

  it('persists a user change and reloads it', () => {
    const config = new ConfigService({ policyFile, userFile });
    config.set('phone.featureCode', '*99');
    expect(new ConfigService({ policyFile, userFile }).get('phone.featureCode')).toBe('*99');
  });

  it('rejects a wrong type with a clear message', () => {
    const config = new ConfigService({ policyFile, userFile });
    expect(() => config.set('cache.retentionDays', 'forever')).toThrow(/Invalid value for “cache.retentionDays”/);
    expect(() => config.set('no.such', 1)).toThrow(/Unknown setting/);
  });

  it('an invalid policy is reported and applied not at all (never half-applied)', () => {
    fs.writeFileSync(policyFile, JSON.stringify({ 'cache.retentionDays': 7, startOffline: 'yes' }));
    const logged: string[] = [];
    const config = new ConfigService({ policyFile, userFile }, (m) => logged.push(m));
    expect(config.get('cache.retentionDays')).toBe(30);
    expect(config.view().locked).toEqual([]);
    expect(config.view().policyError).toMatch(/startOffline/);
    expect(config.view().policyError).toMatch(/No policy was applied/);
    expect(logged).toHaveLength(1);
  });

  it('a policy that is not JSON, or has an unknown key, is reported', () => {
    fs.writeFileSync(policyFile, '{ not json');
    expect(new ConfigService({ policyFile, userFile }).view().policyError).toMatch(/not valid JSON/);
    fs.writeFileSync(policyFile, JSON.stringify({ 'cache.retentionDay': 7 }));
    expect(new ConfigService({ policyFile, userFile }).view().policyError).toMatch(/cache\.retentionDay/);
  });
});

describe('retired settings (updates.enabled: there is no updater)', () => {
  it('is no longer a setting: not in the view, refused as unknown', () => {
    const config = new ConfigService({ policyFile, userFile });
    expect(config.view().values).not.toHaveProperty(['updates.enabled']);
    expect(() => config.set('updates.enabled', true)).toThrow(/Unknown setting/);
  });

  it('an old policy that still sets it is applied without it, with a warning in the log', () => {
    fs.writeFileSync(policyFile, JSON.stringify({ 'cache.retentionDays': 7, 'updates.enabled': true }));
    const logged: string[] = [];
    const config = new ConfigService({ policyFile, userFile }, (m) => logged.push(m));
    expect(config.view().policyError).toBeUndefined();
    expect(config.get('cache.retentionDays')).toBe(7);
    expect(config.view().locked).toEqual(['cache.retentionDays']);
    expect(logged).toEqual([expect.stringMatching(/sets “updates\.enabled”, which Spyglass no longer has .*It was ignored; the rest of the policy applies/)]);
  });

  it('whatever value the old key had, it neither rejects nor half-applies the rest', () => {
    fs.writeFileSync(policyFile, JSON.stringify({ 'updates.enabled': 'sometimes', 'cache.retentionDays': 'forever' }));
    const config = new ConfigService({ policyFile, userFile });
    // Still all or nothing for the keys that exist: the bad retention value rejects the file.
    expect(config.view().policyError).toMatch(/cache\.retentionDays/);
    expect(config.view().policyError).not.toMatch(/updates/);
  });

  it("a user's settings saved by an older version keep every other value", () => {
    fs.mkdirSync(path.dirname(userFile), { recursive: true });
    fs.writeFileSync(userFile, JSON.stringify({ 'updates.enabled': true, 'phone.featureCode': '*77', 'cache.retentionDays': 60 }));
    const logged: string[] = [];
    const config = new ConfigService({ policyFile, userFile }, (m) => logged.push(m));
    expect(config.get('phone.featureCode')).toBe('*77');
    expect(config.get('cache.retentionDays')).toBe(60);
    expect(logged).toEqual([]);
    config.set('audio.input', 'headset');
    expect(JSON.parse(fs.readFileSync(userFile, 'utf8'))).toEqual({ 'phone.featureCode': '*77', 'cache.retentionDays': 60, 'audio.input': 'headset' });
  });
});

describe('policyPath', () => {
  it('is machine-wide per OS and overridable for tests', () => {
    expect(policyPath('linux', {})).toBe('/etc/spyglass/policy.json');
    expect(policyPath('darwin', {})).toBe('/Library/Application Support/Spyglass/policy.json');
    expect(policyPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\Spyglass\\policy.json');
    expect(policyPath('linux', { SPYGLASS_POLICY_FILE: '/tmp/p.json' })).toBe('/tmp/p.json');
  });
});
