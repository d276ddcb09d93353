import * as path from 'node:path';
import { ConfigService } from '../config/ConfigService';
import { policyPath } from '../config/policyPath';
import type { Connector } from '../contact-center/Connector';
import { FileSecretStore, secretOrEnv, type SecretStore } from '../config/secretStore';
import type { DemoSupervisorProfile, OptInScenario } from '../contact-center/demo';
import type { Logger } from '../core/logger';
import { SupervisorCore } from '../core/SupervisorCore';
import { supervisionRules } from '../core/supervisionRules';
import type { KeyStore } from '../cache/keyStore';
import { cacheDatabasePath } from '../cache/paths';
import { openSessionCache, type SessionCache } from '../cache/SessionCache';
import { createAsteriskConnector } from './createAsteriskConnector';
import { createDemoConnector, type DemoConnectorHandle } from './createDemoConnector';
import { diagnosticsHandlers, type DiagnosticsHost } from './diagnosticsHandlers';
import { createPhoneWiring } from './phoneWiring';
import type { NetworkEvent } from '../phone/networkEvents';
import { callQualityTimeline } from '../core/callQualityTimeline';
import { secretHandlers } from './secretHandlers';
import { firstTelling } from './toldOnce';

export interface ComposeOptions {
  host: 'electron' | 'web';
  version: string;
  userDataDir: string;
  log: Logger;
  openExternal: (url: string) => Promise<void>;
  keyStore?: KeyStore;
  /** Secrets such as the AMI secret; default: user-only files under userDataDir/secrets. */
  secretStore?: SecretStore;
  /** Overrides for tests and benchmarks (seed, size, speed, opt-in scenarios such as `hostile`). */
  demo?: { seed?: number; agents?: number; timeCompression?: number; changesPerSecond?: number; messagesPerSecond?: number; scenarios?: readonly OptInScenario[]; profile?: DemoSupervisorProfile; scenarioChatsPlayAfterMs?: number; simulate?: boolean };
  policyFile?: string;
  now?: () => number;
  /** Session cache file; default: the OS cache folder on local disk. */
  cachePath?: string;
  /** The built cache worker (Electron); tests and the web host load the .ts entry. */
  cacheWorkerEntry?: string;
  /** Off only for benchmarks that measure the screens without audio. Default on. */
  phone?: boolean;
  /** Where the host writes its logs (and, in Electron, crash dumps), for Settings › About. */
  diagnostics?: DiagnosticsHost;
}

export interface ComposedApp {
  core: SupervisorCore;
  /** Tell the phone the machine slept, woke or changed network (Electron's powerMonitor). */
  phoneNetwork(event: NetworkEvent): void;
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
  // The log level is a setting (or IT policy): applied now and on every change.
  log.setLevel?.(config.get('log.level'));
  config.onChange(() => log.setLevel?.(config.get('log.level')));

  const demo = createDemoConnector({
    seed: options.demo?.seed ?? config.get('demo.seed'),
    agents: options.demo?.agents ?? config.get('demo.agents'),
    timeCompression: options.demo?.timeCompression ?? config.get('demo.timeCompression'),
    ...(options.demo?.changesPerSecond !== undefined ? { changesPerSecond: options.demo.changesPerSecond } : {}),
    ...(options.demo?.messagesPerSecond !== undefined ? { messagesPerSecond: options.demo.messagesPerSecond } : {}),
    ...(options.demo?.scenarios ? { optInScenarios: options.demo.scenarios } : {}),
    ...(options.demo?.profile ? { profile: options.demo.profile } : {}),
    ...(options.demo?.scenarioChatsPlayAfterMs !== undefined ? { scenarioChatsPlayAfterMs: options.demo.scenarioChatsPlayAfterMs } : {}),
    ...(options.demo?.simulate === false ? { simulate: false } : {}),
  });
  const asterisk = config.get('connector') === 'asterisk';
  // One store for every secret (SIP password, AMI secret): set from Settings, never in settings.json or policy.
  const secrets = options.secretStore ?? new FileSecretStore(options.userDataDir);
  const connector: Connector = asterisk ? createAsteriskConnector(config, log, secrets) : demo.connector;

  const notices: string[] = [];
  // Until the core exists, notices wait in the list above.
  let notifyLater = (text: string): void => {
    notices.push(text);
  };
  // Not awaited: opening can take seconds (a check of the file; once after an update, an upgrade
  // of a large cache), and nothing live needs it. The core caches from the moment it is open.
  const cacheOpening = options.keyStore ? openCache(options, config, (text) => notifyLater(text)) : undefined;

  const phone = options.phone === false ? undefined : createPhoneWiring(
          config,
          log,
          () => secretOrEnv(secrets, 'phone.password'),
          () => secretOrEnv(secrets, 'phone.turnPassword'),
        );
  // The AMI secret needs no signal: the connector reads it at every (re)connection.
  const secretCommands = secretHandlers(secrets, log, (name) => {
    // The TURN password is read again with the account; it applies to the next peer without re-registering.
    if (name === 'phone.password' || name === 'phone.turnPassword') void phone?.accountChanged();
  });

