import type { Interaction } from '../../preload/contract';

/** The customer is waiting on hold: a held call, or a consult that put them on hold. */
export function customerOnHold(ix: Interaction): boolean {
  if (ix.state === 'ended') return false;
  return ix.state === 'held' || ix.participants.some((p) => p.role === 'customer' && p.state === 'held');
}

/**
 * When a call went on hold. Platforms report that a call *is* held, not since
 * when, so the hold starts when the first update saying so arrived (`at`).
 * Returns the new start: kept while held, set on a new hold, cleared otherwise.
 */
export function nextHoldSince(previous: number | undefined, ix: Interaction, at: number): number | undefined {
  if (!customerOnHold(ix)) return undefined;
  return previous ?? at;
}
