/**
 * How long to wait before reconnect attempt `attempt` (1 = the first retry):
 * doubling from `baseMs` up to `maxMs`, with up to `jitter` of the delay
 * taken off at random so many seats restarted by one Asterisk reload do not
 * all come back in the same millisecond. Pure: the random draw is an argument.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0..1: the share of the delay that may be taken off at random. */
  jitter: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1000, maxMs: 30_000, jitter: 0.2 };

export function reconnectDelayMs(attempt: number, random01: number, options: BackoffOptions = defaultBackoff): number {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  // 2^(n-1) overflows to Infinity long after it passed maxMs; clamp the exponent anyway.
  const raw = options.baseMs * 2 ** Math.min(n - 1, 30);
  const capped = Math.min(options.maxMs, raw);
  const r = Math.min(1, Math.max(0, Number.isFinite(random01) ? random01 : 0));
  return Math.round(capped * (1 - options.jitter * r));
}
