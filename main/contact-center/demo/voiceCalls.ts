import type { Agent, Interaction, Participant } from '../../../preload/contract';
import { ConnectorError } from '../Connector';
import { endSupervisionsTargeting } from './supervision';
import type { World } from './world';

/**
 * Voice call operations: the state changes a platform reports as a call
 * moves along. Used by the background simulation, the scenarios and the
 * test controls alike. Each throws ConnectorError when the call is not in a
 * state that allows the step.
 */

export interface CallSpec {
  id?: string;
  queueId: string;
  customerName: string;
  customerPhone?: string;
  /** The flow allows monitoring (rule 8). Default true. */
  monitorable?: boolean;
  startedAt?: number;
}

const refuse = (message: string): never => {
  throw new ConnectorError('REFUSED', message);
};

export function requireCall(world: World, id: string): Interaction {
  const ix = world.interactions.get(id);
  if (!ix) throw new ConnectorError('NOT_FOUND', `No interaction ${id}`);
  if (ix.channel !== 'voice') refuse(`${id} is not a voice call`);
  if (ix.state === 'ended') refuse(`${id} has ended`);
  return ix;
}

export function createCall(world: World, spec: CallSpec): Interaction {
  const id = spec.id ?? world.nextId('call');
  if (world.interactions.has(id)) throw new ConnectorError('REFUSED', `Interaction ${id} already exists`);
  const ix: Interaction = {
    id,
    channel: 'voice',
    state: 'pending',
    queueId: spec.queueId,
    startedAt: spec.startedAt ?? world.now(),
    monitorable: spec.monitorable ?? true,
    participants: [],
    customer: { name: spec.customerName, ...(spec.customerPhone ? { phone: spec.customerPhone } : {}) },
    assistanceRequested: false,
    supervisorsInvolved: [],
  };
  world.interactions.set(id, ix);
  world.addParticipant(ix, { id: `${id}-customer`, name: spec.customerName, kind: 'external', role: 'customer', state: 'connected' });
  const queueName = world.queues.get(spec.queueId)?.name ?? spec.queueId;
  world.addTimeline(id, 'started', `Call from ${spec.customerName} entered ${queueName}`);
  world.enqueue(ix, spec.queueId);
  return ix;
}

const agentLeg = (ix: Interaction): Participant | undefined => ix.participants.find((p) => p.role === 'agent' && p.state !== 'disconnected');
const customerLeg = (ix: Interaction): Participant | undefined => ix.participants.find((p) => p.role === 'customer');

function addAgentLeg(world: World, ix: Interaction, agent: Agent, state: Participant['state'], role: Participant['role'] = 'agent'): Participant {
  return world.addParticipant(ix, {
    id: `${ix.id}-${agent.id}`,
    name: agent.name,
    kind: 'internal',
    role,
    agentId: agent.id,
    state,
  });
}

/** Routing offers the waiting call to an agent: it rings (alerting). */
export function offerCall(world: World, ix: Interaction, agent: Agent): void {
  if (ix.state !== 'pending') refuse('Only a waiting call can be offered');
  world.dequeue(ix);
  addAgentLeg(world, ix, agent, 'alerting');
  ix.state = 'alerting';
  world.markInteraction(ix);
}

/** The ringing agent answers (also completes a blind transfer). */
export function answerCall(world: World, ix: Interaction): void {
  const leg = ix.participants.find((p) => p.role === 'agent' && p.state === 'alerting');
  if (!leg) refuse('Nobody is ringing on this call');
  const ringing = leg as Participant;
  ringing.state = 'connected';
  const customer = customerLeg(ix);
  if (customer) customer.state = 'connected';
  ix.state = 'connected';
  world.addTimeline(ix.id, 'connected', `${ringing.name} answered`);
  world.markInteraction(ix);
}

export function holdCall(world: World, ix: Interaction): void {
  if (ix.state !== 'connected') refuse('Only a connected call can be held');
  const customer = customerLeg(ix);
  if (customer) customer.state = 'held';
  ix.state = 'held';
  world.addTimeline(ix.id, 'held', `${agentLeg(ix)?.name ?? 'The agent'} put ${customer?.name ?? 'the customer'} on hold`);
  world.markInteraction(ix);
}

export function resumeCall(world: World, ix: Interaction): void {
  if (ix.state !== 'held') refuse('The call is not on hold');
  const customer = customerLeg(ix);
  if (customer) customer.state = 'connected';
  ix.state = 'connected';
  world.addTimeline(ix.id, 'resumed', `${agentLeg(ix)?.name ?? 'The agent'} resumed the call`);
  world.markInteraction(ix);
}

/** The agent consults a specialist; the customer waits on hold. */
export function startConsult(world: World, ix: Interaction, specialist: Agent): Participant {
  if (ix.state !== 'connected' && ix.state !== 'held') refuse('A consult needs a connected call');
  if (ix.participants.some((p) => p.agentId === specialist.id)) refuse(`${specialist.name} is already on this call`);
  const customer = customerLeg(ix);
  if (customer) customer.state = 'held';
  const leg = addAgentLeg(world, ix, specialist, 'connected', 'specialist');
  leg.inConsult = true;
  ix.state = 'consult';
  world.addTimeline(ix.id, 'consult', `${agentLeg(ix)?.name ?? 'The agent'} started a consult with ${specialist.name}`);
  world.markInteraction(ix);
  return leg;
}

