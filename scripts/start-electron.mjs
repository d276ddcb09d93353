// `npm start`: Spyglass wherever it can run. Where Electron's binary exists and
// a window can open: builds (only when the sources changed, quietly), makes
// sure better-sqlite3-multiple-ciphers is compiled for Electron (not Node), then launches the
// desktop app on the embedded demo. Otherwise (the binary cannot be downloaded
// on some build machines, or there is no display) the very same app in the web
// host, opened in the default browser (scripts/start-web.mjs). `--web` asks for
// the web host. Since Electron 42 the binary is not downloaded at install: the
// first desktop start fetches it with Electron's own installer.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { electronBinaryPath } from './native-deps/nativeFacts.mjs';
import { checkSupportedNode } from './nodeRequirement.mjs';
import { chooseHost, shouldFetchElectron } from './start/launchPlan.mjs';
import { ensureBuilt } from './start/quietBuild.mjs';
import { startWeb } from './start-web.mjs';

const root = resolve(import.meta.dirname, '..');
checkSupportedNode(root, { fatal: true });
const argv = process.argv.slice(2);
const forceWeb = argv.includes('--web');

/** Electron's binary, downloaded once by the electron package's installer where it is missing and may be fetched. */
function electronBinary() {
  const found = electronBinaryPath(root);
  if (!shouldFetchElectron({ electronPath: found, platform: process.platform, env: process.env, forceWeb })) return found;
  console.log("Downloading Electron's binary (once; `npx install-electron --no` does the same)…");
  const fetched = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], { cwd: root, encoding: 'utf8' });
  if (fetched.status !== 0) {
    const reason = `${fetched.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line))?.trim() ?? `exit ${fetched.status}`;
    console.log(`Could not download Electron's binary here (${reason}).`);
  }
  return electronBinaryPath(root);
}

const electronPath = electronBinary();
const plan = chooseHost({ electronPath, platform: process.platform, env: process.env, forceWeb });
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
