/**
 * Keeps TURN REST credentials fresh: fetched at start, fetched again at half
 * their lifetime (so a slow or briefly down service never leaves a call
 * without TURN), retried with a growing pause after a failure while the old
 * ones still hold. Expired credentials are never handed out.
 */
import type { TurnCredentials, TurnRestResult } from './turnRest';

export const RETRY_MIN_MS = 5_000;
export const RETRY_MAX_MS = 5 * 60_000;

export interface TurnRestRefresherDeps {
  fetch(): Promise<TurnRestResult>;
  now(): number;
  /** Told each new problem, and '' once credentials are fetched again. */
  onProblem?(problem: string): void;
  schedule?(fn: () => void, ms: number): () => void;
}

/** When to fetch again after a success: half the lifetime, at least a few seconds. Pure. */
export const refreshAt = (c: TurnCredentials): number => c.fetchedAt + Math.max(RETRY_MIN_MS, (c.expiresAt - c.fetchedAt) / 2);

/** After the n-th failure in a row: 5 s, 10 s, 20 s … 5 min. Pure. */
export const retryDelay = (failures: number): number => Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, failures - 1));

export class TurnRestRefresher {
  private credentials: TurnCredentials | undefined;
  private failures = 0;
  private cancel: (() => void) | undefined;
  private stopped = false;
  private lastProblem = '';
  private inFlight: Promise<void> | undefined;
  private readonly schedule: NonNullable<TurnRestRefresherDeps['schedule']>;

  constructor(private readonly deps: TurnRestRefresherDeps) {
    this.schedule =
      deps.schedule ??
      ((fn, ms) => {
        const t = setTimeout(fn, ms);
        t.unref?.();
        return () => clearTimeout(t);
      });
  }

  /** Fetches now; resolves once the first answer (or failure) is in. */
  start(): Promise<void> {
    this.stopped = false;
    return this.refresh();
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = undefined;
  }

  /** Credentials still valid now, or undefined (never expired ones). */
  current(): TurnCredentials | undefined {
    const c = this.credentials;
    return c && c.expiresAt > this.deps.now() ? c : undefined;
  }

  /** What is wrong now ('' when nothing). */
  problem(): string {
    return this.lastProblem;
  }

  refresh(): Promise<void> {
    this.inFlight ??= this.fetchOnce().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async fetchOnce(): Promise<void> {
    const r = await this.deps.fetch();
    if (this.stopped) return;
    this.cancel?.();
    let delay: number;
    if (r.ok) {
      this.credentials = r.credentials;
      this.failures = 0;
      this.tell('');
      delay = refreshAt(r.credentials) - this.deps.now();
    } else {
      this.failures++;
      const held = this.current();
      this.tell(
        held
          ? `${r.error} The TURN credentials in use expire at ${new Date(held.expiresAt).toISOString().slice(11, 16)} UTC; trying again.`
          : `${r.error} Calls cannot use TURN until this is fixed; trying again.`,
      );
      delay = retryDelay(this.failures);
    }
    this.cancel = this.schedule(() => void this.refresh(), Math.max(1000, delay));
  }

  private tell(problem: string): void {
    if (problem === this.lastProblem) return;
    this.lastProblem = problem;
    this.deps.onProblem?.(problem);
  }
}
