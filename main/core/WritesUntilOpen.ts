import { CacheError } from '../cache/errors';
import type { SessionCache } from '../cache/SessionCache';
import type { CacheWrite } from '../cache/types';
import { MAX_IN_FLIGHT_ROWS, recordsIn } from '../cache/WorkerSessionCache';

/** The one thing the recorder asks of a session cache. */
export type CacheWriter = Pick<SessionCache, 'recordWrites'>;

interface Waiting {
  writes: CacheWrite[];
  resolve(results: (CacheError | null)[]): void;
}

/**
 * Where the recorder writes while the session cache is still opening (a check of the
 * file; once after an update, an upgrade that takes seconds on a large cache). The core
 * starts without waiting for it, so what is seen meanwhile waits here, in order, and goes
 * to the cache the moment it is open: nothing seen at startup is lost. Bounded like the
 * cache's own queue (MAX_IN_FLIGHT_ROWS): past it a write is refused with OVERLOADED.
 * If the cache cannot be opened, waiting and later writes are refused with CLOSED (the
 * supervisor was told offline review is unavailable).
 */
export class WritesUntilOpen implements CacheWriter {
  private waiting: Waiting[] = [];
  private waitingRecords = 0;
  /** undefined: still opening; null: could not be opened. */
  private cache: CacheWriter | null | undefined;

  constructor(private readonly maxRecords = MAX_IN_FLIGHT_ROWS) {}

  recordWrites(writes: CacheWrite[]): Promise<(CacheError | null)[]> {
    if (this.cache) return this.cache.recordWrites(writes);
    if (this.cache === null) return Promise.resolve(writes.map(() => closed()));
    const records = recordsIn(writes);
    if (this.waitingRecords + records > this.maxRecords && this.waitingRecords > 0) {
      return Promise.resolve(writes.map(() => new CacheError('OVERLOADED', 'More activity arrived while the session cache was opening than it holds; this was not saved for offline review.')));
    }
    this.waitingRecords += records;
    return new Promise((resolve) => this.waiting.push({ writes, resolve }));
  }

  /** The cache is open (or could not be opened: null). Sends what waited, in order. */
  opened(cache: CacheWriter | null): void {
    this.cache = cache;
    const waiting = this.waiting;
    this.waiting = [];
    this.waitingRecords = 0;
    for (const w of waiting) {
      if (!cache) w.resolve(w.writes.map(() => closed()));
      else cache.recordWrites(w.writes).then(w.resolve, (e: unknown) => w.resolve(w.writes.map(() => asCacheError(e))));
    }
  }
}

const closed = () => new CacheError('CLOSED', 'The session cache could not be opened; offline review is unavailable.');

function asCacheError(e: unknown): CacheError {
  return e instanceof CacheError ? e : new CacheError('INTERNAL', (e as Error)?.message ?? String(e));
}
