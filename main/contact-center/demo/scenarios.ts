import type { DemoControl } from './control';

/**
 * Named situations the e2e tests rely on. Each puts a known interaction in
 * place at once, with a fixed id, on fixed agents, pinned so the background
 * simulation never ends or changes it: only tests (through DemoControl or
 * the Connector) do. All but the opt-in ones are applied by default.
 */

export const scenarioNames = [
  'longCall',
  'assistanceChat',
  'chatMonitoredByDana',
  'consultCall',
  'conferenceCall',
  'externalParticipant',
  'coachedByDana',
  'unmonitorableCall',
  'hostileChat',
  'pendingChat',
  'supervisorOnCall',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

/**
 * Groups of scenarios a run switches on by name (`--scenario hostile`). They
 * are not in the default demo: a supervisor trying Spyglass should not meet
 * attack strings; the e2e tests that check they are shown safely turn them on.
 */
export const optInScenarios = { hostile: ['hostileChat'], 'on-call': ['supervisorOnCall'] } as const satisfies Record<string, readonly ScenarioName[]>;
export type OptInScenario = keyof typeof optInScenarios;
export const optInScenarioNames = Object.keys(optInScenarios) as OptInScenario[];

const optIn = new Set<ScenarioName>(Object.values(optInScenarios).flat());
/** What the demo puts in place unless told otherwise. */
export const defaultScenarioNames: readonly ScenarioName[] = scenarioNames.filter((n) => !optIn.has(n));

/** The default scenarios plus the named opt-in groups, in the one canonical order (so a seed plays the same). */
export function scenariosWith(groups: readonly OptInScenario[]): ScenarioName[] {
  const chosen = new Set<ScenarioName>(groups.flatMap((g) => optInScenarios[g]));
  return scenarioNames.filter((n) => !optIn.has(n) || chosen.has(n));
}

/** The ids e2e tests can rely on. */
export const scenarioIds = {
  longCall: 'call-alex-kim',
  assistanceChat: 'chat-assistance',
  chatMonitoredByDana: 'chat-dana',
  consultCall: 'call-consult',
  conferenceCall: 'call-conference',
  externalParticipant: 'call-external',
  coachedByDana: 'call-coached',
  unmonitorableCall: 'call-unmonitorable',
  hostileChat: 'chat-hostile',
  pendingChat: 'chat-pending',
  supervisorOnCall: 'call-own',
} as const satisfies Record<ScenarioName, string>;

/** Agents each scenario uses (agent-N is the N-th name in names.ts). */
export const scenarioAgents: Record<ScenarioName, readonly string[]> = {
  longCall: ['agent-1'],
  assistanceChat: ['agent-2'],
  chatMonitoredByDana: ['agent-3'],
  consultCall: ['agent-4', 'agent-5'],
  conferenceCall: ['agent-6', 'agent-7'],
  externalParticipant: ['agent-8'],
  unmonitorableCall: ['agent-9'],
  hostileChat: ['agent-10'],
  coachedByDana: ['agent-11'],
  pendingChat: [],
  supervisorOnCall: ['agent-12'],
};

const MINUTE = 60_000;

const setups: Record<ScenarioName, (c: DemoControl) => void> = {
  /** Alex Kim on a connected call with Jennifer Morales; stays up until ended; hold/resume on command. */
  longCall: (c) => {
    c.startCall({ id: scenarioIds.longCall, agentId: 'agent-1', queueId: 'queue-billing', customerName: 'Jennifer Morales', customerPhone: '+1 555 0100', startedMsAgo: 95_000 });
  },
  /** Priya Shah's billing chat (long message, attachments) with the red assistance flag up. */
  assistanceChat: (c) => {
    c.startChat({ id: scenarioIds.assistanceChat, agentId: 'agent-2', scriptId: 'billing-en-long', channel: 'webMessaging', play: false });
    c.agentSays(scenarioIds.assistanceChat, "Hi Sarah, I'm Priya. Thank you for the detail and the invoices, that helps a lot. Let me go through the history now.");
    c.requestAssistance(scenarioIds.assistanceChat);
  },
  /** Jordan Patel's chat, monitored by Dana Reyes (she holds the digital monitor lock). */
  chatMonitoredByDana: (c) => {
    c.startChat({ id: scenarioIds.chatMonitoredByDana, agentId: 'agent-3', scriptId: 'sales-fr', channel: 'chat', play: true });
    c.supervisorStart('sup-2', scenarioIds.chatMonitoredByDana, 'monitor');
  },
  /** Maria González consulting specialist Tom Becker (inConsult) while Robert Chen holds. */
  consultCall: (c) => {
    c.startCall({ id: scenarioIds.consultCall, agentId: 'agent-4', queueId: 'queue-tech', customerName: 'Robert Chen', startedMsAgo: 4 * MINUTE });
    c.consult(scenarioIds.consultCall, 'agent-5');
  },
  /** Wei Chen, Fatima Al-Sayed and Laura Schultz in a conference (all inConference). */
  conferenceCall: (c) => {
    c.startCall({ id: scenarioIds.conferenceCall, agentId: 'agent-6', queueId: 'queue-priority', customerName: 'Laura Schultz', startedMsAgo: 6 * MINUTE });
    c.conference(scenarioIds.conferenceCall, 'agent-7');
  },
  /** Liam O'Connor's call with David Kowalczyk and an external party (Northwind Bank fraud desk). */
  externalParticipant: (c) => {
    c.startCall({ id: scenarioIds.externalParticipant, agentId: 'agent-8', queueId: 'queue-billing', customerName: 'David Kowalczyk', startedMsAgo: 3 * MINUTE });
    c.addExternalParty(scenarioIds.externalParticipant, 'Northwind Bank fraud desk');
  },
  /** Sofia Rossi's call, coached by Dana Reyes (she holds the coach lock). */
  coachedByDana: (c) => {
    c.startCall({ id: scenarioIds.coachedByDana, agentId: 'agent-11', queueId: 'queue-retentions', customerName: 'Aaliyah Brooks', startedMsAgo: 2 * MINUTE });
    c.supervisorStart('sup-2', scenarioIds.coachedByDana, 'coach');
  },
  /** Aiko Tanaka's call on a flow that does not allow monitoring. */
  unmonitorableCall: (c) => {
    c.startCall({ id: scenarioIds.unmonitorableCall, agentId: 'agent-9', queueId: 'queue-sales', customerName: 'Oscar Villanueva', monitorable: false, startedMsAgo: 70_000 });
  },
  /** Opt-in (`hostile`): Kwame Mensah's chat with hostile text (script/img tags, javascript: links). */
  hostileChat: (c) => {
    c.startChat({ id: scenarioIds.hostileChat, agentId: 'agent-10', scriptId: 'hostile-script', channel: 'chat', play: true });
  },
  /** A Retentions chat waiting for assignment (no agent); it passes its SLA after 90 s. */
  pendingChat: (c) => {
    c.startChat({ id: scenarioIds.pendingChat, scriptId: 'retentions-en', channel: 'sms', queueId: 'queue-retentions', play: false });
  },
  /**
   * Opt-in (`on-call`): the supervisor also takes calls and is on one now (agent-12 becomes
   * Morgan Lee at extension 1001), so the "cannot monitor a call you are handling" rule shows.
   */
  supervisorOnCall: (c) => {
    c.supervisorTakesCalls('agent-12');
    c.startCall({ id: scenarioIds.supervisorOnCall, agentId: 'agent-12', queueId: 'queue-sales', customerName: 'Nadia Petrova', startedMsAgo: 40_000 });
  },
};

/** Applies a scenario; returns the id of its interaction. */
export function applyScenario(control: DemoControl, name: ScenarioName): string {
  setups[name](control);
  return scenarioIds[name];
}
