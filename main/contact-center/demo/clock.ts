/**
 * All demo time comes through a Clock so tests can drive it by hand (see
 * manualClock.ts) and the app can run it faster than real time.
 */
export interface Clock {
  /** Milliseconds since epoch, in simulated time. */
  now(): number;
  /** Runs fn after `ms` of simulated time. */
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RealClockOptions {
  /**
   * Time compression: 10 means ten simulated seconds pass per real second,
   * so a 5-minute call lasts 30 s. Default 1.
   */
  factor?: number;
  /** Simulated time at creation; defaults to the real time. */
  startAt?: number;
  /** Do not keep a Node process alive just for demo timers (benchmarks, CLIs). */
  unref?: boolean;
}

/** A real-time clock with optional time compression. */
export function createRealClock(options: RealClockOptions = {}): Clock {
  const factor = options.factor ?? 1;
  if (!(factor > 0) || !Number.isFinite(factor)) throw new Error(`Invalid time compression factor: ${factor}`);
  const realStart = Date.now();
  const simStart = options.startAt ?? realStart;
  return {
    now: () => Math.floor(simStart + (Date.now() - realStart) * factor),
    setTimeout: (fn, ms) => {
      const handle = globalThis.setTimeout(fn, Math.max(0, ms / factor));
      if (options.unref) handle.unref?.();
      return handle;
    },
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  };
}
