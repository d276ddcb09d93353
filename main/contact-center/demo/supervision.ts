import { isDigital } from '../../../preload/contract';
import type { Interaction, Participant, SupervisionMode } from '../../../preload/contract';
import { ConnectorError } from '../Connector';
import type { World } from './world';

/**
 * Supervision as the platform carries it out: the supervisor joins as an
 * internal participant, locks, periods and timeline entries. Used for the
 * user's own actions (through the Connector) and for the simulated
 * supervisors, so both follow exactly the same platform rules.
 *
 * Only what a platform itself would refuse is refused here (a second coach,
 * a lock held by someone else, barge into an external party...). What this
 * supervisor may do is decided by main/supervision before calling us.
 */

export interface Actor {
  id: string;
  name: string;
}

const refuse = (message: string): never => {
  throw new ConnectorError('REFUSED', message);
};

export const supervisorParticipant = (ix: Interaction, supervisorId: string): Participant | undefined =>
  ix.participants.find((p) => p.supervising?.supervisorId === supervisorId);

/** Participant id of a supervisor on an interaction: stable, so tests can name it. */
export const supervisorParticipantId = (interactionId: string, supervisorId: string): string => `${interactionId}-${supervisorId}`;

function verb(ix: Interaction, mode: SupervisionMode): string {
  if (isDigital(ix.channel)) return mode === 'monitor' ? 'monitoring' : 'participating in the conversation with';
  return mode === 'monitor' ? 'monitoring' : mode === 'coach' ? 'coaching' : 'barging in on';
}

/** Platform checks shared by start and mode change. */
function checkMode(world: World, actor: Actor, ix: Interaction, target: Participant, mode: SupervisionMode): void {
  const lock = ix.monitorLock;
  const lockedByOther = lock !== undefined && lock.supervisorId !== actor.id;
  if (isDigital(ix.channel)) {
    if (mode === 'coach') refuse('Coaching is only available on voice calls');
    if (mode === 'monitor' && lockedByOther) refuse(`Monitored by ${lock.supervisorName}`);
    return;
  }
  if (mode === 'coach') {
    if (target.kind === 'external') refuse('Coaching is only possible for an internal participant');
    if (lockedByOther) refuse(`${lock.supervisorName} is already coaching this call`);
  }
  if (mode === 'barge') {
    if (target.kind === 'external') refuse('Barge is not allowed for external participants');
    if (target.inConsult) refuse('Barge into a specialist during a consult is not allowed');
    if (target.inConference) refuse('Barge into a participant in a conference is not allowed');
  }
  void world;
}

function checkLive(ix: Interaction): void {
  if (ix.state === 'ended') refuse('The interaction has ended');
  if (!ix.monitorable) refuse('The flow of this interaction does not allow monitoring');
}

/** Digital: the lock means "monitoring". Voice: the lock means "coaching" (one coach per call). */
function updateLock(world: World, actor: Actor, ix: Interaction, mode: SupervisionMode | undefined): void {
  const wantsLock = mode !== undefined && (isDigital(ix.channel) ? mode === 'monitor' : mode === 'coach');
  if (wantsLock) {
    ix.monitorLock = { supervisorId: actor.id, supervisorName: actor.name, mode, since: world.now() };
  } else if (ix.monitorLock?.supervisorId === actor.id) {
    delete ix.monitorLock;
  }
}

export function startSupervision(world: World, actor: Actor, ix: Interaction, targetParticipantId: string, mode: SupervisionMode): Participant {
  checkLive(ix);
  if (supervisorParticipant(ix, actor.id)) refuse(`${actor.name} is already supervising this interaction; change the mode instead`);
  const target = ix.participants.find((p) => p.id === targetParticipantId);
  if (!target || target.state === 'disconnected') throw new ConnectorError('NOT_FOUND', `No participant ${targetParticipantId} on ${ix.id}`);
  if (target.role === 'supervisor') refuse('A supervisor cannot be monitored');
  checkMode(world, actor, ix, target, mode);

  const participant = world.addParticipant(ix, {
    id: supervisorParticipantId(ix.id, actor.id),
    name: actor.name,
    kind: 'internal',
    role: 'supervisor',
    state: 'connected',
    supervising: { supervisorId: actor.id, mode, targetParticipantId: target.id },
  });
  updateLock(world, actor, ix, mode);
  if (!ix.supervisorsInvolved.some((s) => s.id === actor.id)) ix.supervisorsInvolved.push({ id: actor.id, name: actor.name });
  world.openPeriod({
    interactionId: ix.id,
    supervisorId: actor.id,
    supervisorName: actor.name,
    mode,
    participantId: target.id,
    startedAt: world.now(),
  });
  world.addTimeline(ix.id, 'supervision-start', `${actor.name} started ${verb(ix, mode)} ${target.name}`, {
    supervisorId: actor.id,
    supervisorName: actor.name,
    mode,
  });
  world.markInteraction(ix);
  return participant;
}

