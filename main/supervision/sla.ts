import type { Interaction, Queue } from '../../preload/contract';
import { isEnded, isParty } from './participants';

/**
 * SLA (rule 16): a chat misses its SLA when it waited for an agent past its
 * deadline. The deadline is the platform's own when it sends one (it resets
 * it when a chat is released back to a queue), otherwise the queue's target
 * answer time counted from the start of the interaction.
 */
export function slaDeadline(interaction: Interaction, queue: Queue | undefined): number | undefined {
  if (interaction.slaDeadline !== undefined) return interaction.slaDeadline;
  if (queue === undefined) return undefined;
  return interaction.startedAt + queue.slaSeconds * 1000;
}

/** When an agent first answered, if one did. */
export function answeredAt(interaction: Interaction): number | undefined {
  if (interaction.state === 'pending' || interaction.state === 'alerting') return undefined;
  const answers = interaction.participants
    .filter((p) => isParty(p) && p.role === 'agent' && p.state !== 'alerting')
    .map((p) => p.joinedAt);
  return answers.length === 0 ? undefined : Math.min(...answers);
}

export function slaMissed(interaction: Interaction, queue: Queue | undefined, now: number): boolean {
  const deadline = slaDeadline(interaction, queue);
  if (deadline === undefined) return false;
  const answered = answeredAt(interaction);
  if (answered !== undefined) return answered > deadline;
  const waitedUntil = isEnded(interaction) ? (interaction.endedAt ?? now) : now;
  return waitedUntil > deadline;
}

/**
 * When slaMissed is false only because the deadline is still ahead (the
 * interaction waits for an agent, now <= deadline): that deadline. Once the
 * clock passes it, slaMissed turns true with no change to the interaction,
 * so whoever shows it must recompute then. Undefined when only a change to
 * the interaction can change slaMissed (answered, ended, no deadline, or
 * already missed).
 */
export function slaMissedTurnsAfter(interaction: Interaction, queue: Queue | undefined, now: number): number | undefined {
  if (isEnded(interaction) || answeredAt(interaction) !== undefined) return undefined;
  const deadline = slaDeadline(interaction, queue);
  return deadline !== undefined && now <= deadline ? deadline : undefined;
}
