import type { Availability, Interaction, Supervisor, SupervisionMode } from '../../preload/contract';
import { refused } from './availability';
import type { SupervisionContext, VoiceSessionRef } from './context';
import { reasons } from './reasons';
import { voiceModeAvailability } from './voiceRules';

/**
 * The monitoring toolbar's controls as transitions of the supervisor's leg
 * (rules 4 and 5). Each returns the mode to switch to and whether the switch
 * is allowed; the core applies it through the connector and the phone.
 */
export interface ModeTransition {
  availability: Availability;
  nextMode: SupervisionMode;
}

/**
 * The microphone is the barge toggle (seed 002): unmuting from monitor or
 * coach barges in; muting while barging returns to silent monitoring.
 */
export function micToggle(
  supervisor: Supervisor,
  interaction: Interaction,
  session: VoiceSessionRef,
  context: SupervisionContext,
): ModeTransition {
  const nextMode: SupervisionMode = session.mode === 'barge' ? 'monitor' : 'barge';
  const availability = voiceModeAvailability(supervisor, interaction, session.participantId, 'barge', {
    ...context,
    voiceSession: session,
  });
  return { availability, nextMode };
}

/** The coach toggle: monitor <-> coach; refused while barging. */
export function coachToggle(
  supervisor: Supervisor,
  interaction: Interaction,
  session: VoiceSessionRef,
  context: SupervisionContext,
): ModeTransition {
  const nextMode: SupervisionMode = session.mode === 'coach' ? 'monitor' : 'coach';
  return { availability: modeChange(supervisor, interaction, session, nextMode, context), nextMode };
}

/**
 * An explicit "switch to this mode" on the current leg (the voice:setMode
 * command). Unlike the per-participant barge action, asking for barge while
 * already barging is refused here: the caller asked for no change.
 */
export function modeChange(
  supervisor: Supervisor,
  interaction: Interaction,
  session: VoiceSessionRef,
  requested: SupervisionMode,
  context: SupervisionContext,
): Availability {
  if (session.mode === 'barge' && requested === 'barge') {
    const name = interaction.participants.find((p) => p.id === session.participantId)?.name ?? 'this participant';
    return refused(reasons.alreadyInMode('barge', name));
  }
  return voiceModeAvailability(supervisor, interaction, session.participantId, requested, {
    ...context,
    voiceSession: session,
  });
}
