/**
 * The native-module guard: better-sqlite3-multiple-ciphers is rebuilt for Electron only where
 * an Electron binary exists, never at install time without one (CI keeps the
 * Node build its tests load), and `npm start` is told exactly what to run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decideNativeBuild, rebuildForElectron, rebuildForNode } from '../../../scripts/native-deps/decideNativeBuild.mjs';
import type { NativeFacts } from '../../../scripts/native-deps/decideNativeBuild.mjs';
import { addonAbi, addonRelativePath, electronBinaryPath } from '../../../scripts/native-deps/nativeFacts.mjs';

const projectDir = path.resolve(__dirname, '../../..');
const guardScript = path.join(projectDir, 'scripts/native-deps/ensure-native-abi.mjs');

const facts = (over: Partial<NativeFacts>): NativeFacts => ({
  target: 'electron',
  mode: 'start',
  electronBinary: '/opt/electron/electron',
  electronVersion: '39.8.10',
  electronAbi: '140',
  nodeVersion: 'v20.20.2',
  nodeAbi: '115',
  addonAbi: '115',
  ...over,
});

describe('decideNativeBuild', () => {
  it('without an Electron binary, an install keeps the Node build and runs nothing', () => {
    const decision = decideNativeBuild(facts({ mode: 'postinstall', electronBinary: null }));
    expect(decision.kind).toBe('skip');
    expect(decision.message).toMatch(/Node \(ABI 115\)/);
  });

  it('with an Electron binary, an addon built for Node is rebuilt for Electron', () => {
    for (const mode of ['postinstall', 'start'] as const) {
      expect(decideNativeBuild(facts({ mode }))).toEqual({
        kind: 'rebuild',
        command: rebuildForElectron,
        message: 'better-sqlite3-multiple-ciphers is built for ABI 115; Electron 39.8.10 needs ABI 140.',
      });
    }
    expect(rebuildForElectron.join(' ')).toBe('npx electron-builder install-app-deps');
  });

  it('an addon already built for Electron is left alone', () => {
    expect(decideNativeBuild(facts({ addonAbi: '140' })).kind).toBe('ok');
  });

  it('a missing addon (install scripts skipped) is built, for whichever runtime is next', () => {
    expect(decideNativeBuild(facts({ addonAbi: null }))).toMatchObject({ kind: 'rebuild', command: rebuildForElectron });
    expect(decideNativeBuild(facts({ target: 'node', mode: 'test', addonAbi: null }))).toMatchObject({ kind: 'rebuild', command: rebuildForNode });
  });

  it('starting the desktop app with no binary is refused, not "skipped"', () => {
    expect(decideNativeBuild(facts({ electronBinary: null })).kind).toBe('no-electron');
  });

  it('tests under Node need the Node build back after the app was started', () => {
    expect(decideNativeBuild(facts({ target: 'node', mode: 'test', addonAbi: '140' }))).toMatchObject({ kind: 'rebuild', command: rebuildForNode });
    expect(decideNativeBuild(facts({ target: 'node', mode: 'test', addonAbi: '115' })).kind).toBe('ok');
    // Node's build is right for Node even with an Electron binary around.
    expect(decideNativeBuild(facts({ target: 'node', mode: 'test', electronBinary: null })).kind).toBe('ok');
  });

  it("an unknown Electron ABI is rebuilt rather than trusted", () => {
    expect(decideNativeBuild(facts({ electronAbi: null, addonAbi: '140' })).kind).toBe('rebuild');
  });
});

describe('nativeFacts', () => {
  it('reads the ABI the real addon was compiled for: the one Node loads it with, or another', () => {
    const abi = addonAbi(path.join(projectDir, addonRelativePath));
    expect(abi).toMatch(/^\d+$/);
    let loads: boolean;
    try {
      const Database = createRequire(__filename)('better-sqlite3-multiple-ciphers') as new (file: string) => { close(): void };
      new Database(':memory:').close();
      loads = true;
    } catch {
      loads = false;
    }
    expect(abi === process.versions.modules).toBe(loads);
  });

  it('finds no Electron binary when only the npm package was installed', () => {
    const root = fakeProject({ electronBinary: false, addonAbi: '115' });
    expect(electronBinaryPath(root, {})).toBeNull();
    const withBinary = fakeProject({ electronBinary: true, addonAbi: '115' });
    expect(electronBinaryPath(withBinary, {})).toBe(path.join(withBinary, 'node_modules/electron/dist/electron'));
  });
});

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project with electron's npm package (and maybe its binary) and a compiled addon of a given ABI. */
function fakeProject(options: { electronBinary: boolean; addonAbi: string }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-native-'));
  made.push(root);
  const electron = path.join(root, 'node_modules/electron');
  fs.mkdirSync(path.join(electron, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '39.8.10' }));
  fs.writeFileSync(path.join(electron, 'abi_version'), '140');
  if (options.electronBinary) {
    fs.writeFileSync(path.join(electron, 'path.txt'), 'electron');
    fs.writeFileSync(path.join(electron, 'dist/electron'), '');
  }
  const addon = path.join(root, addonRelativePath);
  fs.mkdirSync(path.dirname(addon), { recursive: true });
  fs.writeFileSync(addon, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), Buffer.from(`\0node_register_module_v${options.addonAbi}\0`)]));
  return root;
}

function runGuard(root: string, args: string[]) {
  const result = spawnSync(process.execPath, [guardScript, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' } });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('ensure-native-abi (the postinstall and npm start guard)', () => {
  it('postinstall without a binary (CI) succeeds and leaves the addon as it is', () => {
    const root = fakeProject({ electronBinary: false, addonAbi: '115' });
    const addon = path.join(root, addonRelativePath);
    const before = fs.readFileSync(addon);
    const { status, output } = runGuard(root, ['--for', 'electron', '--mode', 'postinstall']);
    expect(status).toBe(0);
    expect(output).toMatch(/No Electron binary here: better-sqlite3-multiple-ciphers stays built for Node \(ABI 115\)/);
    expect(output).not.toMatch(/running:/);
    expect(fs.readFileSync(addon).equals(before)).toBe(true);
  });

  it('with a binary and a Node-built addon, says exactly what to run', () => {
    const root = fakeProject({ electronBinary: true, addonAbi: '115' });
    const { status, output } = runGuard(root, ['--for', 'electron', '--mode', 'start', '--print-only']);
    expect(status).toBe(1);
    expect(output).toContain('Electron 39.8.10 needs ABI 140');
    expect(output).toContain('run: npx electron-builder install-app-deps');
  });

  it('a postinstall that cannot rebuild still lets the install succeed', () => {
    const root = fakeProject({ electronBinary: true, addonAbi: '115' });
    const { status, output } = runGuard(root, ['--for', 'electron', '--mode', 'postinstall', '--print-only']);
    expect(status).toBe(0);
    expect(output).toContain('run: npx electron-builder install-app-deps');
  });

  it('with a binary and an Electron-built addon, starts without rebuilding', () => {
    const root = fakeProject({ electronBinary: true, addonAbi: '140' });
    const { status, output } = runGuard(root, ['--for', 'electron', '--mode', 'start']);
    expect(status).toBe(0);
    expect(output).toContain('built for Electron (ABI 140)');
  });
});
