import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigService } from '../../../main/config/ConfigService';
import { readUserSettings } from '../../../main/config/userSettings';
import { defaultSettings, settingsShape, type SettingKey } from '../../../main/config/settingsSchema';

/** Issue 11 item 4: the user's own settings file survives a bad value. */
let dir: string;
let policyFile: string;
let userFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-settings-'));
  policyFile = path.join(dir, 'policy.json');
  userFile = path.join(dir, 'settings.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const writeUser = (text: string) => fs.writeFileSync(userFile, text);
const readUser = () => JSON.parse(fs.readFileSync(userFile, 'utf8')) as Record<string, unknown>;
const open = (logged: string[] = [], now = () => Date.UTC(2026, 11, 1, 15, 29, 27, 123)) =>
  new ConfigService({ policyFile, userFile }, (m) => logged.push(m), now);

describe('a settings file with one invalid value', () => {
  const text = JSON.stringify({ 'phone.featureCode': '*77', 'cache.retentionDays': 'forever', 'audio.input': 'headset' }, null, 2);

  it('keeps every valid value and reports the bad one in the view (Settings banner, status bar) and the log', () => {
    writeUser(text);
    const logged: string[] = [];
    const config = open(logged);
    expect(config.get('phone.featureCode')).toBe('*77');
    expect(config.get('audio.input')).toBe('headset');
    expect(config.get('cache.retentionDays')).toBe(defaultSettings['cache.retentionDays']);
    const problem = config.view().settingsProblem;
    expect(problem).toMatch(/“cache\.retentionDays”/);
    expect(problem).toMatch(/Every other setting in it applies/);
    expect(problem).not.toMatch(/featureCode|audio\.input/);
    expect(logged).toEqual([problem]);
  });

  it('leaves the file byte for byte as it is until the user saves', () => {
    writeUser(text);
    open();
    open().reload();
    expect(fs.readFileSync(userFile, 'utf8')).toBe(text);
  });

  it('on save, writes the bad value back unchanged (the user typed it; it may be meant for a newer version)', () => {
    writeUser(text);
    const config = open();
    config.set('audio.output', 'speakers');
    expect(readUser()).toEqual({ 'phone.featureCode': '*77', 'cache.retentionDays': 'forever', 'audio.input': 'headset', 'audio.output': 'speakers' });
    expect(config.view().settingsProblem).toMatch(/cache\.retentionDays/);
    expect(open().get('audio.output')).toBe('speakers');
  });

  it('saving a good value for the bad key replaces it and clears the report', () => {
    writeUser(text);
    const config = open();
    config.set('cache.retentionDays', 90);
    expect(readUser()).toEqual({ 'phone.featureCode': '*77', 'cache.retentionDays': 90, 'audio.input': 'headset' });
    expect(config.view().settingsProblem).toBeUndefined();
    expect(open().view().settingsProblem).toBeUndefined();
  });

  it('resetting the bad key removes it from the file', () => {
    writeUser(text);
    const config = open();
    config.set('cache.retentionDays', null);
    expect(readUser()).toEqual({ 'phone.featureCode': '*77', 'audio.input': 'headset' });
    expect(config.view().settingsProblem).toBeUndefined();
  });
});

describe('a settings file with an unknown key', () => {
  it('keeps every valid value, names the unknown key, and keeps it on save', () => {
    writeUser(JSON.stringify({ 'cache.retentionDay': 7, startOffline: true }));
    const config = open();
    expect(config.get('startOffline')).toBe(true);
    expect(config.view().settingsProblem).toMatch(/“cache\.retentionDay” \(not a Spyglass setting\)/);
    config.set('demo.seed', 3);
    expect(readUser()).toEqual({ 'cache.retentionDay': 7, startOffline: true, 'demo.seed': 3 });
  });

  it('a "__proto__" key is a key like any other: reported, kept, and nothing else is lost', () => {
    writeUser('{"__proto__": {"startOffline": true}, "demo.seed": 5}');
    const config = open();
    expect(config.get('demo.seed')).toBe(5);
    expect(config.get('startOffline')).toBe(false);
    expect(config.view().settingsProblem).toMatch(/“__proto__”/);
    config.set('demo.agents', 3);
    expect(fs.readFileSync(userFile, 'utf8')).toContain('"__proto__"');
    expect(open().get('demo.agents')).toBe(3);
  });
});

describe('a settings file that cannot be read', () => {
  for (const [what, text] of [
    ['not JSON', '{ "phone.featureCode": "*77", '],
    ['JSON but not an object', '["*77"]'],
  ] as const) {
    it(`(${what}) is reported, left alone until a save, then kept as settings.json.bad-<time> before the new file is written`, () => {
      writeUser(text);
      const logged: string[] = [];
      const config = open(logged);
      expect(config.view().settingsProblem).toMatch(/defaults are used/);
      expect(logged).toHaveLength(1);
      expect(fs.readFileSync(userFile, 'utf8')).toBe(text);

      config.set('demo.seed', 11);
      const aside = `${userFile}.bad-2026-12-01T15-29-27-123Z`;
      expect(fs.readFileSync(aside, 'utf8')).toBe(text);
      expect(readUser()).toEqual({ 'demo.seed': 11 });
      expect(config.view().settingsProblem).toContain(`kept as ${aside}`);
      expect(logged[1]).toContain(aside);
      // Kept aside once: the next save writes normally.
      config.set('demo.agents', 2);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.bad-'))).toHaveLength(1);
      expect(open().view().settingsProblem).toBeUndefined();
    });
  }
});

describe('a settings file that cannot even be opened (a folder in its place)', () => {
  it('starts on defaults with the problem reported, then moves it aside on the first save', () => {
    fs.mkdirSync(userFile);
    const logged: string[] = [];
    const config = open(logged);
    expect(config.get('demo.seed')).toBe(defaultSettings['demo.seed']);
    expect(config.view().settingsProblem).toMatch(/not readable \(EISDIR/);
    expect(logged).toHaveLength(1);
    config.set('demo.seed', 4);
    expect(fs.statSync(`${userFile}.bad-2026-12-01T15-29-27-123Z`).isDirectory()).toBe(true);
    expect(readUser()).toEqual({ 'demo.seed': 4 });
  });
});

// Any JSON object: every key that is valid on its own survives, through the file.
const settingKeys = Object.keys(settingsShape) as SettingKey[];
const validValue: Record<SettingKey, fc.Arbitrary<unknown>> = {
  connector: fc.constantFrom('demo', 'asterisk'),
  startOffline: fc.boolean(),
  'demo.seed': fc.nat(),
  'demo.agents': fc.integer({ min: 1, max: 5000 }),
  'demo.timeCompression': fc.double({ min: 1, max: 100, noNaN: true }),
  'asterisk.host': fc.string({ maxLength: 255 }),
  'asterisk.port': fc.integer({ min: 1, max: 65535 }),
  'asterisk.tls': fc.boolean(),
  'asterisk.user': fc.string({ maxLength: 100 }),
  'phone.profile': fc.constantFrom('demo', 'asterisk-chanspy', 'freeswitch-eavesdrop', 'auto-answer'),
  'phone.server': fc.string({ maxLength: 500 }),
  'phone.user': fc.string({ maxLength: 200 }),
  'phone.featureCode': fc.string({ maxLength: 50 }),
  'phone.dtmfMethod': fc.constantFrom('info', 'rfc2833'),
  'phone.answerTimeoutSeconds': fc.integer({ min: 2, max: 120 }),
  'phone.liberalDtmf': fc.boolean(),
  'phone.stunServers': fc.array(fc.constantFrom('stun:stun.example.com', 'stuns:stun.example.com:5349'), { maxLength: 4 }),
  'phone.turnServers': fc.array(fc.constantFrom('turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:443'), { maxLength: 4 }),
  'phone.turnUsername': fc.string({ maxLength: 256 }),
  'phone.turnCredentialsUrl': fc.constantFrom('', 'https://turn-creds.example.com/turn?key=k'),
  'phone.iceTransportPolicy': fc.constantFrom('all', 'relay'),
  'phone.caFile': fc.constantFrom('', '/etc/spyglass/company-ca.pem', 'C:\\ProgramData\\Spyglass\\ca.pem'),
  'audio.input': fc.string({ maxLength: 500 }),
  'audio.output': fc.string({ maxLength: 500 }),
  'ui.theme': fc.constantFrom('system', 'light', 'dark'),
  'agents.sort': fc.constantFrom('name:asc', 'status:desc', 'timeInState:asc'),
  'agents.groupBy': fc.constantFrom('none', 'queue', 'status'),
  'cache.retentionDays': fc.integer({ min: 1, max: 3650 }),
  'cache.redactionPatterns': fc.array(fc.string({ maxLength: 500 }), { maxLength: 100 }),
  'metrics.serviceLevelMinPercent': fc.integer({ min: 0, max: 100 }),
  'metrics.abandonRateMaxPercent': fc.integer({ min: 0, max: 100 }),
  'metrics.averageSpeedOfAnswerMaxSeconds': fc.integer({ min: 0, max: 3600 }),
  'metrics.longestWaitMaxPercentOfThreshold': fc.integer({ min: 1, max: 1000 }),
  'metrics.digitalSlaMissedMax': fc.nat({ max: 100000 }),
  'alerts.longCall.enabled': fc.boolean(),
  'alerts.longCall.seconds': fc.integer({ min: 10, max: 86_400 }),
  'alerts.longHold.enabled': fc.boolean(),
  'alerts.longHold.seconds': fc.integer({ min: 5, max: 86_400 }),
  'alerts.longWait.enabled': fc.boolean(),
  'alerts.longWait.seconds': fc.integer({ min: 5, max: 86_400 }),
  'alerts.slaBreach.enabled': fc.boolean(),
  'alerts.slaBreach.interval': fc.constantFrom('today', '15m', '30m', '60m'),
  'alerts.agentStuck.enabled': fc.boolean(),
  'alerts.agentStuck.seconds': fc.integer({ min: 10, max: 86_400 }),
  'alerts.assistance.enabled': fc.boolean(),
  'alerts.lockReleased.enabled': fc.boolean(),
  'alerts.desktopNotifications': fc.boolean(),
  'log.level': fc.constantFrom('error' as const, 'warn' as const, 'info' as const),
  'crashReports.submitUrl': fc.constantFrom('', 'https://crash.example.com/submit'),
};
/** A JSON object mixing valid settings, settings with any JSON value, and any other keys. */
const settingsObject = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...settingKeys), fc.jsonValue()),
    fc.record(validValue, { requiredKeys: [] }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'updates.enabled', 'cache.retentionDay')), fc.jsonValue()),
  )
  .map(([anyValues, valid, other]) => JSON.parse(JSON.stringify({ ...other, ...anyValues, ...valid })) as Record<string, unknown>);

