// `npm start`: Spyglass wherever it can run. Where Electron's binary exists and
// a window can open: builds (only when the sources changed, quietly), makes
// sure better-sqlite3-multiple-ciphers is compiled for Electron (not Node), then launches the
// desktop app on the embedded demo. Otherwise (the binary cannot be downloaded
// on some build machines, or there is no display) the very same app in the web
// host, opened in the default browser (scripts/start-web.mjs). `--web` asks for
// the web host.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { electronBinaryPath } from './native-deps/nativeFacts.mjs';
import { chooseHost } from './start/launchPlan.mjs';
import { ensureBuilt } from './start/quietBuild.mjs';
import { startWeb } from './start-web.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const electronPath = electronBinaryPath(root);
const plan = chooseHost({ electronPath, platform: process.platform, env: process.env, forceWeb: argv.includes('--web') });
if (plan.host === 'web') {
  console.log(`Starting Spyglass in the browser: ${plan.why}.`);
  startWeb(argv);
} else {
  const built = ensureBuilt(root, 'electron');
  if (built !== 0) process.exit(built);
  // Without this the cache worker cannot load SQLite and offline review is unavailable.
  const native = spawnSync(process.execPath, ['scripts/native-deps/ensure-native-abi.mjs', '--for', 'electron', '--mode', 'start'], { cwd: root, stdio: 'inherit' });
  if (native.status !== 0) process.exit(native.status ?? 1);
  const run = spawnSync(electronPath, ['.'], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 0);
}
