/**
 * When the phone tries its SIP connection again after losing it (pure).
 *
 * Exponential from `firstMs` up to `maxMs`, with jitter so a site full of
 * seats that lost the same network does not hammer the PBX in lock-step
 * when it returns. The jitter only shortens a delay (never beyond `maxMs`),
 * and the random source is an argument so tests can pin it.
 */
export interface BackoffPolicy {
  /** The delay before the first attempt after a loss. */
  firstMs: number;
  /** The longest delay between attempts. */
  maxMs: number;
  /** Growth per attempt (2 = doubling). */
  factor: number;
  /** 0..1: the share of each delay that is random (0.3 = 70 %..100 % of the nominal delay). */
  jitter: number;
}

/** 1 s, 2 s, 4 s, 8 s, 16 s, then every 30 s; each up to 30 % sooner. */
export const DEFAULT_RECONNECT_POLICY: BackoffPolicy = { firstMs: 1000, maxMs: 30_000, factor: 2, jitter: 0.3 };

/** The nominal (jitter-free) delay before attempt `attempt` (1-based). */
export function nominalDelayMs(attempt: number, policy: BackoffPolicy): number {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  // Bounded exponent: 2^1000 is Infinity and Math.min keeps it at maxMs, but stay in plain numbers.
  const grown = policy.firstMs * Math.pow(Math.max(1, policy.factor), Math.min(n - 1, 64));
  return Math.round(Math.min(policy.maxMs, grown));
}

/**
 * The delay before attempt `attempt` (1-based). `random` returns [0, 1)
 * (Math.random in production); any value outside is clamped.
 */
export function reconnectDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const nominal = nominalDelayMs(attempt, policy);
  const r = Math.min(1, Math.max(0, random() || 0));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.floor(nominal * (1 - jitter * r));
}

/** Every delay of the first `attempts` attempts: the schedule a supervisor would live through. */
export function reconnectSchedule(attempts: number, policy: BackoffPolicy, random: () => number): number[] {
  return Array.from({ length: Math.max(0, Math.min(attempts, 1000)) }, (_, i) => reconnectDelayMs(i + 1, policy, random));
}
