import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportFormat } from './CacheDatabase';
import { CacheError, fromErrorShape, type CacheErrorShape } from './errors';
import type { CacheNotice } from './notices';
import type { RedactionPatternConfig, RedactionProblem } from './redaction';
import type { SessionCache } from './SessionCache';
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
import type { CacheWorkerData, CallMethod, FromWorker, ToWorker, WriteOp } from './worker/protocol';
import { encodeWrites } from './worker/writeCodec';
import type { FromCheckpointer } from './worker/checkpointer';

export type WorkerFactory = (workerData: CacheWorkerData) => Worker;

export interface StartOptions {
  path: string;
  key: Buffer;
  redactionPatterns: RedactionPatternConfig[];
  now: () => number;
  workerEntry?: string;
  createWorker?: WorkerFactory;
  maxPageCount?: number;
  /** Bench hook only: false leaves the file unencrypted. */
  pageEncryption?: boolean;
  /** Called with the notices of a worker started again after a crash (e.g. a damaged file was moved aside). */
  onRestart?: (notices: CacheNotice[]) => void;
  /** Wait before starting a crashed worker again. */
  restartDelayMs?: number;
  /** Tests only: a smaller bound than MAX_IN_FLIGHT_ROWS. */
  maxInFlightRows?: number;
  /**
   * How the checkpointer thread (worker/checkpointer.ts) is made. Without it, the
   * entry that runs the cache worker runs it too; with only `createWorker`, none is
   * started and the cache worker checkpoints by itself, as it always can.
   */
  createCheckpointer?: WorkerFactory;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: CacheError): void;
}

/** A write op waiting for its ack: `settle` gets the op's per-write errors (null: all committed). */
interface PendingWrite {
  settle(errors: (CacheErrorShape | null)[] | null): void;
  reject(err: CacheError): void;
  /** Records in the op, counted against MAX_IN_FLIGHT_ROWS until its ack. */
  rows?: number;
}

/**
 * Records sent to the worker and not yet committed, at most. Normally a few
 * thousand wait (the commit pace, a commit under way); a flood the disk cannot
 * keep up with (tens of thousands of messages a second for long) would
 * otherwise grow the queue until memory runs out. Past the bound new writes are
 * refused with OVERLOADED, which the recorder tells the supervisor about once;
 * what was taken is still committed. 500k records hold a backfill of every
 * live chat's history, are ~5 s of the worker's event-shaped rate (~90k records/s
 * on the 2-core CI machine), and ~100-150 MB at worst.
 */
export const MAX_IN_FLIGHT_ROWS = 500_000;

