import { channelNames, type AuditAbout, type AuditEntry, type Channel, type Interaction } from '../../preload/contract';

/**
 * The audit log in words a supervisor (and their auditor) reads: what was done,
 * on which channel, with which customer and agent, to whom. Resolved when the
 * action is recorded — names are gone once a conversation has ended — and kept
 * next to the codes, which stay for machines (CSV). Pure: no clock, no I/O.
 */

export interface AuditContext {
  interaction?: Interaction | undefined;
  agentName: (agentId: string) => string | undefined;
  queueName: (queueId: string) => string | undefined;
}

/** What the conversation is called in a sentence ("the call", "the SMS conversation"). */
const conversationNoun: Record<Channel, string> = {
  voice: 'the call',
  webMessaging: 'the web messaging conversation',
  thirdPartyMessaging: 'the messaging conversation',
  sms: 'the SMS conversation',
  chat: 'the chat',
};

const modeWords: Record<string, (noun: string) => string> = {
  'voice-monitor': (n) => `Monitored ${n}`,
  'voice-coach': () => 'Coached the agent',
  'voice-barge': (n) => `Barged into ${n}`,
  'voice-end': (n) => `Left ${n} (own leg only)`,
  'chat-monitor': (n) => `Monitored ${n}`,
  'chat-stop-monitor': (n) => `Stopped supervising ${n}`,
  'chat-participate': (n) => `Joined ${n}`,
  'chat-send': (n) => `Sent a message in ${n}`,
  'chat-transfer': (n) => `Transferred ${n}`,
  'chat-release': (n) => `Released ${n} to its queue`,
  'chat-assign': (n) => `Assigned ${n}`,
  'chat-clear-flag': () => 'Cleared the assistance flag',
  'note-add': (n) => `Added a note to ${n}`,
  'set-status': () => 'Changed own status',
};

/** "Monitored the SMS conversation"; an unknown code reads as itself (never hidden). */
export function describeAction(action: string, channel: Channel | undefined): string {
  const words = Object.hasOwn(modeWords, action) ? modeWords[action] : undefined;
  if (!words) return action;
  return words(channel ? conversationNoun[channel] : 'the conversation');
}

function customerOf(i: Interaction): string | undefined {
  const p = i.participants.find((x) => x.role === 'customer') ?? i.participants.find((x) => x.kind === 'external');
  return p?.name ?? i.customer?.name;
}

function agentOf(i: Interaction): string | undefined {
  const agents = i.participants.filter((x) => x.role === 'agent');
  const p = agents.find((x) => x.state !== 'disconnected') ?? agents[agents.length - 1];
  return p ? p.name : undefined;
}

/** "queue:queue-tech" → "Technical Support queue", "agent:agent-3" → "Priya Shah"; a status is itself. */
export function describeTarget(target: string | undefined, ctx: AuditContext): string | undefined {
  if (!target) return undefined;
  const colon = target.indexOf(':');
  const kind = colon > 0 ? target.slice(0, colon) : '';
  const id = target.slice(colon + 1);
  if (kind === 'queue') return `${ctx.queueName(id) ?? id} queue`;
  if (kind === 'agent') return ctx.agentName(id) ?? id;
  return target;
}

/** What the wording needs of an entry: the action code, the conversation and the target. */
export type AuditFacts = Pick<AuditEntry, 'action' | 'interactionId' | 'target'>;

export function describeAudit(entry: AuditFacts, ctx: AuditContext): AuditAbout {
  const i = ctx.interaction;
  const channel = i?.channel;
  const customer = i ? customerOf(i) : undefined;
  const agent = i ? agentOf(i) : undefined;
  const target = describeTarget(entry.target, ctx);
  return {
    action: describeAction(entry.action, channel),
    ...(channel ? { channel: channelNames[channel] } : {}),
    ...(customer ? { customer } : {}),
    ...(agent ? { agent } : {}),
    ...(target ? { target } : {}),
  };
}

export const resultNames: Record<AuditEntry['result'], string> = { ok: 'Done', refused: 'Refused', failed: 'Failed' };

/** What the contact center knows now, as the wording needs it (a mirror that is not there yet knows nothing). */
export function auditContextFrom(
  known: { agents: ReadonlyMap<string, { name: string }>; queues: ReadonlyMap<string, { name: string }>; interactions: ReadonlyMap<string, Interaction> } | undefined,
  interactionId: string | undefined,
): AuditContext {
  return {
    interaction: interactionId ? known?.interactions.get(interactionId) : undefined,
    agentName: (id) => known?.agents.get(id)?.name,
    queueName: (id) => known?.queues.get(id)?.name,
  };
}
