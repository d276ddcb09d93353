import { z } from 'zod';
import { iceUrlScheme, iceUrlSchema, MAX_ICE_URLS_PER_SERVER, MAX_ICE_USERNAME_CHARS, turnCredentialsUrlSchema } from '../../preload/contract/ice';
import { agentTableGroupings, agentTableSorts } from '../../preload/contract/agents';

/**
 * Every setting Spyglass knows, its type and default. IT policy and user
 * settings are both checked against this one schema, so a typo in a policy
 * file is reported instead of silently ignored.
 */
export const settingsShape = {
  /** Which contact-center connector to use: the embedded demo, or Asterisk over AMI. */
  connector: z.enum(['demo', 'asterisk']),
  /** Open in offline review mode (cached data only) even if the connector is reachable. */
  startOffline: z.boolean(),
  'demo.seed': z.number().int().nonnegative(),
  'demo.agents': z.number().int().min(1).max(5000),
  'demo.timeCompression': z.number().min(1).max(100),
  /** How a monitor call is placed and how modes are switched on the PBX. */
  /** Asterisk Manager Interface (connector "asterisk"); its secret is never a setting (OS secret store). */
  'asterisk.host': z.string().max(255),
  'asterisk.port': z.number().int().min(1).max(65535),
  'asterisk.tls': z.boolean(),
  'asterisk.user': z.string().max(100),
  'phone.profile': z.enum(['demo', 'asterisk-chanspy', 'freeswitch-eavesdrop', 'auto-answer']),
  'phone.server': z.string().max(500),
  'phone.user': z.string().max(200),
  'phone.featureCode': z.string().max(50),
  'phone.dtmfMethod': z.enum(['info', 'rfc2833']),
  /** How long the PBX has to answer a monitor call before Spyglass gives up with the reason (a start never hangs). */
  'phone.answerTimeoutSeconds': z.number().int().min(2).max(120),
  /** FreeSWITCH only: the PBX administrator confirmed liberal-dtmf=true, so INFO digits are honoured (else refused). */
  'phone.liberalDtmf': z.boolean(),
  /** ICE (issue 17): STUN URLs (stun:/stuns:), TURN URLs (turn: udp/tcp, turns: e.g. on 443) sharing one username; the TURN password is a secret (phone.turnPassword). */
  'phone.stunServers': z
    .array(iceUrlSchema.refine((u) => iceUrlScheme(u)?.startsWith('stun'), 'must be a stun: or stuns: URL'))
    .max(MAX_ICE_URLS_PER_SERVER),
  'phone.turnServers': z
    .array(iceUrlSchema.refine((u) => iceUrlScheme(u)?.startsWith('turn'), 'must be a turn: or turns: URL'))
    .max(MAX_ICE_URLS_PER_SERVER),
  'phone.turnUsername': z.string().max(MAX_ICE_USERNAME_CHARS),
  /** TURN REST: an https service that answers ephemeral TURN credentials (main/phone/turnRest.ts); when set they replace the static username/password. */
  'phone.turnCredentialsUrl': turnCredentialsUrlSchema,
  /** "relay": IT forces media through TURN only (no direct or server-reflexive paths). */
  'phone.iceTransportPolicy': z.enum(['all', 'relay']),
  /**
   * wss:// (issue 17 item 2): a PEM file of CA certificates the SIP WebSocket trusts besides Node's roots and the
   * operating system's store. Honoured from the IT policy only (a user's settings cannot add trust): main/phone/tls/trustStore.ts.
   */
  'phone.caFile': z
    .string()
    .max(1000)
    .refine((v) => v === '' || (/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v) && !v.includes('\0')), 'must be empty or an absolute path to a PEM file'),
  'audio.input': z.string().max(500),
  'audio.output': z.string().max(500),
  /** Light or dark; "system" follows the OS (prefers-color-scheme). High contrast always follows the OS (forced colours). */
  'ui.theme': z.enum(['system', 'light', 'dark']),
  /** The Agents table's order ("column:direction") and grouping as the supervisor last left them. */
  'agents.sort': z.enum(agentTableSorts),
  'agents.groupBy': z.enum(agentTableGroupings),
  /** Days cached interactions are kept before they are purged. */
  'cache.retentionDays': z.number().int().min(1).max(3650),
  /** Extra regular expressions redacted before anything is cached (card numbers always are). */
  'cache.redactionPatterns': z.array(z.string().max(500)).max(100),
  /** Queue metrics thresholds (issue 12): a cell outside them is marked in Queue activity and on Agents. */
  'metrics.serviceLevelMinPercent': z.number().min(0).max(100),
  'metrics.abandonRateMaxPercent': z.number().min(0).max(100),
  'metrics.averageSpeedOfAnswerMaxSeconds': z.number().int().min(0).max(3600),
  /** Longest wait above this share of the queue's own service-level threshold (100 = the threshold). */
  'metrics.longestWaitMaxPercentOfThreshold': z.number().int().min(1).max(1000),
  'metrics.digitalSlaMissedMax': z.number().int().min(0).max(100000),
  /**
   * Alerts (issue 12 item 2): each on or off, with its threshold in seconds. The service-level alert
   * uses metrics.serviceLevelMinPercent over `alerts.slaBreach.interval`.
   */
  'alerts.longCall.enabled': z.boolean(),
  'alerts.longCall.seconds': z.number().int().min(10).max(86_400),
  'alerts.longHold.enabled': z.boolean(),
  'alerts.longHold.seconds': z.number().int().min(5).max(86_400),
  'alerts.longWait.enabled': z.boolean(),
  'alerts.longWait.seconds': z.number().int().min(5).max(86_400),
  'alerts.slaBreach.enabled': z.boolean(),
  'alerts.slaBreach.interval': z.enum(['today', '15m', '30m', '60m']),
  'alerts.agentStuck.enabled': z.boolean(),
  'alerts.agentStuck.seconds': z.number().int().min(10).max(86_400),
  'alerts.assistance.enabled': z.boolean(),
  'alerts.lockReleased.enabled': z.boolean(),
  /** Alerts also as desktop notifications (the browser asks for permission when this is turned on). */
  'alerts.desktopNotifications': z.boolean(),
  /** Lowest level written to the log files (Settings › About shows the folder). */
  'log.level': z.enum(['error', 'warn', 'info']),
  /**
   * Desktop app: where crash reports are uploaded. Empty (the default): never
   * uploaded, dumps stay on this computer. Read from the IT policy only (main/config/crashReportPolicy.ts).
   */
  'crashReports.submitUrl': z
    .string()
    .max(2000)
    .refine((v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v)), 'must be empty or an http(s) URL'),
};

