import type { Agent, Interaction, Participant, Supervisor } from '../../preload/contract';
import { lookup, type Lookup } from './lookup';

/** Facts about an interaction's participants that several rules share. */

export function isEnded(interaction: Interaction): boolean {
  return interaction.state === 'ended' || interaction.endedAt !== undefined;
}

/** Still on the interaction (alerting, connected or held). */
export function isPresent(participant: Participant): boolean {
  return participant.state !== 'disconnected';
}

export function isSupervisorParticipant(participant: Participant): boolean {
  return participant.role === 'supervisor' || participant.supervising !== undefined;
}

/** Agents, specialists and customers: the people the supervisor listens to. */
export function isParty(participant: Participant): boolean {
  return !isSupervisorParticipant(participant);
}

export function presentParties(interaction: Interaction): Participant[] {
  return interaction.participants.filter((p) => isParty(p) && isPresent(p));
}

export function findParticipant(interaction: Interaction, participantId: string): Participant | undefined {
  return interaction.participants.find((p) => p.id === participantId);
}

export function isInternal(participant: Participant): boolean {
  return participant.kind === 'internal';
}

/** Present internal parties (agents, specialists), earliest first. */
export function presentAgents(interaction: Interaction): Participant[] {
  return sortByJoin(presentParties(interaction).filter(isInternal));
}

/** Present external parties (customers). */
export function presentCustomers(interaction: Interaction): Participant[] {
  return presentParties(interaction).filter((p) => !isInternal(p));
}

export function sortByJoin(participants: readonly Participant[]): Participant[] {
  return [...participants].sort((a, b) => a.joinedAt - b.joinedAt);
}

/** The participant an agent is on this interaction as, if they are still on it. */
export function participantOfAgent(interaction: Interaction, agentId: string): Participant | undefined {
  return interaction.participants.find((p) => isParty(p) && isPresent(p) && p.agentId === agentId);
}

/**
 * The supervisor is handling this interaction as an agent (rule 6): a present
 * party carries their id, or belongs to an agent at the supervisor's own
 * extension (the same person logged in under a separate agent id).
 */
export function isHandledBy(
  interaction: Interaction,
  supervisor: Supervisor,
  agentsById?: Lookup<Agent>,
): boolean {
  return presentParties(interaction).some((party) => {
    if (party.agentId === undefined) return false;
    if (party.agentId === supervisor.id) return true;
    if (supervisor.extension === undefined || supervisor.extension === '') return false;
    return lookup(agentsById, party.agentId)?.extension === supervisor.extension;
  });
}

/** Supervisor participants other than this supervisor that are still on the call. */
export function otherSupervisors(interaction: Interaction, supervisorId: string): Participant[] {
  return interaction.participants.filter(
    (p) =>
      isSupervisorParticipant(p) &&
      isPresent(p) &&
      (p.supervising?.supervisorId ?? p.agentId) !== supervisorId,
  );
}

/** This supervisor's own participant rows that are still on the interaction. */
export function ownSupervisorParticipants(interaction: Interaction, supervisorId: string): Participant[] {
  return interaction.participants.filter(
    (p) =>
      isSupervisorParticipant(p) &&
      isPresent(p) &&
      (p.supervising?.supervisorId === supervisorId || p.agentId === supervisorId),
  );
}
