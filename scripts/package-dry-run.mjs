// `npm run package:dry-run`: `electron-builder --dir` for this OS, no installer.
// Where the Electron binary exists it is the real thing (native modules rebuilt
// for Electron, fuses flipped). Where it does not (our build machines), it says
// so, then packs the app around a stand-in Electron (no fuses, no rebuild) so
// the files that would ship — app.asar and what is unpacked from it — are still
// built by electron-builder itself and measured.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinaryPath } from './native-deps/nativeFacts.mjs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(join(root, 'out/main/index.js'))) run('npx', ['electron-vite', 'build']);

const binary = electronBinaryPath(root);
if (binary) {
  run('npx', ['electron-builder', '--dir']);
  process.exit(0);
}

console.log('package:dry-run: SKIPPED the real `electron-builder --dir`: no Electron binary in node_modules/electron/dist.');
console.log('package:dry-run: packing around a stand-in Electron instead (no fuses, no native rebuild) to check the shipped files.');

const yaml = require('js-yaml');
const work = mkdtempSync(join(tmpdir(), 'spyglass-dry-run-'));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const standIn = join(work, 'electron-dist');
mkdirSync(join(standIn, 'resources'), { recursive: true });
const executable = process.platform === 'win32' ? 'electron.exe' : 'electron';
writeFileSync(join(standIn, executable), '#!/bin/sh\n');
chmodSync(join(standIn, executable), 0o755);
writeFileSync(join(standIn, 'version'), electronVersion);

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
delete config.afterPack; // flipping the fuses (scripts/packaging/electronFuses.mjs) needs the real binary
config.electronDist = standIn;
config.npmRebuild = false; // the Node-ABI addon is packed as is; a real build rebuilds it for Electron
config.directories = { ...config.directories, output: join(work, 'dist') };
const configFile = join(work, 'electron-builder.yml');
writeFileSync(configFile, yaml.dump(config));

const platformFlag = { linux: '--linux', darwin: '--mac', win32: '--win' }[process.platform] ?? '--linux';
run('npx', ['electron-builder', '--dir', platformFlag, '--config', configFile]);

const asar = require('@electron/asar');
const unpackedDir = { linux: 'linux-unpacked', darwin: 'mac', win32: 'win-unpacked' }[process.platform] ?? 'linux-unpacked';
const resources = join(work, 'dist', unpackedDir, 'resources');
const archive = join(resources, 'app.asar');
let packedBytes = 0;
const byModule = new Map();
for (const file of asar.listPackage(archive)) {
  const stat = asar.statFile(archive, file.slice(1));
  if (!stat.size || stat.unpacked) continue;
  packedBytes += stat.size;
  const module = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
  if (module) byModule.set(module, (byModule.get(module) ?? 0) + stat.size);
}
const unpacked = spawnSync(process.platform === 'win32' ? 'cmd' : 'find', process.platform === 'win32' ? ['/c', 'dir', '/s', '/b', join(resources, 'app.asar.unpacked')] : [join(resources, 'app.asar.unpacked'), '-type', 'f'], { encoding: 'utf8' }).stdout.trim().split(/\r?\n/).filter(Boolean);
const mb = (bytes) => (bytes / 1e6).toFixed(2);
console.log(`app_asar_mb: ${mb(packedBytes)}`);
for (const name of ['better-sqlite3-multiple-ciphers', 'dejavu-fonts-ttf']) console.log(`${name}_in_asar_mb: ${mb(byModule.get(name) ?? 0)}`);
console.log(`unpacked_files: ${unpacked.length}`);
console.log(`unpacked_mb: ${mb(unpacked.reduce((sum, file) => sum + statSync(file).size, 0))}`);
for (const file of unpacked) console.log(`unpacked: ${file.slice(resources.length + 1)}`);
rmSync(work, { recursive: true, force: true });
