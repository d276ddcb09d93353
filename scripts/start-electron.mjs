// `npm start`: builds, makes sure better-sqlite3 is compiled for Electron (not
// Node), then launches Electron on the embedded demo. Where the Electron binary
// is missing (it cannot be downloaded on some build machines) it says so in one
// line and points to the web host.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { electronBinaryPath } from './native-deps/nativeFacts.mjs';

const root = resolve(import.meta.dirname, '..');
const electronPath = electronBinaryPath(root);
if (!electronPath) {
  console.log('Electron binary not installed here; run `npm run start:web` to use Spyglass in a browser instead.');
  process.exit(0);
}
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// Without this the cache worker cannot load SQLite and offline review is unavailable.
const native = spawnSync(process.execPath, ['scripts/native-deps/ensure-native-abi.mjs', '--for', 'electron', '--mode', 'start'], { cwd: root, stdio: 'inherit' });
if (native.status !== 0) process.exit(native.status ?? 1);
const run = spawnSync(electronPath, ['.'], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 0);
