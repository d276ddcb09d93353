import { isDigital } from '../../../preload/contract';
import type { Agent, Channel, Interaction } from '../../../preload/contract';
import { ConnectorError, type TransferTarget } from '../Connector';
import type { ConversationScript } from './scripts/conversations';
import type { Actor } from './supervision';
import type { World } from './world';

/**
 * Digital conversation operations (web messaging, third-party messaging,
 * SMS, chat): arrival, assignment, transfer, release, assistance. Used by
 * the simulation, the Connector actions and the test controls.
 */

export interface ConversationSpec {
  id?: string;
  script: ConversationScript;
  channel?: Channel;
  queueId?: string;
  monitorable?: boolean;
  startedAt?: number;
}

const refuse = (message: string): never => {
  throw new ConnectorError('REFUSED', message);
};

export function requireConversation(world: World, id: string): Interaction {
  const ix = world.interactions.get(id);
  if (!ix) throw new ConnectorError('NOT_FOUND', `No interaction ${id}`);
  if (!isDigital(ix.channel)) refuse(`${id} is a voice call, not a conversation`);
  if (ix.state === 'ended') refuse('The conversation has ended');
  return ix;
}

export function createConversation(world: World, spec: ConversationSpec): Interaction {
  const id = spec.id ?? world.nextId('conv');
  if (world.interactions.has(id)) refuse(`Interaction ${id} already exists`);
  const script = spec.script;
  const ix: Interaction = {
    id,
    channel: spec.channel ?? script.channel,
    state: 'pending',
    startedAt: spec.startedAt ?? world.now(),
    monitorable: spec.monitorable ?? true,
    participants: [],
    customer: { ...script.customer },
    categorisation: { topic: script.topic, tags: [...script.tags] },
    assistanceRequested: false,
    supervisorsInvolved: [],
  };
  world.interactions.set(id, ix);
  world.addParticipant(ix, { id: `${id}-customer`, name: script.customer.name, kind: 'external', role: 'customer', state: 'connected' });
  world.addTimeline(id, 'started', `${script.customer.name} started a conversation (${ix.channel})`);
  queueConversation(world, ix, spec.queueId ?? script.queueId);
  return ix;
}

/** Puts a conversation (back) in a queue, waiting for assignment, with a fresh SLA deadline. */
function queueConversation(world: World, ix: Interaction, queueId: string): void {
  const queue = world.queues.get(queueId) ?? world.queues.values().next().value;
  if (!queue) refuse('There are no queues');
  const q = queue as NonNullable<typeof queue>;
  ix.state = 'pending';
  ix.slaDeadline = world.now() + q.slaSeconds * 1000;
  world.enqueue(ix, q.id);
  world.markInteraction(ix);
}

/**
 * A pending conversation gets an agent. The SLA deadline of this wait stays
 * on the interaction: answered after it means the SLA was missed.
 */
export function assignToAgent(world: World, ix: Interaction, agent: Agent, by?: Actor): void {
  if (ix.state !== 'pending') refuse('Only a pending conversation can be assigned');
  if (agent.status === 'Offline') refuse(`${agent.name} is offline`);
  world.dequeue(ix);
  world.addParticipant(ix, { id: `${ix.id}-${agent.id}`, name: agent.name, kind: 'internal', role: 'agent', agentId: agent.id, state: 'connected' });
  ix.state = 'connected';
  if (by) world.addTimeline(ix.id, 'chat-action', `${by.name} assigned the conversation to ${agent.name}`, { supervisorId: by.id, supervisorName: by.name });
  else world.addTimeline(ix.id, 'connected', `${agent.name} accepted the conversation`);
  world.addMessage(ix.id, { senderKind: 'system', senderName: 'System', text: `${agent.name} joined the conversation` });
  world.markInteraction(ix);
}

/**
 * The current agent leaves (transfer or release) and their typing stops.
 * Supervisors watch the conversation, not the agent: they stay on it and are
 * pointed at whoever has it next (retargetMonitors).
 */
function detachAgent(world: World, ix: Interaction): Agent | undefined {
  const leg = world.agentParticipant(ix);
  if (!leg) return undefined;
  world.setTyping(ix.id, false, '');
  world.removeParticipant(ix, leg.id);
  return leg.agentId ? world.agents.get(leg.agentId) : undefined;
}

/** Supervisors whose target left follow the new agent, or the customer while the chat waits. */
function retargetMonitors(world: World, ix: Interaction): void {
  const next = world.agentParticipant(ix) ?? world.customerParticipant(ix);
  if (!next) return;
  for (const p of ix.participants) {
    if (p.supervising && !ix.participants.some((q) => q.id === p.supervising?.targetParticipantId)) {
      p.supervising.targetParticipantId = next.id;
    }
  }
}

