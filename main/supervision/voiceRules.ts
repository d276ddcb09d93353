import type {
  Availability,
  Interaction,
  Participant,
  Supervisor,
  SupervisionMode,
  VoiceParticipantActions,
} from '../../preload/contract';
import { allowed, firstRefusal, refused } from './availability';
import type { SupervisionContext, VoiceSessionRef } from './context';
import {
  findParticipant,
  isEnded,
  isHandledBy,
  isInternal,
  isPresent,
  isSupervisorParticipant,
  otherSupervisors,
  ownSupervisorParticipants,
} from './participants';
import { joinCallPermission, missingPermissionReason, voiceModePermission } from './permissions';
import { reasons } from './reasons';

/**
 * Voice supervision rules 1-10 (DESIGN.md; seeds 001 and 002).
 *
 * For each participant of a call, what this supervisor may do to it:
 * - monitor / coach / barge: start a leg in that mode on this participant, or
 *   switch the existing leg on this participant to that mode.
 * - barge while already barging into this participant is allowed and means
 *   "Stop barging": it returns the leg to silent monitoring, exactly like
 *   unmuting and muting the toolbar microphone (seed 002).
 * - stop: end the supervisor's own leg (the handset); never the call.
 */
export function voiceParticipantActions(
  supervisor: Supervisor,
  interaction: Interaction,
  participantId: string,
  context: SupervisionContext,
): VoiceParticipantActions {
  return {
    monitor: voiceModeAvailability(supervisor, interaction, participantId, 'monitor', context),
    coach: voiceModeAvailability(supervisor, interaction, participantId, 'coach', context),
    barge: voiceModeAvailability(supervisor, interaction, participantId, 'barge', context),
    stop: voiceStopAvailability(interaction, participantId, sessionOnInteraction(supervisor.id, interaction, context.voiceSession)),
  };
}

/** Actions for every participant of a voice call, keyed by participant id. */
export function voiceActionsByParticipant(
  supervisor: Supervisor,
  interaction: Interaction,
  context: SupervisionContext,
): Record<string, VoiceParticipantActions> {
  const actions: Record<string, VoiceParticipantActions> = {};
  if (interaction.channel !== 'voice') return actions;
  for (const participant of interaction.participants) {
    actions[participant.id] = voiceParticipantActions(supervisor, interaction, participant.id, context);
  }
  return actions;
}

/** May this supervisor start, or switch to, `mode` on this participant? */
export function voiceModeAvailability(
  supervisor: Supervisor,
  interaction: Interaction,
  participantId: string,
  mode: SupervisionMode,
  context: SupervisionContext,
): Availability {
  const participant = findParticipant(interaction, participantId);
  const basic = firstRefusal([
    () => (interaction.channel !== 'voice' ? reasons.notVoice : undefined),
    () => participantReason(participant),
    () => (isEnded(interaction) ? reasons.callEnded : undefined),
  ]);
  if (!basic.allowed || participant === undefined) return basic;

  const session = sessionOnInteraction(supervisor.id, interaction, context.voiceSession);
  if (session !== undefined) return switchAvailability(supervisor, interaction, participant, mode, session);
  return startAvailability(supervisor, interaction, participant, mode, context);
}

/**
 * The supervisor's leg on this call: the one the core reports, or else the
 * one the platform shows (their own supervisor participant row), e.g. after
 * the app restarted while the platform kept them on the call. Without the
 * fallback they would be offered a second leg and no way to end the first.
 */
export function sessionOnInteraction(
  supervisorId: string,
  interaction: Interaction,
  reported: VoiceSessionRef | undefined,
): VoiceSessionRef | undefined {
  if (reported !== undefined && reported.interactionId === interaction.id) return reported;
  const row = ownSupervisorParticipants(interaction, supervisorId).find((p) => p.supervising !== undefined);
  if (row?.supervising === undefined) return undefined;
  return { interactionId: interaction.id, participantId: row.supervising.targetParticipantId, mode: row.supervising.mode };
}

/** The handset: only the supervisor's own leg on this participant can be ended. */
export function voiceStopAvailability(
  interaction: Interaction,
  participantId: string,
  session: VoiceSessionRef | undefined,
): Availability {
  if (session === undefined || session.interactionId !== interaction.id) return refused(reasons.notSupervisingCall);
  if (session.participantId === participantId) return allowed;
  return refused(reasons.supervisingOtherParticipant(session.mode, participantName(interaction, session.participantId)));
}

