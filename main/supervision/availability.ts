import type { Availability } from '../../preload/contract';

/**
 * Small helpers for the Availability union. Every refusal carries a sentence
 * the supervisor can act on; the renderer shows it verbatim.
 */

export const allowed: Availability = Object.freeze({ allowed: true as const });

export function refused(reason: string): Availability {
  return { allowed: false, reason };
}

/**
 * The first refusal among the checks, in order, or `allowed`. Checks are
 * thunks so that the order of the list is the order of precedence of the
 * reasons, and later checks never run on data an earlier one rejected.
 */
export function firstRefusal(checks: ReadonlyArray<() => string | undefined>): Availability {
  for (const check of checks) {
    const reason = check();
    if (reason !== undefined) return refused(reason);
  }
  return allowed;
}

export function reasonOf(availability: Availability): string | undefined {
  return availability.allowed ? undefined : availability.reason;
}
