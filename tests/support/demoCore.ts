import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigService } from '../../main/config/ConfigService';
import { FileKeyStore } from '../../main/cache/keyStore';
import { openSessionCache, type SessionCache } from '../../main/cache/SessionCache';
import type { Connector } from '../../main/contact-center/Connector';
import { DemoContactCenter, ManualClock, type DemoOptions } from '../../main/contact-center/demo';
import { silentLogger, type Logger } from '../../main/core/logger';
import { SupervisorCore, type CoreOptions } from '../../main/core/SupervisorCore';
import { supervisionRules } from '../../main/core/supervisionRules';
import type { VoicePhone } from '../../main/core/VoicePhone';

export interface DemoCoreOverrides {
  /** Name of the temp dir (under the OS temp dir) that holds policy.json, settings.json and the cache. */
  prefix?: string;
  /** Use this dir instead of a fresh one (it is then left in place on stop, e.g. to reopen the same cache). */
  dir?: string;
  /** The demo's options; the helper adds the clock and `simulate: false` (a quiet demo). */
  demo?: Omit<DemoOptions, 'clock'>;
  clock?: ManualClock;
  /** What the core talks to; default the demo itself (wrap it to play a platform). */
  connector?: (demo: DemoContactCenter) => Connector;
  phone?: VoicePhone;
  /** Open a real session cache in the dir (cache.sqlite, key file beside it). */
  cache?: boolean;
  log?: Logger;
  host?: CoreOptions['host'];
  openExternal?: CoreOptions['openExternal'];
}

export interface DemoCore {
  core: SupervisorCore;
  demo: DemoContactCenter;
  clock: ManualClock;
  dir: string;
  /** Present when `cache: true` was asked for. */
  cache?: SessionCache;
  /** Stops the core (which closes the cache) and removes the dir the helper made. */
  stop(): Promise<void>;
}

type CreateOverrides = Omit<DemoCoreOverrides, 'cache'> & { cache?: SessionCache };

function build(overrides: CreateOverrides, dir: string, ownsDir: boolean, clock: ManualClock): DemoCore {
  const demo = DemoContactCenter.create({ ...overrides.demo, clock, simulate: false });
  const { cache } = overrides;
  const core = new SupervisorCore({
    connector: overrides.connector ? overrides.connector(demo) : demo,
    config: new ConfigService({ policyFile: path.join(dir, 'policy.json'), userFile: path.join(dir, 'settings.json') }),
    rules: supervisionRules,
    log: overrides.log ?? silentLogger,
    now: () => clock.now(),
    host: overrides.host ?? 'web',
    version: 'test',
    openExternal: overrides.openExternal ?? (async () => undefined),
    ...(overrides.phone ? { phone: overrides.phone } : {}),
    ...(cache ? { cache: { cache, warnings: [] } } : {}),
  });
  return {
    core,
    demo,
    clock,
    dir,
    ...(cache ? { cache } : {}),
    async stop() {
      await core.stop();
      if (ownsDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const tempDir = (prefix = 'spyglass-core-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/**
 * A real SupervisorCore over a quiet DemoContactCenter on a ManualClock, its
 * config in a temp dir; not started (for hosts that wire the core first).
 */
export function createDemoCore(overrides: CreateOverrides = {}): DemoCore {
  return build(overrides, overrides.dir ?? tempDir(overrides.prefix), !overrides.dir, overrides.clock ?? new ManualClock());
}

/** createDemoCore, started, with a real session cache in its dir when asked (cache.sqlite, key file beside it). */
export async function startDemoCore(overrides: DemoCoreOverrides = {}): Promise<DemoCore> {
  const { cache: wantCache, ...rest } = overrides;
  const dir = rest.dir ?? tempDir(rest.prefix);
  const clock = rest.clock ?? new ManualClock();
  const cache = wantCache
    ? (await openSessionCache({ path: path.join(dir, 'cache.sqlite'), keyStore: new FileKeyStore(path.join(dir, 'key')), now: () => clock.now() })).cache
    : undefined;
  const made = build({ ...rest, ...(cache ? { cache } : {}) }, dir, !rest.dir, clock);
  await made.core.start();
  return made;
}
