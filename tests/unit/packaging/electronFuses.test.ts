/**
 * The fuses electron-builder's afterPack hook flips in the packaged Electron,
 * checked on a stand-in binary carrying a real fuse wire (the sentinel, the
 * version byte, the length byte, one ASCII state per fuse), since the real
 * binary cannot be downloaded here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { resolveFunction } from 'app-builder-lib/out/util/resolve';
import { describe, expect, it } from 'vitest';
import flipElectronFuses, { fuseConfig, packagedElectron, spyglassFuses } from '../../../scripts/packaging/electronFuses.mjs';

/** @electron/fuses' marker before the wire (not exported by the package). */
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's shipped states (electron/build/fuses/fuses.json5): '1' on, '0' off. */
const electron45Defaults = '101100011';
const on = '1'.charCodeAt(0);
const off = '0'.charCodeAt(0);

function standInApp(wire: string): { appOutDir: string; executable: string } {
  const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-fuses-'));
  const executable = path.join(appOutDir, 'spyglass');
  const padding = Buffer.alloc(4096, 0x90);
  fs.writeFileSync(executable, Buffer.concat([padding, Buffer.from(sentinel), Buffer.from([1, wire.length]), Buffer.from(wire), padding]));
  return { appOutDir, executable };
}

const linuxContext = (appOutDir: string) => ({
  appOutDir,
  electronPlatformName: 'linux',
  packager: { executableName: 'spyglass', appInfo: { productFilename: 'Spyglass' } },
});

describe('Electron fuses (afterPack)', () => {
  it('writes every fuse of the wire as decided, changing the defaults that matter', async () => {
    const { appOutDir, executable } = standInApp(electron45Defaults);
    await flipElectronFuses(linuxContext(appOutDir));
    const wire = await getCurrentFuseWire(executable);
    const expected: Record<number, number> = {
      [FuseV1Options.RunAsNode]: off,
      [FuseV1Options.EnableCookieEncryption]: on,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: off,
      [FuseV1Options.EnableNodeCliInspectArguments]: off,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: on,
      [FuseV1Options.OnlyLoadAppFromAsar]: on,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: off,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: off,
      [FuseV1Options.WasmTrapHandlers]: on,
    };
    for (let i = 0; i < electron45Defaults.length; i++) expect(wire[i as FuseV1Options], FuseV1Options[i]).toBe(expected[i]);
  });

  it('refuses to package an Electron whose wire has a fuse nobody decided', async () => {
    const { appOutDir, executable } = standInApp(`${electron45Defaults}1`);
    const before = fs.readFileSync(executable);
    await expect(flipElectronFuses(linuxContext(appOutDir))).rejects.toThrow(/strictlyRequireAllFuses/);
    expect(fs.readFileSync(executable).equals(before)).toBe(true);
  });

  it('decides each fuse @electron/fuses knows, and refuses an undecided one', () => {
    const known = Object.values(FuseV1Options).filter((o) => typeof o === 'number');
    const config = fuseConfig();
    expect(known.every((o) => typeof config[String(o)] === 'boolean')).toBe(true);
    expect(Object.keys(spyglassFuses)).toHaveLength(known.length);
    expect(() => fuseConfig({ ...spyglassFuses, wasmTrapHandlers: undefined })).toThrow(/wasmTrapHandlers is not decided/);
  });

  it('is the hook electron-builder.yml runs, and electron-builder flips no fuses of its own after it', async () => {
    const projectDir = path.resolve(__dirname, '../../..');
    const config = await getConfig(projectDir, 'electron-builder.yml', null);
    expect(config.electronFuses).toBeUndefined();
    const cwd = process.cwd();
    process.chdir(projectDir); // electron-builder resolves ./hooks from the project folder
    try {
      const hook = await resolveFunction(undefined, config.afterPack, 'afterPack', projectDir);
      // electron-builder loads its own copy of the module, so compare what it resolved.
      expect(path.resolve(projectDir, String(config.afterPack))).toBe(path.join(projectDir, 'scripts/packaging/electronFuses.mjs'));
      expect((hook as { name?: string }).name).toBe(flipElectronFuses.name);
    } finally {
      process.chdir(cwd);
    }
  });

  it('finds the packaged executable where electron-builder puts it on each OS', () => {
    const packager = { executableName: 'spyglass', appInfo: { productFilename: 'Spyglass' } };
    expect(packagedElectron({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(path.join('/o', 'spyglass'));
    expect(packagedElectron({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(path.join('/o', 'Spyglass.exe'));
    expect(packagedElectron({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(path.join('/o', 'Spyglass.app'));
  });
});
