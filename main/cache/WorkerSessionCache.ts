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

export type WorkerFactory = (workerData: CacheWorkerData) => Worker;

export interface StartOptions {
  path: string;
  key: Buffer;
  redactionPatterns: RedactionPatternConfig[];
  now: () => number;
  workerEntry?: string;
  createWorker?: WorkerFactory;
  maxPageCount?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: CacheError): void;
}

export class WorkerSessionCache implements SessionCache {
  private nextId = 1;
  private readonly pendingWrites = new Map<number, Pending>();
  private readonly pendingCalls = new Map<number, Pending>();
  private outbox: WriteOp[] = [];
  private flushQueued = false;
  private failure: CacheError | null = null;
  private _lastWriteAt: number | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly now: () => number,
  ) {
    worker.on('message', (msg: FromWorker) => this.onMessage(msg));
    worker.on('error', (err) => this.fail(new CacheError('WORKER_FAILED', `The session cache stopped: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!this.failure) this.fail(new CacheError(code === 0 ? 'CLOSED' : 'WORKER_FAILED', 'The session cache is closed.'));
    });
  }

  static start(options: StartOptions): Promise<{ cache: WorkerSessionCache; notices: CacheNotice[] }> {
    const data: CacheWorkerData = {
      path: options.path,
      key: new Uint8Array(options.key),
      now: options.now(),
      redactionPatterns: options.redactionPatterns,
      ...(options.maxPageCount !== undefined ? { maxPageCount: options.maxPageCount } : {}),
    };
    const worker = options.createWorker ? options.createWorker(data) : spawnWorker(options.workerEntry ?? defaultWorkerEntry(), data);
    return new Promise((resolve, reject) => {
      const onFirst = (msg: FromWorker) => {
        worker.off('error', onError);
        if (msg.type === 'ready') {
          resolve({ cache: new WorkerSessionCache(worker, options.now), notices: msg.notices });
        } else if (msg.type === 'fatal') {
          void worker.terminate();
          reject(fromErrorShape(msg.error));
        }
      };
      const onError = (err: Error) => reject(new CacheError('WORKER_FAILED', `The session cache could not start: ${err.message}`));
      worker.once('message', onFirst);
      worker.once('error', onError);
    });
  }

  get lastWriteAt(): number | null {
    return this._lastWriteAt;
  }

  recordInteraction(record: InteractionRecord): Promise<void> {
    return this.write({ kind: 'interaction', record });
  }
  recordParticipants(records: ParticipantRecord[]): Promise<void> {
    return this.write({ kind: 'participants', records });
  }
  recordMessages(records: TranscriptMessageRecord[]): Promise<void> {
    return this.write({ kind: 'messages', records });
  }
  recordTimelineEvents(records: TimelineEventRecord[]): Promise<void> {
    return this.write({ kind: 'timeline', records });
  }
  recordSupervisionPeriod(record: SupervisionPeriodRecord): Promise<void> {
    return this.write({ kind: 'supervisionPeriod', record });
  }
  recordAudit(record: AuditRecord): Promise<void> {
    return this.write({ kind: 'audit', record });
  }
  recordAssistanceRequest(record: AssistanceRequestRecord): Promise<void> {
    return this.write({ kind: 'assistanceRequest', record });
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
    return this.call('setRedactionPatterns', [patterns]);
  }
  async close(): Promise<void> {
    if (this.failure) return;
    await this.call('close', []);
    this.fail(new CacheError('CLOSED', 'The session cache is closed.'));
    await this.worker.terminate();
  }

  private write(write: CacheWrite): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const opId = this.nextId++;
    const promise = new Promise<void>((resolve, reject) => {
      this.pendingWrites.set(opId, { resolve: () => resolve(), reject });
    });
    this.outbox.push({ opId, write });
    if (!this.flushQueued) {
      this.flushQueued = true;
      // Everything recorded in this turn goes in one message and one commit.
      queueMicrotask(() => this.flushOutbox());
    }
    return promise;
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
        (this.pendingWrites.get(id) ?? this.pendingCalls.get(id))?.reject(error);
        this.pendingWrites.delete(id);
        this.pendingCalls.delete(id);
      }
    }
  }

  private onMessage(msg: FromWorker): void {
    if (msg.type === 'acks') {
      let committed = false;
      for (const { opId, error } of msg.results) {
        const p = this.pendingWrites.get(opId);
        this.pendingWrites.delete(opId);
        if (error) p?.reject(fromErrorShape(error));
        else {
          committed = true;
          p?.resolve(undefined);
        }
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
  }
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

function spawnWorker(entry: string, workerData: CacheWorkerData): Worker {
  if (entry.endsWith('.ts')) {
    // Dev and tests only: compile the TS entry on the fly with tsx's CommonJS hook.
    const shim =
      `require(require.resolve('tsx/cjs', { paths: [${JSON.stringify(dirname(entry))}, process.cwd()] }));` +
      `require(${JSON.stringify(entry)});`;
    return new Worker(shim, { eval: true, workerData });
  }
  return new Worker(entry, { workerData });
}
