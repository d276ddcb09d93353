/**
 * electron-builder.yml, checked the way electron-builder itself checks it:
 * its own loader and JSON-schema validation, its own file matchers for what
 * goes into the package and what is unpacked from the asar. Runs where no
 * Electron binary exists (CI), so a broken installer config fails here
 * instead of on the release machine.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { getFileMatchers, type FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { unicodeFonts } from '../../../main/cache/export/exportPdf';
import { plistBooleans } from './plist';

const projectDir = path.resolve(__dirname, '../../..');

/** electron-builder's matcher for node_modules (marked @internal, so not in its typings). */
const { getNodeModuleFileMatcher } = createRequire(__filename)('app-builder-lib/out/fileMatcher') as {
  getNodeModuleFileMatcher(appDir: string, destination: string, macroExpander: (p: string) => string, options: object, packager: object): FileMatcher;
};
const packageJson = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
  homepage?: string;
  repository?: unknown;
  author?: { name?: string; email?: string };
};

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(projectDir, 'electron-builder.yml', null);
});

/** Every file under a production module, as electron-builder names it (relative to the app). */
function moduleFiles(moduleName: string): Array<{ file: string; relative: string; stat: fs.Stats }> {
  const root = path.join(projectDir, 'node_modules', moduleName);
  const out: Array<{ file: string; relative: string; stat: fs.Stats }> = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      const stat = fs.lstatSync(file);
      const relative = path.posix.join('node_modules', moduleName, path.relative(root, file).split(path.sep).join('/'));
      out.push({ file, relative, stat });
      if (stat.isDirectory()) walk(file);
    }
  };
  walk(root);
  return out;
}

/** The files of a module that electron-builder copies into the app, through its own node_modules matcher. */
function packagedFiles(moduleName: string): string[] {
  const matcher = getNodeModuleFileMatcher(projectDir, '/app', (p) => p, {}, { config, debugLogger: new DebugLogger(false) });
  const filter = matcher.createFilter();
  const all = moduleFiles(moduleName);
  const excludedDirs = all.filter(({ file, relative, stat }) => stat.isDirectory() && !filter(file, Object.assign(stat, { moduleFullFilePath: relative }))).map((f) => f.relative);
  return all
    .filter(({ stat }) => stat.isFile())
    .filter(({ relative }) => !excludedDirs.some((dir) => relative.startsWith(`${dir}/`)))
    .filter(({ file, relative, stat }) => filter(file, Object.assign(stat, { moduleFullFilePath: relative })))
    .map((f) => f.relative);
}

function unpackedFiles(moduleName: string): string[] {
  const matchers = getFileMatchers(config, 'asarUnpack', '/app', { macroExpander: (p) => p, customBuildOptions: {}, globalOutDir: path.join(projectDir, 'dist'), defaultSrc: projectDir });
  const matcher = matchers?.[0];
  if (!matcher) return [];
  const filter = matcher.createFilter();
  return moduleFiles(moduleName)
    .filter(({ stat }) => stat.isFile())
    .filter(({ file, relative, stat }) => filter(file, Object.assign(stat, { moduleFullFilePath: relative })))
    .map((f) => f.relative);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check is real: a misplaced option is refused', async () => {
    const broken = { ...config, mac: { ...config.mac, title: 'Spyglass' } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration\.mac/);
  });

  it('gives deb and rpm (FPM) the homepage, maintainer and vendor they refuse to build without', () => {
    expect(packageJson.homepage ?? packageJson.repository).toBeTruthy();
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux?.vendor).toBeTruthy();
    expect(packageJson.author?.email).toBeTruthy();
    expect(config.linux?.category).toBeTruthy();
    expect(config.deb?.packageCategory).toBeTruthy();
    expect(config.rpm?.packageCategory).toBeTruthy();
  });

  it('signs the macOS app with the microphone entitlement and explains the microphone', () => {
    const mac = config.mac!;
    expect(mac.hardenedRuntime).toBe(true);
    const app = plistBooleans(fs.readFileSync(path.join(projectDir, mac.entitlements!), 'utf8'));
    expect(app.get('com.apple.security.device.audio-input')).toBe(true);
    expect(app.get('com.apple.security.cs.allow-jit')).toBe(true);
    const helpers = plistBooleans(fs.readFileSync(path.join(projectDir, mac.entitlementsInherit!), 'utf8'));
    expect(helpers.get('com.apple.security.cs.allow-jit')).toBe(true);
    // Nothing beyond what Electron needs: no unsigned executable memory, no library-validation opt-out.
    for (const entitlements of [app, helpers]) {
      expect(entitlements.has('com.apple.security.cs.allow-unsigned-executable-memory')).toBe(false);
      expect(entitlements.has('com.apple.security.cs.disable-library-validation')).toBe(false);
    }
    expect(String(mac.extendInfo?.NSMicrophoneUsageDescription ?? '')).toMatch(/microphone/i);
  });

  it('keeps the per-machine Windows installers (NSIS and MSI with a fixed upgrade code)', () => {
    expect(config.win?.target).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.msi).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rebuilds native modules for the target Electron when packaging', () => {
    // The project's own copy is built for Node (the tests); an installer must carry Electron's.
    expect(config.npmRebuild).toBe(true);
  });

  it('unpacks only the better-sqlite3-multiple-ciphers addon from the asar, with smart unpack off', () => {
    expect(config.asar).toMatchObject({ smartUnpack: false });
    expect(unpackedFiles('better-sqlite3-multiple-ciphers')).toEqual(['node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node']);
    for (const dep of ['dejavu-fonts-ttf', 'jssip', 'pdfkit']) expect(unpackedFiles(dep)).toEqual([]);
  });

  it('packages better-sqlite3-multiple-ciphers without the SQLite sources and build intermediates', () => {
    const files = packagedFiles('better-sqlite3-multiple-ciphers');
    expect(files).toContain('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
    expect(files).toContain('node_modules/better-sqlite3-multiple-ciphers/lib/index.js');
    expect(files.filter((f) => /\/(deps|src)\//.test(f) || /obj\.target|test_extension|\.a$/.test(f))).toEqual([]);
  });

  it('ships exactly the DejaVu faces the PDF export embeds', () => {
    const used = unicodeFonts();
    expect(used).not.toBeNull();
    const fonts = packagedFiles('dejavu-fonts-ttf').filter((f) => f.endsWith('.ttf'));
    expect(fonts.map((f) => path.basename(f)).sort()).toEqual([path.basename(used!.regular), path.basename(used!.bold)].sort());
    // The export finds them through the package's package.json.
    expect(packagedFiles('dejavu-fonts-ttf')).toContain('node_modules/dejavu-fonts-ttf/package.json');
  });

  it('does not ship the duplicate demo audio (the renderer serves its own copy)', () => {
    expect(JSON.stringify(config.files)).not.toContain('demo-audio');
    expect(fs.existsSync(path.join(projectDir, 'renderer/public/demo-audio/agent.ogg'))).toBe(true);
  });
});
