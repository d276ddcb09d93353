import { DemoContactCenter, profilePermissions, scenariosWith, type Clock, type DemoControl, type DemoSupervisorProfile, type OptInScenario } from '../contact-center/demo';
import type { Connector } from '../contact-center/Connector';

export interface DemoConnectorHandle {
  connector: Connector;
  clock: Clock;
  /** Test-only controls; exposed by the web host only with --test-control. */
  control: DemoControl;
}

export interface DemoConnectorOptions {
  seed: number;
  agents: number;
  timeCompression: number;
  changesPerSecond?: number;
  /** Benchmark knob: extra chat messages per demo second (DemoOptions.messagesPerSecond). */
  messagesPerSecond?: number;
  /** Scenario groups off by default (e.g. `hostile`: attack strings in a chat, for the e2e tests). */
  optInScenarios?: readonly OptInScenario[];
  /** Who the demo supervisor is (`--profile`); default team-lead (every permission). */
  profile?: DemoSupervisorProfile;
  /** The app lets the scenario chats go after this much demo time (tests keep them pinned). */
  scenarioChatsPlayAfterMs?: number;
  /** false: no background traffic, only the scenarios and test controls (`--quiet`, e2e that count alerts). */
  simulate?: boolean;
}

/** The embedded demo contact center (the default, no-setup connector). */
export function createDemoConnector(options: DemoConnectorOptions): DemoConnectorHandle {
  const demo = DemoContactCenter.create({
    seed: options.seed,
    agents: options.agents,
    timeCompression: options.timeCompression,
    ...(options.changesPerSecond !== undefined ? { changesPerSecond: options.changesPerSecond } : {}),
    ...(options.messagesPerSecond !== undefined ? { messagesPerSecond: options.messagesPerSecond } : {}),
    ...(options.optInScenarios?.length ? { scenarios: scenariosWith(options.optInScenarios) } : {}),
    ...(options.profile ? { supervisor: { permissions: profilePermissions(options.profile) } } : {}),
    ...(options.scenarioChatsPlayAfterMs !== undefined ? { scenarioChatsPlayAfterMs: options.scenarioChatsPlayAfterMs } : {}),
    ...(options.simulate === false ? { simulate: false } : {}),
  });
  return { connector: demo, clock: demo.clock, control: demo.control };
}
