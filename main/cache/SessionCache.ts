// The session cache as the rest of main sees it.
//
// Threading decision: the SQLite connection lives in ONE worker_threads
// worker (worker/cacheWorker.ts), not on the main thread. Redaction, AES-GCM
// and FTS5 indexing of a busy contact center cost tens of microseconds per
// message; on the main thread that competes with IPC, SIP and the connector.
// Batching in setImmediate chunks would bound the stall per chunk but still
// takes the CPU from the main loop. With the worker, the main thread only
// structured-clones the records (measured: cache_event_loop_lag_p99_ms in
// tests/bench/cache.bench.ts).
//
// Loading the worker: a bundled `new Worker(new URL(...))` is not portable
// across bundlers, so the entry is resolved at run time:
//  - built app: pass `workerEntry` (electron-vite: `import entry from
//    './worker/cacheWorker?modulePath'`) or `createWorker`;
//  - dev/tests (vitest, tsx): the .ts entry next to this file is loaded through
//    tsx's CommonJS hook from a tiny eval shim, no build step.
//
// Acknowledgement: record*() resolves only after the worker's transaction
// committed with synchronous=FULL, so a resolved promise survives kill -9 and
// power loss. Calls made in the same turn are sent in one message and
// committed in one transaction.

import type { CacheError } from './errors';
import type { KeyStore } from './keyStore';
import type { CacheNotice } from './notices';
import type { RedactionPatternConfig, RedactionProblem } from './redaction';
import type {
  AssistanceRequestRecord,
  AuditRecord,
  CacheStats,
  CacheWrite,
  ExportResult,
  InteractionDetail,
  InteractionRecord,
  Note,
  NoteInput,
  ParticipantRecord,
  PurgeResult,
  SearchQuery,
  SearchResult,
  SupervisionPeriodRecord,
  TimelineEventRecord,
  TranscriptMessageRecord,
} from './types';
import type { ExportFormat } from './CacheDatabase';
import { WorkerSessionCache, type WorkerFactory } from './WorkerSessionCache';

export type { ExportFormat } from './CacheDatabase';

export interface SessionCache {
  /** Acknowledged = committed to disk. Rejects with CacheError (e.g. code DISK_FULL, INVALID_INPUT). */
  recordInteraction(record: InteractionRecord): Promise<void>;
  recordParticipants(records: ParticipantRecord[]): Promise<void>;
  recordMessages(records: TranscriptMessageRecord[]): Promise<void>;
  recordTimelineEvents(records: TimelineEventRecord[]): Promise<void>;
  recordSupervisionPeriod(record: SupervisionPeriodRecord): Promise<void>;
  recordAudit(record: AuditRecord): Promise<void>;
  recordAssistanceRequest(record: AssistanceRequestRecord): Promise<void>;
  /**
   * Several writes as one op (one message to the worker, one ack): resolves once each is
   * committed or refused, with one result per write (null = committed, else why it was
   * refused; the others are kept). Rejects only if none could be sent (closed, stopped).
   */
  recordWrites(writes: CacheWrite[]): Promise<(CacheError | null)[]>;
  /** Redacted, encrypted; returns the stored note (text as stored, i.e. redacted). */
  addNote(input: NoteInput): Promise<Note>;

  search(query: SearchQuery): Promise<SearchResult>;
  /** Null when the interaction is not cached. */
  openInteraction(interactionId: string): Promise<InteractionDetail | null>;
  /** Rejects with code NOT_FOUND for an unknown interaction. */
  exportInteraction(interactionId: string, format: ExportFormat, options?: { timeZone?: string }): Promise<ExportResult>;
  /** Deletes interactions last active more than retentionDays ago and shrinks the file. */
  purge(retentionDays: number): Promise<PurgeResult>;
  stats(): Promise<CacheStats>;
  /** Policy changed: new patterns apply to later writes. Returns skipped (invalid) patterns. */
  setRedactionPatterns(patterns: RedactionPatternConfig[]): Promise<RedactionProblem[]>;
  close(): Promise<void>;

  /** When this process last got a write acknowledged; null before the first. See stats().lastWriteAt across restarts. */
  readonly lastWriteAt: number | null;
  /** Records sent and not yet committed (bounded: past MAX_IN_FLIGHT_ROWS writes are refused with OVERLOADED). */
  readonly pendingRecords: number;
}

export interface OpenSessionCacheOptions {
  /** Database file; see paths.ts cacheDatabasePath(). */
  path: string;
  keyStore: KeyStore;
  redactionPatterns?: RedactionPatternConfig[];
  /** Clock for lastWriteAt, purge and export headers. */
  now?: () => number;
  /** Path of the built worker entry (.js). Defaults to the .ts entry next to this file (dev/tests). */
  workerEntry?: string;
  /** Full control over how the worker is created (e.g. electron-vite `?nodeWorker`). */
  createWorker?: WorkerFactory;
  /** Test hook: limits the file to this many pages to simulate a full disk. */
  maxPageCount?: number;
  /** Bench hook only (bench:cache measures the cost of encryption): false leaves the file unencrypted. */
  pageEncryption?: boolean;
  /** Notices of a cache worker started again after a crash. */
  onRestart?: (notices: CacheNotice[]) => void;
  restartDelayMs?: number;
  /** Test hook: fewer records waiting for the disk than MAX_IN_FLIGHT_ROWS before writes are refused (OVERLOADED). */
  maxInFlightRows?: number;
}

export interface OpenSessionCacheResult {
  cache: SessionCache;
  /** Show these once: corrupt file replaced, key changed, insecure key store, skipped redaction patterns. */
  notices: CacheNotice[];
}

/**
 * Opens the cache. Rejects with DatabaseFromFutureError-shaped CacheError
 * (code DATABASE_FROM_FUTURE) if the file is from a newer Spyglass; other
 * damage is repaired and reported in `notices`.
 */
export async function openSessionCache(options: OpenSessionCacheOptions): Promise<OpenSessionCacheResult> {
  const key = await options.keyStore.getOrCreateKey();
  const { cache, notices } = await WorkerSessionCache.start({
    path: options.path,
    key,
    redactionPatterns: options.redactionPatterns ?? [],
    now: options.now ?? Date.now,
    ...(options.workerEntry !== undefined ? { workerEntry: options.workerEntry } : {}),
    ...(options.createWorker !== undefined ? { createWorker: options.createWorker } : {}),
    ...(options.maxPageCount !== undefined ? { maxPageCount: options.maxPageCount } : {}),
    ...(options.pageEncryption !== undefined ? { pageEncryption: options.pageEncryption } : {}),
    ...(options.onRestart !== undefined ? { onRestart: options.onRestart } : {}),
    ...(options.restartDelayMs !== undefined ? { restartDelayMs: options.restartDelayMs } : {}),
    ...(options.maxInFlightRows !== undefined ? { maxInFlightRows: options.maxInFlightRows } : {}),
  });
  const keyNotices: CacheNotice[] = options.keyStore.isSecure
    ? []
    : [
        {
          code: 'INSECURE_KEY_STORE',
          severity: 'warning',
          message: options.keyStore.insecureReason ?? 'The cache key is not protected by the operating system secret store.',
        },
      ];
  return { cache, notices: [...notices, ...keyNotices] };
}
