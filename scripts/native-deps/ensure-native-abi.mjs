// Makes better-sqlite3-multiple-ciphers' addon fit the runtime about to load it, or says
// exactly what to run.
//   node scripts/native-deps/ensure-native-abi.mjs --for electron|node --mode postinstall|start|test [--print-only]
// postinstall never fails the install (CI has no Electron binary and keeps the
// Node build its tests use); start and test stop with the command to run.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
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
const result = spawnSync(decision.command[0], decision.command.slice(1), { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
const after = decideNativeBuild(gatherNativeFacts(root, target, mode));
if (result.status === 0 && after.kind === 'ok') {
  say(after.message);
  process.exit(0);
}
say(`the rebuild did not work (${after.message}) Run it yourself and read its errors: ${command}`);
process.exit(failureCode);