/** A worker that keeps crashing is given up after this many restarts within RESTART_WINDOW_MS. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

function startWorker(options: StartOptions, redactionPatterns: RedactionPatternConfig[]): Promise<{ worker: Worker; notices: CacheNotice[] }> {
  const data: CacheWorkerData = {
    path: options.path,
    key: new Uint8Array(options.key),
    now: options.now(),
    redactionPatterns,
    ...(options.maxPageCount !== undefined ? { maxPageCount: options.maxPageCount } : {}),
    ...(options.pageEncryption !== undefined ? { pageEncryption: options.pageEncryption } : {}),
  };
  let worker: Worker;
  try {
    worker = options.createWorker ? options.createWorker(data) : spawnWorker(options.workerEntry ?? defaultWorkerEntry(), data);
  } catch (err) {
    return Promise.reject(err instanceof CacheError ? err : new CacheError('WORKER_FAILED', `The session cache could not start: ${(err as Error).message}`));
  }
  return new Promise((resolve, reject) => {
    const onFirst = (msg: FromWorker) => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (msg.type === 'ready') {
        resolve({ worker, notices: msg.notices });
      } else if (msg.type === 'fatal') {
        void worker.terminate();
        reject(fromErrorShape(msg.error));
      }
    };
    const onError = (err: Error) => reject(new CacheError('WORKER_FAILED', `The session cache could not start: ${err.message}`));
    const onExit = (code: number) => reject(new CacheError('WORKER_FAILED', `The session cache could not start (exit code ${code}).`));
    worker.once('message', onFirst);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
}

export class WorkerSessionCache implements SessionCache {
  private nextId = 1;
  private readonly pendingWrites = new Map<number, PendingWrite>();
  private readonly pendingCalls = new Map<number, Pending>();
  private outbox: WriteOp[] = [];
  private flushQueued = false;
  /** Records of the ops in pendingWrites (sent or about to be, not yet acknowledged). */
  private inFlightRows = 0;
  /** Copies the WAL into the file off the cache worker's thread; null when none runs. */
  private checkpointer: Worker | null = null;
  private failure: CacheError | null = null;
  private _lastWriteAt: number | null = null;
  private closing = false;
  private restartTimes: number[] = [];
  private redactionPatterns: RedactionPatternConfig[];
  private readonly now: () => number;

  private constructor(
    private worker: Worker,
    private readonly options: StartOptions,
  ) {
    this.now = options.now;
    this.redactionPatterns = options.redactionPatterns;
    this.attach(worker);
    this.startCheckpointer();
  }

  /** Best effort: if it cannot start or stops, the cache worker's own auto-checkpoint does the work. */
  private startCheckpointer(): void {
    const { options } = this;
    if (this.closing || this.checkpointer || options.path === ':memory:') return;
    if (options.createWorker && !options.createCheckpointer) return;
    const data: CacheWorkerData = {
      path: options.path,
      key: new Uint8Array(options.key),
      now: options.now(),
      redactionPatterns: [],
      role: 'checkpointer',
      ...(options.pageEncryption !== undefined ? { pageEncryption: options.pageEncryption } : {}),
    };
    let worker: Worker;
    try {
      worker = options.createCheckpointer ? options.createCheckpointer(data) : spawnWorker(options.workerEntry ?? defaultWorkerEntry(), data);
    } catch {
      return;
    }
    worker.unref();
    this.checkpointer = worker;
    const gone = () => {
      if (this.checkpointer === worker) this.checkpointer = null;
    };
    worker.on('message', (msg: FromCheckpointer) => {
      if (msg.type === 'stopped') gone();
    });
    worker.on('error', gone);
    worker.on('exit', gone);
  }

  /** Asks the checkpointer to close its connection, then ends its thread. */
  private async stopCheckpointer(): Promise<void> {
    const worker = this.checkpointer;
    this.checkpointer = null;
    if (!worker) return;
    const stopped = new Promise<void>((resolve) => {
      worker.on('message', (msg: FromCheckpointer) => msg.type === 'stopped' && resolve());
      worker.once('exit', () => resolve());
      setTimeout(resolve, 2_000).unref();
    });
    try {
      worker.postMessage({ type: 'close' });
      await stopped;
    } finally {
      await worker.terminate();
    }
  }

  static async start(options: StartOptions): Promise<{ cache: WorkerSessionCache; notices: CacheNotice[] }> {
    const { worker, notices } = await startWorker(options, options.redactionPatterns);
    return { cache: new WorkerSessionCache(worker, options), notices };
  }

  private attach(worker: Worker): void {
    let down = false;
    const onDown = (why: string) => {
      // 'error' is followed by 'exit': handle the first; events of a replaced worker are stale.
      if (down || worker !== this.worker) return;
      down = true;
      this.workerDown(why);
    };
    worker.on('message', (msg: FromWorker) => {
      if (worker === this.worker) this.onMessage(msg);
    });
    worker.on('error', (err) => onDown(err.message));
    worker.on('exit', (code) => onDown(`exit code ${code}`));
  }

  /**
   * The worker crashed (or was killed). What was acknowledged is on disk; what
   * was in flight is rejected. The worker is started again on the same file,
   * unless it keeps crashing.
   */
  private workerDown(why: string): void {
    // A restarted worker may move a damaged file aside: the checkpointer must not hold the old one.
    void this.stopCheckpointer();
    if (this.closing) {
      this.fail(new CacheError('CLOSED', 'The session cache is closed.'));
      return;
    }
    const now = this.now();
    this.restartTimes = this.restartTimes.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restartTimes.length >= MAX_RESTARTS) {
      this.fail(
        new CacheError(
          'WORKER_FAILED',
          `The session cache stopped (${why}) and keeps stopping, so it was not started again. ` +
            'Live supervision still works; restart Spyglass to cache and review transcripts again.',
        ),
      );
      return;
    }
    this.restartTimes.push(now);
    this.fail(
      new CacheError(
        'WORKER_FAILED',
        `The session cache stopped (${why}); Spyglass is starting it again. What was saved before is kept; try again in a moment.`,
      ),
    );
    setTimeout(() => void this.restart(), this.options.restartDelayMs ?? 1_000).unref();
  }

  private async restart(): Promise<void> {
    try {
      const { worker, notices } = await startWorker(this.options, this.redactionPatterns);
      if (this.closing) {
        void worker.terminate();
        return;
      }
      this.worker = worker;
      this.attach(worker);
      this.failure = null;
      this.startCheckpointer();
      this.options.onRestart?.(notices);
    } catch (err) {
      const e = err instanceof CacheError ? err : new CacheError('WORKER_FAILED', (err as Error).message);
      this.fail(new CacheError(e.code, `The session cache could not be started again: ${e.message} Restart Spyglass to review transcripts offline.`));
    }
  }

  get pendingRecords(): number {
    return this.inFlightRows;
  }

  get lastWriteAt(): number | null {
    return this._lastWriteAt;
  }

  recordInteraction(record: InteractionRecord): Promise<void> {
    return this.writeOne({ kind: 'interaction', record });
  }
  recordParticipants(records: ParticipantRecord[]): Promise<void> {
    return this.writeOne({ kind: 'participants', records });
  }
  recordMessages(records: TranscriptMessageRecord[]): Promise<void> {
    return this.writeOne({ kind: 'messages', records });
  }
  recordTimelineEvents(records: TimelineEventRecord[]): Promise<void> {
    return this.writeOne({ kind: 'timeline', records });
  }
  recordSupervisionPeriod(record: SupervisionPeriodRecord): Promise<void> {
    return this.writeOne({ kind: 'supervisionPeriod', record });
  }
  recordAudit(record: AuditRecord): Promise<void> {
    return this.writeOne({ kind: 'audit', record });
  }
  recordAssistanceRequest(record: AssistanceRequestRecord): Promise<void> {
    return this.writeOne({ kind: 'assistanceRequest', record });
  }
  recordWrites(writes: CacheWrite[]): Promise<(CacheError | null)[]> {
    // Only the count is kept until the ack: a closure over `writes` kept every record of the op
    // alive for as long as the worker took to commit it (100-250 ms and more under load), long
    // enough to be promoted and collected by the old generation's GC (issue 15).
    const count = writes.length;
    return new Promise((resolve, reject) => {
      this.write(writes, {
        settle: (errors) => {
          const results = new Array<CacheError | null>(count).fill(null);
          if (errors) {
            // One error for several writes: the op as a whole could not be taken.
            const all = errors.length === count ? null : errors[0];
            for (let n = 0; n < count; n++) {
              const e = all ?? errors[n];
              if (e) results[n] = fromErrorShape(e);
            }
          }
          resolve(results);
        },
        reject,
      });
    });
  }

  addNote(input: NoteInput): Promise<Note> {
    return this.call<Note>('addNote', [input, this.now()]).then((note) => {
      this._lastWriteAt = this.now();
      return note;
    });
  }
  search(query: SearchQuery): Promise<SearchResult> {
    return this.call('search', [query]);
  }
  openInteraction(interactionId: string): Promise<InteractionDetail | null> {
    return this.call('openInteraction', [interactionId]);
  }
  async exportInteraction(
    interactionId: string,
    format: ExportFormat,
    options: { timeZone?: string } = {},
  ): Promise<ExportResult> {
    const result = await this.call<ExportResult>('exportInteraction', [interactionId, format, { ...options, now: this.now() }]);
    // Structured clone turns Buffer into Uint8Array.
    return { ...result, data: Buffer.from(result.data.buffer, result.data.byteOffset, result.data.byteLength) };
  }
  purge(retentionDays: number): Promise<PurgeResult> {
    return this.call('purge', [retentionDays, this.now()]);
  }
  stats(): Promise<CacheStats> {
    return this.call('stats', []);
  }
  setRedactionPatterns(patterns: RedactionPatternConfig[]): Promise<RedactionProblem[]> {
    this.redactionPatterns = patterns; // a restarted worker uses them too
    return this.call('setRedactionPatterns', [patterns]);
  }
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    // First, so the cache worker's closing checkpoint (TRUNCATE) has the file to itself.
    await this.stopCheckpointer();
    if (this.failure) {
      void this.worker.terminate();
      return;
    }
    try {
      await this.call('close', []);
    } finally {
      this.fail(new CacheError('CLOSED', 'The session cache is closed.'));
      await this.worker.terminate();
    }
  }

  private writeOne(write: CacheWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.write([write], { settle: (errors) => (errors?.[0] ? reject(fromErrorShape(errors[0])) : resolve()), reject });
    });
  }

  /** Queues one op (its writes encoded now, as flat lists: see writeCodec.ts), sent with the others of this turn. */
  private write(writes: readonly CacheWrite[], pending: PendingWrite): void {
    if (this.failure) {
      pending.reject(this.failure);
      return;
    }
    const rows = recordsIn(writes);
    if (this.inFlightRows + rows > (this.options.maxInFlightRows ?? MAX_IN_FLIGHT_ROWS) && this.inFlightRows > 0) {
      // One op bigger than the bound alone is still taken when nothing waits: it cannot be split.
      pending.settle(writes.map(() => overloaded()));
      return;
    }
    this.inFlightRows += rows;
    const opId = this.nextId++;
    this.pendingWrites.set(opId, { ...pending, rows });
    this.outbox.push({ opId, writes: encodeWrites(writes) });
    if (!this.flushQueued) {
      this.flushQueued = true;
      // Everything recorded in this turn goes in one message and one commit.
      queueMicrotask(() => this.flushOutbox());
    }
  }

  private flushOutbox(): void {
    this.flushQueued = false;
    if (this.outbox.length === 0) return;
    const ops = this.outbox;
    this.outbox = [];
    this.post({ type: 'write', ops, now: this.now() });
  }

  private call<T>(method: CallMethod, args: unknown[]): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    this.flushOutbox(); // keep order: writes before this read
    const callId = this.nextId++;
    const promise = new Promise<T>((resolve, reject) => {
      this.pendingCalls.set(callId, { resolve: resolve as (v: unknown) => void, reject });
    });
    this.post({ type: 'call', callId, method, args });
    return promise;
  }

  private post(msg: ToWorker): void {
    try {
      this.worker.postMessage(msg);
    } catch (err) {
      // e.g. a value that cannot be cloned: reject just these, keep running.
      const error = new CacheError('INVALID_INPUT', `Could not send to the session cache: ${(err as Error).message}`);
      const ids = msg.type === 'write' ? msg.ops.map((o) => o.opId) : [msg.callId];
      for (const id of ids) {
        this.inFlightRows -= this.pendingWrites.get(id)?.rows ?? 0;
        (this.pendingWrites.get(id) ?? this.pendingCalls.get(id))?.reject(error);
        this.pendingWrites.delete(id);
        this.pendingCalls.delete(id);
      }
    }
  }

  private onMessage(msg: FromWorker): void {
    if (msg.type === 'acks') {
      let committed = false;
      for (const { opId, errors } of msg.results) {
        const p = this.pendingWrites.get(opId);
        this.pendingWrites.delete(opId);
        this.inFlightRows -= p?.rows ?? 0;
        if (!errors || errors.some((e) => e === null)) committed = true;
        p?.settle(errors);
      }
      if (committed) this._lastWriteAt = this.now();
    } else if (msg.type === 'result') {
      const p = this.pendingCalls.get(msg.callId);
      this.pendingCalls.delete(msg.callId);
      if (msg.ok) p?.resolve(msg.value);
      else p?.reject(fromErrorShape(msg.error as CacheErrorShape));
    }
  }

  private fail(error: CacheError): void {
    this.failure = error;
    for (const p of [...this.pendingWrites.values(), ...this.pendingCalls.values()]) p.reject(error);
    this.pendingWrites.clear();
    this.pendingCalls.clear();
    this.inFlightRows = 0;
  }
}

