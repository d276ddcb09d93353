import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigService } from '../../../main/config/ConfigService';

let dir: string;
let policyFile: string;
let userFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-profile-'));
  policyFile = path.join(dir, 'policy.json');
  userFile = path.join(dir, 'user', 'settings.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const writeUser = (v: object) => {
  fs.mkdirSync(path.dirname(userFile), { recursive: true });
  fs.writeFileSync(userFile, JSON.stringify(v));
};

describe('PBX profile defaults (issue 18 found 1)', () => {
  it('picking freeswitch-eavesdrop dials 88 with RFC 2833, not the app’s defaults', () => {
    const config = new ConfigService({ policyFile, userFile });
    config.set('phone.profile', 'freeswitch-eavesdrop');
    expect(config.get('phone.featureCode')).toBe('88');
    expect(config.get('phone.dtmfMethod')).toBe('rfc2833');
    expect(config.view().fromProfile).toEqual(['phone.featureCode', 'phone.dtmfMethod']);
    expect(config.view().values['phone.featureCode']).toBe('88');
  });

  it('asterisk-chanspy brings *222 and INFO, the code its README documents', () => {
    writeUser({ 'phone.profile': 'asterisk-chanspy' });
    const config = new ConfigService({ policyFile, userFile });
    expect(config.get('phone.featureCode')).toBe('*222');
    expect(config.get('phone.dtmfMethod')).toBe('info');
  });

  it('a value the user set wins over the profile, and clearing it (null) brings the profile back', () => {
    writeUser({ 'phone.profile': 'freeswitch-eavesdrop', 'phone.dtmfMethod': 'info' });
    const config = new ConfigService({ policyFile, userFile });
    expect(config.get('phone.dtmfMethod')).toBe('info');
    expect(config.view().fromProfile).toEqual(['phone.featureCode']);
    config.set('phone.dtmfMethod', null);
    expect(config.get('phone.dtmfMethod')).toBe('rfc2833');
    expect(new ConfigService({ policyFile, userFile }).get('phone.dtmfMethod')).toBe('rfc2833');
  });

  it('IT policy wins over the profile and is not shown as from the profile', () => {
    writeUser({ 'phone.profile': 'freeswitch-eavesdrop' });
    fs.writeFileSync(policyFile, JSON.stringify({ 'phone.featureCode': '*9' }));
    const config = new ConfigService({ policyFile, userFile });
    expect(config.get('phone.featureCode')).toBe('*9');
    expect(config.view().fromProfile).toEqual(['phone.dtmfMethod']);
  });
});