  const core = new SupervisorCore({
    connector,
    config,
    rules: supervisionRules,
    log,
    // The demo may run faster than real time; a real contact center does not.
    now: options.now ?? (asterisk ? () => Date.now() : () => demo.clock.now()),
    host: options.host,
    version: options.version,
    openExternal: options.openExternal,
    startOffline: config.get('startOffline'),
    extraHandlers: {
      ...phone?.handlers,
      ...secretCommands,
      ...diagnosticsHandlers(options.diagnostics ?? { logFolder: 'not written to disk in this run' }, log),
    },
    ...(phone ? { phone: phone.voice } : {}),
    ...(cacheOpening ? { cacheOpening } : {}),
  });
  config.onChange((view) => core.emit('config:changed', view));
  // Desktop notifications on/off is part of the alerts state the screens show.
  config.onChange(() => core.alerts.changed());
  // New redaction patterns from settings apply to every later write.
  config.onChange(() =>
    void core.sessionCache?.cache
      .setRedactionPatterns(config.get('cache.redactionPatterns').map((pattern, i) => ({ name: `pattern ${i + 1}`, pattern })))
      .then((problems) => problems.forEach((p) => core.notify('warning', p.message))),
  );
  if (phone) {
    // The timeline records each monitor period's call quality once its leg is over (issue 17 item 4).
    const qualityTimeline = callQualityTimeline({
      voiceSession: () => core.voiceSession,
      supervisor: () => core.mirror?.supervisor ?? { id: 'unknown', name: 'You' },
      now: () => core.now(),
      record: (event) => core.addOwnTimelineEvent(event),
    });
    phone.connect(
      (status) => {
        core.emit('phone:status', status);
        qualityTimeline.observe(status);
      },
      (sink, request) => core.emitTo(sink, 'media:request', request as never),
      (sink, devices) => core.emitTo(sink, 'media:devices', devices),
      (text) => core.notify('warning', text),
    );
    core.onScreenClosed((sink) => phone.screenClosed(sink));
    phone.lookUpCallsIn(() => {
      // No mirror before the connector connects (offline start): nothing to dial into.
      const mirror: SupervisorCore['mirror'] | undefined = core.mirror;
      return { supervisorId: mirror?.supervisor.id ?? '', agents: mirror?.agents ?? new Map(), interactions: mirror?.interactions ?? new Map() };
    });
  }
  await core.start();
  if (phone) void phone.start();
  const policyError = config.view().policyError;
  if (policyError) core.notify('error', policyError);
  const settingsProblem = config.view().settingsProblem;
  if (settingsProblem) core.notify('warning', settingsProblem);
  for (const text of notices) core.notify('warning', text);
  notifyLater = (text) => {
    core.notify('warning', text);
  };
  void cacheOpening?.then((opened) => {
    if (!opened) return;
    // Retention from settings/policy: purge once open, then daily.
    const purge = () => opened.cache.purge(config.get('cache.retentionDays')).catch((e: Error) => log.warn(`Cache purge failed: ${e.message}`));
    void purge();
    setInterval(purge, 24 * 3600_000).unref();
  });
  return { core, config, demo, phoneNetwork: (event) => phone?.network(event) };
}

/** Opens the session cache; what it has to tell (a damaged file replaced, a key store fact) goes to `notify`. */
async function openCache(
  options: ComposeOptions,
  config: ConfigService,
  notify: (text: string) => void,
): Promise<{ cache: SessionCache; warnings: string[] } | undefined> {
  if (!options.keyStore) return undefined;
  try {
    const opened = await openSessionCache({
      path: options.cachePath ?? cacheDatabasePath(process.platform, process.env),
      keyStore: options.keyStore,
      redactionPatterns: config.get('cache.redactionPatterns').map((pattern, i) => ({ name: `policy pattern ${i + 1}`, pattern })),
      ...(options.now ? { now: options.now } : {}),
      ...(options.cacheWorkerEntry ? { workerEntry: options.cacheWorkerEntry } : {}),
      onRestart: (restartNotices) => {
        options.log.warn('The session cache worker stopped and was started again.');
        for (const n of restartNotices) notify(n.message);
      },
    });
    const warnings = opened.notices.filter((n) => n.severity === 'warning').map((n) => n.message);
    for (const n of opened.notices) {
      // Where the key is kept is a standing fact: told once, then it lives in Settings (Offline cache).
      if (n.code !== 'INSECURE_KEY_STORE') notify(n.message);
      else if (firstTelling(options.userDataDir, n.code, Date.now(), (m) => options.log.warn(m))) notify(`${n.message} Settings › Offline cache keeps this; it is not shown again.`);
    }
    return { cache: opened.cache, warnings };
  } catch (e) {
    const message = `Offline review is unavailable: ${(e as Error).message}`;
    options.log.error(message);
    notify(message);
    return undefined;
  }
}