export type SettingKey = keyof typeof settingsShape;
export type Settings = { [K in SettingKey]: z.output<(typeof settingsShape)[K]> };

export const defaultSettings: Settings = {
  connector: 'demo',
  startOffline: false,
  'demo.seed': 7,
  'demo.agents': 40,
  'demo.timeCompression': 1,
  'asterisk.host': '',
  'asterisk.port': 5038,
  'asterisk.tls': false,
  'asterisk.user': '',
  'phone.profile': 'demo',
  'phone.server': '',
  'phone.user': '',
  // The chosen PBX profile's own code and method win over these (ConfigService: profile layer).
  'phone.featureCode': '*222',
  'phone.dtmfMethod': 'info',
  'phone.answerTimeoutSeconds': 8,
  'phone.liberalDtmf': false,
  'phone.stunServers': [],
  'phone.turnServers': [],
  'phone.turnUsername': '',
  'phone.turnCredentialsUrl': '',
  'phone.iceTransportPolicy': 'all',
  'phone.caFile': '',
  'audio.input': 'default',
  'audio.output': 'default',
  'ui.theme': 'system',
  'agents.sort': 'name:asc',
  'agents.groupBy': 'none',
  'cache.retentionDays': 30,
  'cache.redactionPatterns': [],
  'metrics.serviceLevelMinPercent': 80,
  'metrics.abandonRateMaxPercent': 5,
  'metrics.averageSpeedOfAnswerMaxSeconds': 30,
  'metrics.longestWaitMaxPercentOfThreshold': 100,
  'metrics.digitalSlaMissedMax': 0,
  'alerts.longCall.enabled': true,
  'alerts.longCall.seconds': 900,
  'alerts.longHold.enabled': true,
  'alerts.longHold.seconds': 60,
  'alerts.longWait.enabled': true,
  'alerts.longWait.seconds': 120,
  'alerts.slaBreach.enabled': true,
  'alerts.slaBreach.interval': '30m',
  'alerts.agentStuck.enabled': true,
  'alerts.agentStuck.seconds': 900,
  'alerts.assistance.enabled': true,
  'alerts.lockReleased.enabled': true,
  'alerts.desktopNotifications': true,
  'log.level': 'info',
  'crashReports.submitUrl': '',
};

export const settingKeys = Object.keys(settingsShape) as SettingKey[];
export const isSettingKey = (key: string): key is SettingKey => Object.prototype.hasOwnProperty.call(settingsShape, key);

/** A partial settings object; unknown keys are an error (strict), so typos surface. */
export const partialSettingsSchema = z.object(settingsShape).partial().strict();