/** Records in these writes, as counted against MAX_IN_FLIGHT_ROWS (a write of one record counts 1). */
export function recordsIn(writes: readonly CacheWrite[]): number {
  let rows = 0;
  for (const w of writes) rows += 'records' in w && Array.isArray(w.records) ? w.records.length : 1;
  return rows;
}

function overloaded(): CacheErrorShape {
  return {
    code: 'OVERLOADED',
    message: 'More activity is arriving than the session cache can write to disk; this was not saved for offline review.',
  };
}

function moduleDir(): string {
  // CommonJS (tsx, electron-vite main bundle, vitest) defines __dirname.
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

/** The .ts entry in dev/tests; a .js next to the bundle if the build emitted one. */
export function defaultWorkerEntry(): string {
  const here = moduleDir();
  const candidates = [
    join(here, 'worker', 'cacheWorker.ts'),
    join(here, 'worker', 'cacheWorker.js'),
    join(here, 'cacheWorker.js'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new CacheError('WORKER_FAILED', `Session cache worker not found (looked for ${candidates.join(', ')}).`);
  return found;
}

export function spawnWorker(entry: string, workerData: CacheWorkerData): Worker {
  if (entry.endsWith('.ts')) {
    // Dev and tests only: compile the TS entry on the fly with tsx's CommonJS hook.
    const shim =
      `require(require.resolve('tsx/cjs', { paths: [${JSON.stringify(dirname(entry))}, process.cwd()] }));` +
      `require(${JSON.stringify(entry)});`;
    return new Worker(shim, { eval: true, workerData });
  }
  return new Worker(entry, { workerData });
}
