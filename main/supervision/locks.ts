import type { Interaction, Supervisor, SupervisionMode } from '../../preload/contract';
import { isEnded } from './participants';
import { reasons } from './reasons';

/**
 * Digital monitor locks (rule 12): one supervisor monitors a conversation at
 * a time. Pure transitions on an interaction; they return a new interaction
 * and never mutate the one given. Whoever owns the truth (the demo contact
 * center, a gateway) applies them and reports the result.
 */

export type LockResult =
  | { ok: true; interaction: Interaction }
  | { ok: false; reason: string; interaction: Interaction };

export function acquireMonitorLock(
  interaction: Interaction,
  supervisor: Pick<Supervisor, 'id' | 'name'>,
  now: number,
  mode: SupervisionMode = 'monitor',
): LockResult {
  if (isEnded(interaction)) return { ok: false, reason: reasons.conversationEnded, interaction };
  const lock = interaction.monitorLock;
  if (lock !== undefined && lock.supervisorId !== supervisor.id) {
    return { ok: false, reason: reasons.monitoredBy(lock.supervisorName), interaction };
  }
  if (lock !== undefined && lock.mode === mode) return { ok: true, interaction }; // already held: keep `since`
  const involved = interaction.supervisorsInvolved.some((s) => s.id === supervisor.id)
    ? interaction.supervisorsInvolved
    : [...interaction.supervisorsInvolved, { id: supervisor.id, name: supervisor.name }];
  return {
    ok: true,
    interaction: {
      ...interaction,
      monitorLock: { supervisorId: supervisor.id, supervisorName: supervisor.name, mode, since: lock?.since ?? now },
      supervisorsInvolved: involved,
    },
  };
}

/** Stop: releases the lock if this supervisor holds it; anyone else's lock is untouched. */
export function releaseMonitorLock(interaction: Interaction, supervisorId: string): Interaction {
  if (interaction.monitorLock?.supervisorId !== supervisorId) return interaction;
  return withoutLock(interaction);
}

/** The conversation ended: nobody monitors it any more. */
export function releaseLockIfEnded(interaction: Interaction): Interaction {
  if (!isEnded(interaction) || interaction.monitorLock === undefined) return interaction;
  return withoutLock(interaction);
}

/**
 * The holder disconnected (closed the app, lost the network): every lock
 * they hold is released. Returns only the interactions that changed.
 */
export function releaseLocksOf(supervisorId: string, interactions: Iterable<Interaction>): Interaction[] {
  const changed: Interaction[] = [];
  for (const interaction of interactions) {
    if (interaction.monitorLock?.supervisorId === supervisorId) changed.push(withoutLock(interaction));
  }
  return changed;
}

function withoutLock(interaction: Interaction): Interaction {
  const { monitorLock: _released, ...rest } = interaction;
  return rest;
}