export function transferConversation(world: World, ix: Interaction, target: TransferTarget, actor: Actor): void {
  const current = world.agentParticipant(ix);
  if (ix.state === 'pending' || !current) refuse('The conversation is not assigned to an agent; assign it instead');
  const from = current as NonNullable<typeof current>;
  let targetName: string;
  let agent: Agent | undefined;
  if (target.kind === 'agent') {
    agent = world.agents.get(target.id);
    if (!agent) throw new ConnectorError('NOT_FOUND', `No agent ${target.id}`);
    if (agent.status === 'Offline') refuse(`${agent.name} is offline`);
    if (from.agentId === agent.id) refuse(`The conversation is already with ${agent.name}`);
    targetName = agent.name;
  } else {
    const queue = world.queues.get(target.id);
    if (!queue) throw new ConnectorError('NOT_FOUND', `No queue ${target.id}`);
    targetName = queue.name;
  }
  // Keep supervisors on the conversation; only the agent leg changes.
  detachAgent(world, ix);
  queueConversation(world, ix, target.kind === 'queue' ? target.id : (ix.queueId ?? target.id));
  if (agent) assignToAgent(world, ix, agent);
  retargetMonitors(world, ix);
  world.addTimeline(ix.id, 'transferred', `${actor.name} transferred the conversation from ${from.name} to ${targetName}`, {
    supervisorId: actor.id,
    supervisorName: actor.name,
  });
  world.addMessage(ix.id, { senderKind: 'system', senderName: 'System', text: `Transferred from ${from.name} to ${targetName}. ${from.name} was notified.` });
  world.notice('info', `${from.name} was notified of the transfer to ${targetName}`);
}

/** Back to the queue, waiting for assignment (the agent is notified). */
export function releaseConversation(world: World, ix: Interaction, actor: Actor): void {
  const current = world.agentParticipant(ix);
  if (ix.state === 'pending' || !current) refuse('The conversation is not assigned to an agent');
  const from = current as NonNullable<typeof current>;
  detachAgent(world, ix);
  queueConversation(world, ix, ix.queueId ?? '');
  retargetMonitors(world, ix);
  const queueName = world.queues.get(ix.queueId ?? '')?.name ?? 'the queue';
  world.addTimeline(ix.id, 'chat-action', `${actor.name} released the conversation from ${from.name} to ${queueName}`, {
    supervisorId: actor.id,
    supervisorName: actor.name,
  });
  world.addMessage(ix.id, { senderKind: 'system', senderName: 'System', text: `Released to ${queueName}. ${from.name} was notified.` });
  world.notice('info', `${from.name} was notified that the conversation was released to ${queueName}`);
}

/** Assigns a pending conversation to an agent, or moves it to another queue. */
export function assignConversation(world: World, ix: Interaction, target: TransferTarget, actor: Actor): void {
  if (ix.state !== 'pending') refuse('Only a pending conversation can be assigned; transfer it instead');
  if (target.kind === 'agent') {
    const agent = world.agents.get(target.id);
    if (!agent) throw new ConnectorError('NOT_FOUND', `No agent ${target.id}`);
    assignToAgent(world, ix, agent, actor);
  } else {
    const queue = world.queues.get(target.id);
    if (!queue) throw new ConnectorError('NOT_FOUND', `No queue ${target.id}`);
    queueConversation(world, ix, queue.id);
    world.addTimeline(ix.id, 'chat-action', `${actor.name} assigned the conversation to ${queue.name}`, {
      supervisorId: actor.id,
      supervisorName: actor.name,
    });
  }
}

export function requestAssistance(world: World, ix: Interaction): void {
  if (ix.assistanceRequested) return;
  const agent = world.agentParticipant(ix);
  ix.assistanceRequested = true;
  ix.assistanceRequestedAt = world.now();
  world.addTimeline(ix.id, 'assistance', `${agent?.name ?? 'The agent'} asked for assistance`);
  world.markInteraction(ix);
}

export function clearAssistance(world: World, ix: Interaction, actor: Actor): void {
  if (!ix.assistanceRequested) return;
  ix.assistanceRequested = false;
  delete ix.assistanceRequestedAt;
  world.addTimeline(ix.id, 'assistance', `${actor.name} cleared the assistance flag`, { supervisorId: actor.id, supervisorName: actor.name });
  world.markInteraction(ix);
}
