import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsBuild } from '../../../scripts/start/buildFreshness.mjs';
import { chooseHost, openerCommand, shouldFetchElectron, shouldOpenBrowser } from '../../../scripts/start/launchPlan.mjs';

describe('npm start: where Spyglass runs', () => {
  it('runs the Electron app where its binary exists and a window can open', () => {
    expect(chooseHost({ electronPath: '/x/electron', platform: 'linux', env: { DISPLAY: ':0' } }).host).toBe('electron');
    expect(chooseHost({ electronPath: '/x/electron.exe', platform: 'win32', env: {} }).host).toBe('electron');
  });

  it('runs the web host where the binary is missing, where there is no display, or when asked', () => {
    expect(chooseHost({ electronPath: null, platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ host: 'web', why: 'the Electron binary is not installed here' });
    expect(chooseHost({ electronPath: '/x/electron', platform: 'linux', env: {} }).host).toBe('web');
    expect(chooseHost({ electronPath: '/x/electron', platform: 'linux', env: { DISPLAY: ':0' }, forceWeb: true }).host).toBe('web');
  });

  it("downloads Electron's binary (no longer fetched at install since Electron 42) only when the desktop app would run", () => {
    const display = { DISPLAY: ':0' };
    expect(shouldFetchElectron({ electronPath: null, platform: 'linux', env: display })).toBe(true);
    expect(shouldFetchElectron({ electronPath: null, platform: 'win32', env: {} })).toBe(true);
    expect(shouldFetchElectron({ electronPath: '/x/electron', platform: 'linux', env: display })).toBe(false);
    expect(shouldFetchElectron({ electronPath: null, platform: 'linux', env: {} })).toBe(false);
    expect(shouldFetchElectron({ electronPath: null, platform: 'linux', env: display, forceWeb: true })).toBe(false);
    expect(shouldFetchElectron({ electronPath: null, platform: 'linux', env: { ...display, CI: 'true' } })).toBe(false);
    expect(shouldFetchElectron({ electronPath: null, platform: 'linux', env: { ...display, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } })).toBe(false);
    expect(shouldFetchElectron({ electronPath: null, platform: 'linux', env: { ...display, ELECTRON_SKIP_BINARY_DOWNLOAD: '0' } })).toBe(true);
  });

  it('opens the browser only with a display, never in CI or when told not to', () => {
    expect(shouldOpenBrowser({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(true);
    expect(shouldOpenBrowser({ platform: 'linux', env: {} })).toBe(false);
    expect(shouldOpenBrowser({ platform: 'linux', env: { DISPLAY: ':0', CI: 'true' } })).toBe(false);
    expect(shouldOpenBrowser({ platform: 'darwin', env: {}, noOpen: true })).toBe(false);
    expect(openerCommand('linux', 'http://127.0.0.1:1/?token=a')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/?token=a'] });
    // cmd's start would cut the URL at & without escaping.
    expect(openerCommand('win32', 'http://h/?a=1&b=2').args.at(-1)).toBe('http://h/?a=1^&b=2');
  });
});

describe('npm start: builds only when the sources changed', () => {
  const project = () => {
    const root = mkdtempSync(join(tmpdir(), 'spyglass-fresh-'));
    mkdirSync(join(root, 'renderer/src'), { recursive: true });
    writeFileSync(join(root, 'renderer/src/App.tsx'), 'x');
    return root;
  };
  const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

  it('builds when there is no build, skips when the build is newer, builds again after an edit', () => {
    const root = project();
    const out = join(root, 'out');
    expect(needsBuild(root, out, 'web')).toBe(true);
    mkdirSync(join(out, 'renderer'), { recursive: true });
    writeFileSync(join(out, 'renderer/index.html'), '<html>');
    at(join(root, 'renderer/src/App.tsx'), 1_000);
    at(join(out, 'renderer/index.html'), 2_000);
    expect(needsBuild(root, out, 'web')).toBe(false);
    at(join(root, 'renderer/src/App.tsx'), 3_000);
    expect(needsBuild(root, out, 'web')).toBe(true);
  });

  it('the desktop app also needs main and preload built; a main-only edit does not rebuild for the web host', () => {
    const root = project();
    const out = join(root, 'out');
    mkdirSync(join(root, 'main'), { recursive: true });
    writeFileSync(join(root, 'main/index.ts'), 'x');
    mkdirSync(join(out, 'renderer'), { recursive: true });
    writeFileSync(join(out, 'renderer/index.html'), '<html>');
    at(join(root, 'renderer/src/App.tsx'), 1_000);
    at(join(out, 'renderer/index.html'), 2_000);
    at(join(root, 'main/index.ts'), 3_000);
    expect(needsBuild(root, out, 'web')).toBe(false);
    expect(needsBuild(root, out, 'electron')).toBe(true);
  });
});