/** Consult transfer: the consulting agent leaves, the specialist takes the call. */
export function completeConsultTransfer(world: World, ix: Interaction): void {
  const specialist = ix.participants.find((p) => p.inConsult);
  if (ix.state !== 'consult' || !specialist) refuse('There is no consult to complete');
  const from = agentLeg(ix);
  if (from) {
    endSupervisionsTargeting(world, ix, from.id, `${from.name} left the call`);
    world.removeParticipant(ix, from.id);
  }
  const to = specialist as Participant;
  to.role = 'agent';
  to.inConsult = false;
  const customer = customerLeg(ix);
  if (customer) customer.state = 'connected';
  ix.state = 'connected';
  world.addTimeline(ix.id, 'transferred', `Consult transfer from ${from?.name ?? 'the agent'} to ${to.name}`);
  world.markInteraction(ix);
}

/** The specialist leaves; the agent is back with the customer. */
export function cancelConsult(world: World, ix: Interaction): void {
  const specialist = ix.participants.find((p) => p.inConsult);
  if (ix.state !== 'consult' || !specialist) refuse('There is no consult to end');
  const leg = specialist as Participant;
  endSupervisionsTargeting(world, ix, leg.id, `${leg.name} left the call`);
  world.removeParticipant(ix, leg.id);
  const customer = customerLeg(ix);
  if (customer) customer.state = 'connected';
  ix.state = 'connected';
  world.addTimeline(ix.id, 'consult', `Consult with ${leg.name} ended`);
  world.markInteraction(ix);
}

/** Everyone on the call (and a new agent, if given) joins a conference. */
export function startConference(world: World, ix: Interaction, agent?: Agent): void {
  if (ix.state !== 'connected' && ix.state !== 'held' && ix.state !== 'consult') refuse('A conference needs a connected call');
  if (agent) {
    if (ix.participants.some((p) => p.agentId === agent.id)) refuse(`${agent.name} is already on this call`);
    addAgentLeg(world, ix, agent, 'connected', 'specialist');
  }
  const members = ix.participants.filter((p) => p.role !== 'supervisor' && p.state !== 'disconnected');
  if (members.length < 3) refuse('A conference needs a third party');
  for (const p of members) {
    p.inConference = true;
    p.inConsult = false;
    p.state = 'connected';
  }
  ix.state = 'conference';
  world.addTimeline(ix.id, 'conference', `Conference: ${members.map((p) => p.name).join(', ')}`);
  world.markInteraction(ix);
}

/** The added parties leave; the agent and customer carry on. */
export function endConference(world: World, ix: Interaction): void {
  if (ix.state !== 'conference') refuse('There is no conference to end');
  for (const p of [...ix.participants]) {
    if (p.role === 'specialist') {
      endSupervisionsTargeting(world, ix, p.id, `${p.name} left the call`);
      world.removeParticipant(ix, p.id);
    }
  }
  for (const p of ix.participants) p.inConference = false;
  ix.state = 'connected';
  world.addTimeline(ix.id, 'conference', 'Conference ended');
  world.markInteraction(ix);
}

/** Blind transfer to an agent (rings there) or to a queue (waits there). */
export function blindTransfer(world: World, ix: Interaction, target: { kind: 'agent'; agent: Agent } | { kind: 'queue'; queueId: string }): void {
  if (ix.state !== 'connected' && ix.state !== 'held') refuse('Only a connected call can be transferred');
  const from = agentLeg(ix);
  if (target.kind === 'agent' && from?.agentId === target.agent.id) refuse('The call is already with that agent');
  if (from) {
    endSupervisionsTargeting(world, ix, from.id, `${from.name} left the call`);
    world.removeParticipant(ix, from.id);
  }
  const customer = customerLeg(ix);
  if (customer) customer.state = 'connected';
  if (target.kind === 'agent') {
    addAgentLeg(world, ix, target.agent, 'alerting');
    ix.state = 'transferring';
    world.addTimeline(ix.id, 'transferred', `${from?.name ?? 'The agent'} transferred the call to ${target.agent.name}`);
  } else {
    ix.state = 'pending';
    world.enqueue(ix, target.queueId);
    world.addTimeline(ix.id, 'transferred', `${from?.name ?? 'The agent'} transferred the call to ${world.queues.get(target.queueId)?.name ?? target.queueId}`);
  }
  world.markInteraction(ix);
}

/** The agent dials a third party (an external participant) into the call. */
export function addExternalParty(world: World, ix: Interaction, name: string): Participant {
  if (ix.state !== 'connected' && ix.state !== 'held') refuse('A party can only be added to a connected call');
  const p = world.addParticipant(ix, {
    id: `${ix.id}-ext${ix.participants.filter((q) => q.role === 'external').length + 1}`,
    name,
    kind: 'external',
    role: 'external',
    state: 'connected',
  });
  world.addTimeline(ix.id, 'note', `${agentLeg(ix)?.name ?? 'The agent'} added ${name} to the call`);
  return p;
}

export function removeExternalParty(world: World, ix: Interaction, participantId: string): void {
  const p = ix.participants.find((q) => q.id === participantId && q.role === 'external');
  if (!p) throw new ConnectorError('NOT_FOUND', `No external party ${participantId}`);
  endSupervisionsTargeting(world, ix, p.id, `${p.name} left the call`);
  world.removeParticipant(ix, p.id);
  world.addTimeline(ix.id, 'note', `${p.name} left the call`);
}
