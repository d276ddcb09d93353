/**
 * main/electron/diagnostics.ts under a fake `electron`: the crash reporter
 * keeps dumps locally and uploads only to the URL in the IT policy; the log
 * folder is Electron's logs path; "Open log folder" opens exactly that folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronLogFolder, openFolder, startCrashReports } from '../../../main/electron/diagnostics';
import { recorded, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-crash-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const policy = (values: unknown) => {
  const file = path.join(dir, 'policy.json');
  fs.writeFileSync(file, typeof values === 'string' ? values : JSON.stringify(values));
  return file;
};

describe('crash reports', () => {
  it('with no policy: started, dumps kept locally, nothing uploaded', () => {
    const r = startCrashReports(path.join(dir, 'no-policy.json'));
    expect(recorded.crashReporterStarts).toEqual([expect.objectContaining({ uploadToServer: false })]);
    expect(recorded.crashReporterStarts[0]).not.toHaveProperty('submitURL');
    expect(r).toEqual({ folder: '/fake-electron/crashDumps', uploadsTo: null });
  });

  it('uploads only to the URL IT sets in the policy', () => {
    const r = startCrashReports(policy({ 'crashReports.submitUrl': 'https://crash.example.com/submit' }));
    expect(recorded.crashReporterStarts).toEqual([expect.objectContaining({ uploadToServer: true, submitURL: 'https://crash.example.com/submit' })]);
    expect(r.uploadsTo).toBe('https://crash.example.com/submit');
  });

  it('an invalid policy (a bad URL, broken JSON) uploads nothing', () => {
    for (const bad of [{ 'crashReports.submitUrl': 'file:///etc/passwd' }, { 'crashReports.submitUrl': 'not a url' }, '{ broken']) {
      resetFakeElectron();
      expect(startCrashReports(policy(bad)).uploadsTo).toBeNull();
      expect(recorded.crashReporterStarts).toEqual([expect.objectContaining({ uploadToServer: false })]);
    }
  });
});

describe('log folder', () => {
  it('is Electron’s logs path (set before it is asked for), and Open log folder opens it', async () => {
    expect(electronLogFolder()).toBe('/fake-electron/logs');
    expect(await openFolder('/fake-electron/logs')).toBe('');
    expect(recorded.openedPaths).toEqual(['/fake-electron/logs']);
  });
});
