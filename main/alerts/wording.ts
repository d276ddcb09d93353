import type { Agent, Interaction, Queue } from '../../preload/contract';
import { channelNames } from '../../preload/contract/domain';

/** How long something lasted, in words a supervisor reads at a glance: "45 s", "2 min 5 s", "1 h 3 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

const agentName = (ix: Interaction): string | undefined =>
  ix.participants.find((p) => p.role === 'agent' && p.state !== 'disconnected')?.name ?? ix.participants.find((p) => p.role === 'agent')?.name;

const customerName = (ix: Interaction): string | undefined =>
  ix.customer?.name ?? ix.participants.find((p) => p.role === 'customer')?.name;

/** "Alex Kim's call with Jennifer Morales", "SMS from Dana Cole" (no agent yet). */
export function describeInteraction(ix: Interaction): string {
  const what = ix.channel === 'voice' ? 'call' : channelNames[ix.channel].toLowerCase();
  const agent = agentName(ix);
  const customer = customerName(ix);
  if (agent && customer) return `${agent}'s ${what} with ${customer}`;
  if (agent) return `${agent}'s ${what}`;
  if (customer) return `${ix.channel === 'voice' ? 'Call' : channelNames[ix.channel]} from ${customer}`;
  return `${ix.channel === 'voice' ? 'Call' : channelNames[ix.channel]} ${ix.id}`;
}

export const queueName = (queueId: string | undefined, queues: ReadonlyMap<string, Queue>): string | undefined =>
  queueId === undefined ? undefined : (queues.get(queueId)?.name ?? queueId);

/** The agent handling it, if the platform says. */
export function agentIdOf(ix: Interaction): string | undefined {
  return ix.participants.find((p) => p.role === 'agent' && p.state !== 'disconnected' && p.agentId !== undefined)?.agentId;
}

/** What an agent is stuck in, in words: their status or after-call work. */
export function agentStateName(agent: Agent): string {
  return agent.afterCallWorkSince !== undefined && agent.interactionIds.length === 0 ? 'after-call work' : agent.status;
}