function participantReason(participant: Participant | undefined): string | undefined {
  if (participant === undefined) return reasons.participantNotOnCall;
  if (isSupervisorParticipant(participant)) return reasons.supervisorNotSupervisable;
  if (!isPresent(participant)) return reasons.participantLeft(participant.name);
  return undefined;
}

/** A new leg (rules 5-9): everything is checked, including status and Call Add. */
function startAvailability(
  supervisor: Supervisor,
  interaction: Interaction,
  participant: Participant,
  mode: SupervisionMode,
  context: SupervisionContext,
): Availability {
  const session = context.voiceSession;
  return firstRefusal([
    () => (interaction.state === 'pending' || interaction.state === 'alerting' ? reasons.callNotConnected : undefined),
    () => (isHandledBy(interaction, supervisor, context.agentsById) ? reasons.ownCall : undefined),
    () => (!interaction.monitorable ? reasons.flowNotMonitorable : undefined),
    () => participantRestriction(interaction, participant, mode),
    () => missingPermissionReason(supervisor, [voiceModePermission[mode], joinCallPermission]),
    () => (session !== undefined ? reasons.busyOnAnotherCall(session.mode) : undefined),
    () => (mode === 'coach' ? coachLockReason(interaction, supervisor.id) : undefined),
    () => (supervisor.status !== 'Available' ? reasons.notAvailable(mode) : undefined),
  ]);
}

/**
 * A leg already exists on this call (rules 4 and 5): monitor <-> coach
 * freely, barge from either, and nothing but "stop barging" while barging.
 * Status and Call Add are not checked again: the supervisor is already on
 * the call, and the platform set them Busy when it added them.
 */
function switchAvailability(
  supervisor: Supervisor,
  interaction: Interaction,
  participant: Participant,
  mode: SupervisionMode,
  session: VoiceSessionRef,
): Availability {
  if (session.participantId !== participant.id) {
    return refused(reasons.busyWithOtherParticipant(session.mode, participantName(interaction, session.participantId)));
  }
  if (session.mode === 'barge') {
    // The barge toggle itself stays available: it is how barging stops.
    return mode === 'barge' ? allowed : refused(reasons.stopBargingFirst);
  }
  if (session.mode === mode) return refused(reasons.alreadyInMode(mode, participant.name));
  if (mode === 'monitor') return allowed; // going quieter is never refused
  return firstRefusal([
    () => participantRestriction(interaction, participant, mode),
    () => missingPermissionReason(supervisor, [voiceModePermission[mode]]),
    () => (mode === 'coach' ? coachLockReason(interaction, supervisor.id) : undefined),
  ]);
}

/** Who may be coached or barged into (rules 3 and 5). Monitoring anyone is fine. */
function participantRestriction(
  interaction: Interaction,
  participant: Participant,
  mode: SupervisionMode,
): string | undefined {
  if (mode === 'coach' && !isInternal(participant)) return reasons.coachExternal;
  if (mode !== 'barge') return undefined;
  if (!isInternal(participant)) return reasons.bargeExternal;
  if (participant.inConsult || (participant.role === 'specialist' && interaction.state === 'consult')) {
    return reasons.bargeConsultSpecialist;
  }
  if (participant.inConference || interaction.state === 'conference') return reasons.bargeConference;
  return undefined;
}

/**
 * One coaching session per agent call (rule 3). Another supervisor coaches
 * when the platform's lock says so, or when one of their participant rows is
 * marked as coaching.
 */
export function coachLockHolder(interaction: Interaction, supervisorId: string): string | undefined {
  const lock = interaction.monitorLock;
  if (lock !== undefined && lock.mode === 'coach' && lock.supervisorId !== supervisorId) return lock.supervisorName;
  const coaching = otherSupervisors(interaction, supervisorId).find((p) => p.supervising?.mode === 'coach');
  return coaching?.name;
}

function coachLockReason(interaction: Interaction, supervisorId: string): string | undefined {
  const holder = coachLockHolder(interaction, supervisorId);
  return holder === undefined ? undefined : reasons.alreadyCoachedBy(holder);
}

function participantName(interaction: Interaction, participantId: string): string {
  return findParticipant(interaction, participantId)?.name ?? 'another participant';
}
