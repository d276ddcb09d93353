/**
 * What the metrics count: one record per finished wait (answered or abandoned)
 * and one per finished handling. Records are facts with their time; every
 * metric is a sum over the records of an interval.
 */

export type ChannelKind = 'voice' | 'digital';

export type ContactRecord =
  | {
      kind: 'answered' | 'abandoned';
      queueId: string;
      channel: ChannelKind;
      /** When the wait ended (answer or hang-up), ms since epoch. */
      at: number;
      waitMs: number;
      /** The queue's service-level threshold (digital: time to its SLA deadline) for this contact. */
      thresholdMs: number;
    }
  | {
      kind: 'handled';
      queueId: string;
      channel: ChannelKind;
      /** When the interaction ended. */
      at: number;
      /** From the first answer to the end, holds, consults and agent-to-agent transfers included; time back in a queue excluded. */
      handleMs: number;
    };

/** Running sums for one queue over one interval; every metric derives from them (formulas.ts). */
export interface Totals {
  /** Voice calls answered, and of them within the threshold (wait ≤ threshold). */
  answered: number;
  answeredWithin: number;
  /** Voice calls abandoned, and of them within the threshold (the caller gave up before it). */
  abandoned: number;
  abandonedWithin: number;
  answeredWaitMs: number;
  handled: number;
  handleMs: number;
  /** Digital conversations whose wait went past their threshold (answered late or abandoned late). */
  digitalSlaMissed: number;
}

export const emptyTotals = (): Totals => ({
  answered: 0,
  answeredWithin: 0,
  abandoned: 0,
  abandonedWithin: 0,
  answeredWaitMs: 0,
  handled: 0,
  handleMs: 0,
  digitalSlaMissed: 0,
});

/**
 * Adds one record to `t` in place (`sign` -1 takes it out again, when it
 * leaves a sliding window). Counts and milliseconds are integers, so adding
 * and taking out is exact.
 */
export function addRecord(t: Totals, r: ContactRecord, sign: 1 | -1 = 1): void {
  if (r.kind === 'handled') {
    if (r.channel !== 'voice') return;
    t.handled += sign;
    t.handleMs += sign * r.handleMs;
    return;
  }
  const within = r.waitMs <= r.thresholdMs;
  if (r.channel === 'digital') {
    if (!within) t.digitalSlaMissed += sign;
    return;
  }
  if (r.kind === 'answered') {
    t.answered += sign;
    t.answeredWaitMs += sign * r.waitMs;
    if (within) t.answeredWithin += sign;
  } else {
    t.abandoned += sign;
    if (within) t.abandonedWithin += sign;
  }
}

export function addTotals(into: Totals, t: Totals): void {
  into.answered += t.answered;
  into.answeredWithin += t.answeredWithin;
  into.abandoned += t.abandoned;
  into.abandonedWithin += t.abandonedWithin;
  into.answeredWaitMs += t.answeredWaitMs;
  into.handled += t.handled;
  into.handleMs += t.handleMs;
  into.digitalSlaMissed += t.digitalSlaMissed;
}
