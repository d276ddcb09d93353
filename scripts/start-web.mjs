// `npm run start:web` (and `npm start` where Electron cannot run): builds the
// renderer only when its sources changed, quietly, starts the web host, prints
// its URL and opens it in the default browser when there is a display (never
// in CI, nor with --no-open or SPYGLASS_NO_BROWSER=1). Other arguments go to
// the web host (--seed, --agents, --speed, --port, --user-data, --policy…).
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSupportedNode } from './nodeRequirement.mjs';
import { openerCommand, shouldOpenBrowser } from './start/launchPlan.mjs';
import { ensureBuilt } from './start/quietBuild.mjs';

const root = resolve(import.meta.dirname, '..');

function openInBrowser(url) {
  const { command, args } = openerCommand(process.platform, url);
  const opener = spawn(command, args, { stdio: 'ignore', detached: true });
  opener.on('error', () => console.log('Could not open a browser here; open the URL above in Chromium or Chrome.'));
  opener.unref();
}

export function startWeb(argv) {
  checkSupportedNode(root, { fatal: true });
  const noOpen = argv.includes('--no-open');
  const hostArgs = argv.filter((a) => a !== '--no-open' && a !== '--web');
  // Serve what was built where the build went (SPYGLASS_OUT_DIR keeps parallel builds apart).
  if (process.env.SPYGLASS_OUT_DIR && !hostArgs.includes('--static-dir')) hostArgs.push('--static-dir', resolve(root, process.env.SPYGLASS_OUT_DIR, 'renderer'));
  const status = ensureBuilt(root, 'web');
  if (status !== 0) process.exit(status);
  // The web host runs under Node: better-sqlite3-multiple-ciphers must be built for Node (after an Electron
  // start it may be built for Electron). Quiet unless it had to rebuild or could not.
  const native = spawnSync(process.execPath, ['scripts/native-deps/ensure-native-abi.mjs', '--for', 'node', '--mode', 'start'], { cwd: root, encoding: 'utf8' });
  if (native.status !== 0 || /running:/.test(native.stdout ?? '')) process.stdout.write(`${native.stdout ?? ''}${native.stderr ?? ''}`);
  if (native.status !== 0) process.exit(native.status ?? 1);
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web-host/cli.ts', ...hostArgs], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
  let seen = '';
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    seen = (seen + chunk.toString()).slice(-4096);
    const url = /Spyglass is running at (\S+)/.exec(seen)?.[1];
    if (!url) return;
    opened = true;
    if (shouldOpenBrowser({ platform: process.platform, env: process.env, noOpen })) openInBrowser(url);
    else console.log('Open that URL in Chromium or Chrome (no browser is opened here: no display, CI, or --no-open).');
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) startWeb(process.argv.slice(2));
