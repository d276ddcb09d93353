import type { Totals } from './outcomes';

/**
 * The published formulas (README.md "Formulas"). Each returns undefined when
 * nothing was counted, so a screen shows "—" rather than a made-up 0 or 100.
 */

/**
 * Service level % = answered within threshold / (answered + abandoned after threshold) × 100.
 * Callers who hang up before the threshold are left out: the queue never had the chance.
 */
export function serviceLevelPercent(t: Totals): number | undefined {
  const denominator = t.answered + (t.abandoned - t.abandonedWithin);
  if (denominator <= 0) return undefined;
  return clampPercent((t.answeredWithin / denominator) * 100);
}

/** Abandon rate % = abandoned / (answered + abandoned) × 100. */
export function abandonRatePercent(t: Totals): number | undefined {
  const offered = t.answered + t.abandoned;
  if (offered <= 0) return undefined;
  return clampPercent((t.abandoned / offered) * 100);
}

/** Average speed of answer: mean wait of answered calls. */
export function averageSpeedOfAnswerMs(t: Totals): number | undefined {
  return t.answered > 0 ? Math.max(0, t.answeredWaitMs / t.answered) : undefined;
}

/** Average handle time: mean of answer-to-end per call that ended in the interval. */
export function averageHandleTimeMs(t: Totals): number | undefined {
  return t.handled > 0 ? Math.max(0, t.handleMs / t.handled) : undefined;
}

const clampPercent = (p: number): number => Math.min(100, Math.max(0, Math.round(p * 10) / 10));
