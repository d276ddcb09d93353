import type { Availability, DigitalActions, Interaction, Queue, Supervisor } from '../../preload/contract';
import { allowed, firstRefusal, refused } from './availability';
import { isAssigned, isMonitoredBy, isParticipating, isPending } from './conversationFacts';
import { isEnded, isHandledBy } from './participants';
import type { SupervisionContext } from './context';
import {
  chatAssignmentPermission,
  digitalMonitorPermissions,
  hasPermission,
  missingPermissionReason,
  participatePermission,
} from './permissions';
import { reasons } from './reasons';
import { slaMissed } from './sla';

/**
 * Digital supervision rules 11-18 (seeds 000, 003, 004): what this supervisor
 * may do with a web messaging, messaging, SMS or chat conversation.
 */
export function digitalActions(
  supervisor: Supervisor,
  interaction: Interaction,
  context?: Pick<SupervisionContext, 'agentsById'>,
): DigitalActions {
  if (interaction.channel === 'voice') {
    const notDigital = refused(reasons.notDigital);
    return {
      monitor: notDigital,
      participate: notDigital,
      transfer: notDigital,
      release: notDigital,
      assign: notDigital,
      clearFlag: notDigital,
      stop: notDigital,
    };
  }
  const handling = isHandledBy(interaction, supervisor, context?.agentsById);
  return {
    monitor: monitorAvailability(supervisor, interaction, handling),
    participate: participateAvailability(supervisor, interaction, handling),
    transfer: transferAvailability(supervisor, interaction),
    release: releaseAvailability(supervisor, interaction),
    assign: assignAvailability(supervisor, interaction),
    clearFlag: clearFlagAvailability(interaction),
    stop: stopAvailability(supervisor, interaction),
  };
}

const ended = (interaction: Interaction) => () => (isEnded(interaction) ? reasons.conversationEnded : undefined);

/**
 * Read-only monitoring (rules 11, 12): Available, Message Monitor and View,
 * a flow that allows it, and nobody else holding the conversation's lock.
 */
function monitorAvailability(supervisor: Supervisor, interaction: Interaction, handling: boolean): Availability {
  const lock = interaction.monitorLock;
  return firstRefusal([
    ended(interaction),
    () => (isMonitoredBy(interaction, supervisor.id) ? reasons.alreadyMonitoringConversation : undefined),
    () => (isParticipating(interaction, supervisor) ? reasons.alreadyParticipating : undefined),
    () => (handling ? reasons.ownConversation : undefined),
    () => (!interaction.monitorable ? reasons.flowNotMonitorable : undefined),
    () => missingPermissionReason(supervisor, digitalMonitorPermissions),
    () => (lock !== undefined && lock.supervisorId !== supervisor.id ? reasons.monitoredBy(lock.supervisorName) : undefined),
    () => (supervisor.status !== 'Available' ? reasons.notAvailable('monitor') : undefined),
  ]);
}

/**
 * Participate Chat (rule 15): needs the chat agent permission. It is not a
 * monitor, so another supervisor's monitor lock does not block it: anyone
 * answering an assistance request must be able to join.
 */
function participateAvailability(supervisor: Supervisor, interaction: Interaction, handling: boolean): Availability {
  return firstRefusal([
    ended(interaction),
    () => (hasPermission(supervisor, participatePermission) ? undefined : reasons.needChatAgentPermission),
    () => (isParticipating(interaction, supervisor) ? reasons.alreadyParticipating : undefined),
    () => (handling ? reasons.handlingConversation : undefined),
    () => (isPending(interaction) ? reasons.participatePending : undefined),
  ]);
}

/** Transfer (rule 17): assigned chats only; changes who handles it, like accepting. */
function transferAvailability(supervisor: Supervisor, interaction: Interaction): Availability {
  return firstRefusal([
    ended(interaction),
    () => (isPending(interaction) ? reasons.transferPending : undefined),
    () => missingPermissionReason(supervisor, [chatAssignmentPermission]),
  ]);
}

/** Release to the queue (rule 17): assigned chats that have a queue. */
function releaseAvailability(supervisor: Supervisor, interaction: Interaction): Availability {
  return firstRefusal([
    ended(interaction),
    () => (isPending(interaction) ? reasons.releasePending : undefined),
    () => (interaction.queueId === undefined ? reasons.releaseNoQueue : undefined),
    () => missingPermissionReason(supervisor, [chatAssignmentPermission]),
  ]);
}

/** Assign (rule 17): pending chats only. */
function assignAvailability(supervisor: Supervisor, interaction: Interaction): Availability {
  return firstRefusal([
    ended(interaction),
    () => (isAssigned(interaction) ? reasons.assignAssigned : undefined),
    () => missingPermissionReason(supervisor, [chatAssignmentPermission]),
  ]);
}

/** The red flag (rule 16) is cleared by the supervisor after helping; even on an ended chat. */
function clearFlagAvailability(interaction: Interaction): Availability {
  return interaction.assistanceRequested ? allowed : refused(reasons.noAssistanceRequested);
}

/** Stop (rule 13): only the supervisor who holds the lock, or who participates. */
function stopAvailability(supervisor: Supervisor, interaction: Interaction): Availability {
  if (isMonitoredBy(interaction, supervisor.id) || isParticipating(interaction, supervisor)) return allowed;
  const lock = interaction.monitorLock;
  if (lock !== undefined) return refused(reasons.stopOnlyHolder(lock.supervisorName));
  return refused(reasons.notMonitoringConversation);
}

/**
 * Send (rule 15): only while participating. Not part of DigitalActions (the
 * composer appears only when participating) but the core checks it on every
 * digital:send, so a forged command is refused with a reason.
 */
export function sendAvailability(supervisor: Supervisor, interaction: Interaction): Availability {
  return firstRefusal([
    () => (interaction.channel === 'voice' ? reasons.notDigital : undefined),
    ended(interaction),
    () => (hasPermission(supervisor, participatePermission) ? undefined : reasons.needChatAgentPermission),
    () => (isParticipating(interaction, supervisor) ? undefined : reasons.participateBeforeSending),
  ]);
}

export interface AttentionMarkers {
  slaMissed: boolean;
  assistanceRequested: boolean;
  /** Either of the above: the circle on the Chats tab (seed 004). */
  needsAttention: boolean;
}

/**
 * Why a chat needs the supervisor (rule 16). Ended chats need nothing; an
 * open assistance flag still shows until cleared.
 */
export function attentionMarkers(interaction: Interaction, queue: Queue | undefined, now: number): AttentionMarkers {
  const missed = !isEnded(interaction) && slaMissed(interaction, queue, now);
  const assistance = interaction.assistanceRequested;
  return { slaMissed: missed, assistanceRequested: assistance, needsAttention: missed || assistance };
}

/** The marker on the Chats tab itself: any digital conversation needs attention. */
export function chatsTabNeedsAttention(
  interactions: Iterable<Interaction>,
  queueOf: (queueId: string | undefined) => Queue | undefined,
  now: number,
): boolean {
  for (const interaction of interactions) {
    if (interaction.channel === 'voice') continue;
    if (attentionMarkers(interaction, queueOf(interaction.queueId), now).needsAttention) return true;
  }
  return false;
}

/**
 * New activity since the supervisor last viewed the conversation (rule 14).
 * `viewedAt` is when the supervisor last opened it (the core remembers it).
 */
export function hasNewActivity(interaction: Interaction, viewedAt: number | undefined): boolean {
  if (interaction.lastActivityAt === undefined) return false;
  return viewedAt === undefined || interaction.lastActivityAt > viewedAt;
}
