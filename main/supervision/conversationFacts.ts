import type { Interaction, Supervisor } from '../../preload/contract';
import { isEnded, isParty, isPresent, ownSupervisorParticipants } from './participants';

/** Facts about a digital conversation that the chat rules share (rules 11-17). */

/** An agent has the chat (offered or accepted). */
export function isAssigned(interaction: Interaction): boolean {
  if (isEnded(interaction) || interaction.state === 'pending') return false;
  return interaction.participants.some((p) => isParty(p) && p.role === 'agent' && isPresent(p));
}

/** The chat waits in a queue for an agent. */
export function isPending(interaction: Interaction): boolean {
  return !isEnded(interaction) && !isAssigned(interaction);
}

/**
 * The supervisor monitors the conversation read-only: they hold its lock, or
 * the platform shows their participant row in monitor mode (a platform may
 * report the row a moment before the lock).
 */
export function isMonitoredBy(interaction: Interaction, supervisorId: string): boolean {
  if (interaction.monitorLock?.supervisorId === supervisorId) return true;
  return ownSupervisorParticipants(interaction, supervisorId).some((p) => p.supervising?.mode === 'monitor');
}

/**
 * The supervisor takes part in the conversation (Participate Chat): one of
 * their participant rows is on it and is not a silent monitor.
 */
export function isParticipating(interaction: Interaction, supervisor: Supervisor): boolean {
  return ownSupervisorParticipants(interaction, supervisor.id).some((p) => p.supervising?.mode !== 'monitor');
}