export function changeSupervisionMode(world: World, actor: Actor, ix: Interaction, mode: SupervisionMode): void {
  const me = supervisorParticipant(ix, actor.id);
  if (!me?.supervising) throw new ConnectorError('NOT_FOUND', `${actor.name} is not supervising ${ix.id}`);
  if (ix.state === 'ended') refuse('The interaction has ended');
  const from = me.supervising.mode;
  if (from === mode) return;
  const target = ix.participants.find((p) => p.id === me.supervising?.targetParticipantId);
  if (!target) throw new ConnectorError('NOT_FOUND', 'The supervised participant has left');
  checkMode(world, actor, ix, target, mode);

  me.supervising.mode = mode;
  updateLock(world, actor, ix, mode);
  world.closePeriod(ix.id, actor.id);
  world.openPeriod({
    interactionId: ix.id,
    supervisorId: actor.id,
    supervisorName: actor.name,
    mode,
    participantId: target.id,
    startedAt: world.now(),
  });
  world.addTimeline(ix.id, 'supervision-mode', `${actor.name} switched from ${from} to ${mode} (${target.name})`, {
    supervisorId: actor.id,
    supervisorName: actor.name,
    mode,
  });
  world.markInteraction(ix);
}

/** Ends one supervisor's leg. Returns false when they were not supervising (idempotent stop). */
export function stopSupervision(world: World, actor: Actor, ix: Interaction, reason?: string): boolean {
  const me = supervisorParticipant(ix, actor.id);
  if (!me?.supervising) return false;
  const mode = me.supervising.mode;
  const target = ix.participants.find((p) => p.id === me.supervising?.targetParticipantId);
  world.removeParticipant(ix, me.id);
  updateLock(world, actor, ix, undefined);
  world.closePeriod(ix.id, actor.id);
  const suffix = reason ? ` (${reason})` : '';
  world.addTimeline(ix.id, 'supervision-end', `${actor.name} stopped ${verb(ix, mode)} ${target?.name ?? 'the interaction'}${suffix}`, {
    supervisorId: actor.id,
    supervisorName: actor.name,
    mode,
  });
  world.markInteraction(ix);
  return true;
}

/** Every supervisor on the interaction leaves (it ended). */
export function endAllSupervisions(world: World, ix: Interaction, reason: string): void {
  for (const p of [...ix.participants]) {
    if (p.supervising) stopSupervision(world, actorOf(world, p.supervising.supervisorId), ix, reason);
  }
  if (ix.monitorLock) delete ix.monitorLock;
}

/** Supervisors whose supervised participant just left the interaction. */
export function endSupervisionsTargeting(world: World, ix: Interaction, participantId: string, reason: string): void {
  for (const p of [...ix.participants]) {
    if (p.supervising?.targetParticipantId === participantId) stopSupervision(world, actorOf(world, p.supervising.supervisorId), ix, reason);
  }
}

/** A supervisor disconnected or logged off: all their legs end and their locks are released. */
export function endAllBySupervisor(world: World, supervisorId: string, reason: string): void {
  const actor = actorOf(world, supervisorId);
  for (const ix of world.interactions.values()) {
    if (ix.state === 'ended') continue;
    stopSupervision(world, actor, ix, reason);
    if (ix.monitorLock?.supervisorId === supervisorId) {
      delete ix.monitorLock;
      world.markInteraction(ix);
    }
  }
}

export const actorOf = (world: World, supervisorId: string): Actor => ({ id: supervisorId, name: world.supervisorName(supervisorId) });
