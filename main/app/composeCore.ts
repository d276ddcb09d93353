import * as path from 'node:path';
import { ConfigService } from '../config/ConfigService';
import { policyPath } from '../config/policyPath';
import type { Connector } from '../contact-center/Connector';
import type { Logger } from '../core/logger';
import { SupervisorCore } from '../core/SupervisorCore';
import { supervisionRules } from '../core/supervisionRules';
import type { KeyStore } from '../cache/keyStore';
import { createDemoConnector, type DemoConnectorHandle } from './createDemoConnector';

export interface ComposeOptions {
  host: 'electron' | 'web';
  version: string;
  userDataDir: string;
  log: Logger;
  openExternal: (url: string) => Promise<void>;
  keyStore?: KeyStore;
  /** Overrides for tests and benchmarks (seed, size, speed). */
  demo?: { seed?: number; agents?: number; timeCompression?: number; changesPerSecond?: number };
  policyFile?: string;
  now?: () => number;
}

export interface ComposedApp {
  core: SupervisorCore;
  config: ConfigService;
  demo: DemoConnectorHandle | undefined;
}

/**
 * The composition root shared by both hosts: config (defaults < user <
 * IT policy), the connector, the rules, and the core that joins them.
 */
export async function composeCore(options: ComposeOptions): Promise<ComposedApp> {
  const { log } = options;
  const config = new ConfigService(
    {
      policyFile: options.policyFile ?? policyPath(process.platform, process.env),
      userFile: path.join(options.userDataDir, 'settings.json'),
    },
    (m) => log.warn(m),
  );

  const demo = createDemoConnector({
    seed: options.demo?.seed ?? config.get('demo.seed'),
    agents: options.demo?.agents ?? config.get('demo.agents'),
    timeCompression: options.demo?.timeCompression ?? config.get('demo.timeCompression'),
    ...(options.demo?.changesPerSecond !== undefined ? { changesPerSecond: options.demo.changesPerSecond } : {}),
  });
  const connector: Connector = demo.connector;

  const core = new SupervisorCore({
    connector,
    config,
    rules: supervisionRules,
    log,
    now: options.now ?? (() => demo.clock.now()),
    host: options.host,
    version: options.version,
    openExternal: options.openExternal,
  });
  config.onChange((view) => core.emit('config:changed', view));
  await core.start();
  const policyError = config.view().policyError;
  if (policyError) core.notify('error', policyError);
  core.connectorStatus = { name: connector.name, state: 'online' };
  return { core, config, demo };
}