const individuallyValid = (obj: Record<string, unknown>) =>
  Object.entries(obj).filter(([k, v]) => Object.prototype.hasOwnProperty.call(settingsShape, k) && settingsShape[k as SettingKey].safeParse(v).success);

describe('property: any JSON object', () => {
  it('every individually valid key is applied; every other key except retired ones is reported', () => {
    fc.assert(
      fc.property(settingsObject, (obj) => {
        const read = readUserSettings(JSON.stringify(obj));
        if (!read.readable) throw new Error('an object is always readable');
        const valid = individuallyValid(obj);
        expect(read.values).toEqual(Object.fromEntries(valid));
        const expectedIgnored = Object.keys(obj).filter((k) => k !== 'updates.enabled' && !valid.some(([v]) => v === k));
        expect(read.ignored.map((i) => i.key).sort()).toEqual(expectedIgnored.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('through a real file: every individually valid key survives a load and a save, and nothing else is lost', () => {
    fc.assert(
      fc.property(settingsObject, (obj) => {
        fs.writeFileSync(userFile, JSON.stringify(obj));
        const config = new ConfigService({ policyFile, userFile });
        const valid = individuallyValid(obj);
        for (const [key, value] of valid) expect(config.view().values[key]).toEqual(value);
        config.set('startOffline', !config.get('startOffline'));
        const saved = readUser();
        const { 'updates.enabled': _retired, startOffline: _changed, ...rest } = obj;
        const { startOffline: _savedChanged, ...savedRest } = saved;
        expect(savedRest).toEqual(rest);
        const reopened = new ConfigService({ policyFile, userFile });
        for (const [key, value] of valid) if (key !== 'startOffline') expect(reopened.view().values[key]).toEqual(value);
      }),
      { numRuns: 60 },
    );
  });
});
