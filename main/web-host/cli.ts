/**
 * `npm run start:web`: the whole app in a browser. Serves the built renderer
 * and the contract over a WebSocket on 127.0.0.1 (random free port, per-run
 * token) and prints the URL on one line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { composeCore } from '../app/composeCore';
import { defaultUserDataDir } from '../config/paths';
import { createAppLogger } from '../app/createAppLogger';
import { FileKeyStore } from '../cache/keyStore';
import { demoSupervisorProfileNames, isDemoSupervisorProfile, optInScenarioNames, type DemoSupervisorProfile, type OptInScenario } from '../contact-center/demo';
import { guardProcess } from './processGuard';
import { serveTestControl } from './testControl';
import { startWebHost } from './WebHost';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'user-data': { type: 'string' },
    policy: { type: 'string' },
    seed: { type: 'string' },
    agents: { type: 'string' },
    speed: { type: 'string' },
    'changes-per-second': { type: 'string' },
    /** Benchmark knob: extra chat messages per demo second into the live conversations (tests/bench/transcriptLoad.bench.ts). */
    'messages-per-second': { type: 'string' },
    'test-control': { type: 'boolean', default: false },
    'static-dir': { type: 'string' },
    /** Opt-in demo scenario groups, e.g. `--scenario hostile` (attack strings in a chat, for e2e). */
    scenario: { type: 'string', multiple: true },
    /** Who the demo supervisor is: `--profile team-lead` (every permission) or `restricted` (refused actions say why). */
    profile: { type: 'string' },
    /** No background traffic: only the scenarios and what `--test-control` does (e2e that count alerts exactly). */
    quiet: { type: 'boolean', default: false },
  },
  strict: true,
});

/** How long the demo's scenario chats stay in place for a person trying the app (demo time). */
const SCENARIO_CHATS_PLAY_AFTER_MS = 2 * 60_000;

const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

/** Stops before anything starts, saying what was wrong with the command line. */
function usageError(message: string): never {
  console.error(`Spyglass web host: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const userDataDir = values['user-data'] ?? defaultUserDataDir(process.platform, process.env);
  // The web host's log files live in its user-data folder (the desktop app uses the OS log folder).
  const logFolder = path.join(userDataDir, 'logs');
  const { log } = createAppLogger(logFolder);
  guardProcess(log);
  // An explicit policy file that is not there is a mistake to report, not "no policy".
  if (values.policy !== undefined && !fs.existsSync(values.policy)) {
    usageError(`the policy file ${values.policy} does not exist. Give the path of an existing policy JSON file, or leave out --policy.`);
  }
  const scenarios = (values.scenario ?? []).map((name) =>
    (optInScenarioNames as string[]).includes(name) ? (name as OptInScenario) : usageError(`unknown --scenario ${name}; known: ${optInScenarioNames.join(', ')}.`),
  );
  const staticDir = values['static-dir'] ?? path.resolve(__dirname, '../../out/renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error(`The renderer is not built (${staticDir}). Run \`npm run start:web\`, which builds it first.`);
    process.exit(1);
  }
  const profile = values.profile;
  if (profile !== undefined && !isDemoSupervisorProfile(profile)) usageError(`unknown --profile ${profile}; known: ${demoSupervisorProfileNames.join(', ')}.`);
  const demo: { seed?: number; agents?: number; timeCompression?: number; changesPerSecond?: number; messagesPerSecond?: number; scenarios?: OptInScenario[]; profile?: DemoSupervisorProfile; scenarioChatsPlayAfterMs?: number; simulate?: boolean } = {};
  if (scenarios.length) demo.scenarios = scenarios;
  if (profile !== undefined) demo.profile = profile;
  if (values.quiet) demo.simulate = false;
  // For a person trying the demo the scenario chats join the traffic after two demo minutes; the
  // e2e tests (--test-control) keep them in place.
  if (!values['test-control']) demo.scenarioChatsPlayAfterMs = SCENARIO_CHATS_PLAY_AFTER_MS;
  for (const [key, arg] of [
    ['seed', 'seed'],
    ['agents', 'agents'],
    ['timeCompression', 'speed'],
    ['changesPerSecond', 'changes-per-second'],
    ['messagesPerSecond', 'messages-per-second'],
  ] as const) {
    const v = num(values[arg]);
    if (v !== undefined) demo[key] = v;
  }
  const app = await composeCore({
    host: 'web',
    version: process.env.npm_package_version ?? '0.1.0',
    userDataDir,
    log,
    demo,
    ...(values.policy ? { policyFile: values.policy } : {}),
    keyStore: new FileKeyStore(path.join(userDataDir, 'cache.key')),
    // No file manager to open from here: Settings › About shows the path.
    diagnostics: { logFolder },
    // With an explicit user-data folder (tests, side-by-side runs) the cache lives there too.
    ...(values['user-data'] ? { cachePath: path.join(userDataDir, 'cache', 'session-cache.sqlite') } : {}),
    openExternal: async (url) => {
      // No browser to hand the link to from here; tell the user where it goes.
      log.info(`Open this link in your browser: ${url}`);
    },
  });
  const host = await startWebHost({
    core: app.core,
    staticDir,
    log,
    port: Number(values.port),
    ...(values['test-control'] && app.demo ? { extraSockets: { '/test-control': serveTestControl(app.demo, log) } } : {}),
  });
  console.log(`Spyglass is running at ${host.url}`);
  const shutdown = async () => {
    await host.close();
    await app.core.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((e) => {
  console.error(`Spyglass web host failed to start: ${(e as Error).message}`);
  process.exit(1);
});
