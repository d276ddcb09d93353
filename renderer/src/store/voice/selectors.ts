import type { InteractionView, Participant, VoiceSession } from '../../../../preload/contract';

export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Participants that can be picked to monitor: present, not supervisors. */
export function pickableParticipants(interaction: InteractionView): Participant[] {
  return interaction.participants.filter((p) => p.role !== 'supervisor' && p.state !== 'disconnected');
}

/**
 * The participant the details view acts on: the one picked, else the one my
 * leg is on, else the first agent, else the first pickable participant.
 */
export function pickedParticipantId(
  interaction: InteractionView,
  picked: string | undefined,
  session: VoiceSession | undefined,
): string | undefined {
  const pickable = pickableParticipants(interaction);
  if (picked && pickable.some((p) => p.id === picked)) return picked;
  if (session && session.interactionId === interaction.id) return session.participantId;
  return (pickable.find((p) => p.kind === 'internal') ?? pickable[0])?.id;
}

/** The participant of an agent on an interaction (the binocular preselects it). */
export function participantOfAgent(interaction: InteractionView | undefined, agentId: string): string | undefined {
  return interaction?.participants.find((p) => p.agentId === agentId && p.role !== 'supervisor' && p.state !== 'disconnected')?.id;
}

/** Agent participants on a call (the "Multiple" list appears when there are several). */
export function agentParticipants(interaction: InteractionView): Participant[] {
  return pickableParticipants(interaction).filter((p) => p.kind === 'internal');
}
