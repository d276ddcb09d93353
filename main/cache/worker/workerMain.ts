import type { MessagePort } from 'node:worker_threads';
import { CacheDatabase } from '../CacheDatabase';
import { toCacheError, type CacheErrorShape } from '../errors';
import type { CacheWrite } from '../types';
import type { CacheWorkerData, CallMethod, FromWorker, OpResult, ToWorker } from './protocol';
import { commitDelay } from './commitPacing';
import { decodeWrites, rowsOfEncoded } from './writeCodec';

/**
 * An op as received. Its writes stay encoded (packed: a few blocks of memory) until its
 * commit reads them back one op at a time and replays them into the cache record by record
 * (CacheDatabase.applyEncodedWrites, writeCodec.replayEncoded), so the records
 * of writes waiting for the pace (up to 20,000 rows, 250 ms) are not copied by every
 * young-generation GC meanwhile, and most are never objects at all. An op whose encoding
 * is malformed is acknowledged with why, nothing of it written.
 */
interface ReceivedOp {
  opId: number;
  /** As received (writeCodec.EncodedWrites, packed), until its commit reads it. */
  encoded: unknown;
  rows: number;
  /** Its writes, decoded only when a commit failed and each is retried alone. */
  writes?: CacheWrite[];
  error?: CacheErrorShape;
}

/**
 * One commit takes the writes waiting at that moment, up to these bounds.
 * Big commits are much cheaper per row (one fsync, and one FTS5 segment that
 * later merges cost less for); the row bound keeps one commit's latency and
 * memory in check. Every record*() call is an op, so the op bound must not
 * be the one that bites during a burst (at 64 ops a burst committed ~3,000
 * rows at a time and ingest was ~30% slower).
 */
const MAX_OPS_PER_COMMIT = 4_096;
const MAX_ROWS_PER_COMMIT = 20_000;

/**
 * Runs in the worker thread: owns the only connection. Writes waiting when a
 * commit starts are committed together (one fsync for many records), commits
 * paced by commitPacing.ts, and each write is acknowledged only after its
 * commit returned, so an ack means "on disk".
 */
export function runCacheWorker(port: MessagePort, data: CacheWorkerData): void {
  const send = (msg: FromWorker) => port.postMessage(msg);
  let cache: CacheDatabase;
  try {
    const opened = CacheDatabase.open({
      path: data.path,
      key: Buffer.from(data.key),
      now: data.now,
      redactionPatterns: data.redactionPatterns,
      ...(data.maxPageCount !== undefined ? { maxPageCount: data.maxPageCount } : {}),
      ...(data.pageEncryption !== undefined ? { pageEncryption: data.pageEncryption } : {}),
    });
    cache = opened.cache;
    send({ type: 'ready', notices: opened.notices });
  } catch (err) {
    send({ type: 'fatal', error: toCacheError(err).toJSON() });
    port.close();
    return;
  }

  let pending: ReceivedOp[] = [];
  let pendingRows = 0;
  let pendingNow = 0;
  /** The next commit: at once (same-turn batching) or on a timer (commitPacing.ts). */
  let scheduled: { immediate: boolean; cancel: () => void } | null = null;
  let lastCommitAt = Number.NEGATIVE_INFINITY;
  /** How long the last commit took (ms): a slow commit stretches the gap to the next (commitPacing.ts). */
  let lastCommitMs = 0;

  const flush = () => {
    scheduled?.cancel();
    scheduled = null;
    while (pending.length > 0) {
      lastCommitAt = performance.now();
      const batch = takeBatch();
      let results: readonly (CacheErrorShape | null)[] | null = null;
      try {
        const malformed = cache.applyEncodedWrites(batch.map((op) => op.encoded), pendingNow);
        malformed.forEach((error, n) => {
          if (error) batch[n]!.error = error.toJSON();
        });
      } catch {
        // A bad record or a full disk: every write again on its own, so the rest still commit
        // and each failure is reported against its own write (rare; decoded objects are fine here).
        const writes: CacheWrite[] = [];
        for (const op of batch) {
          const decoded = decodeWrites(op.encoded);
          if ('error' in decoded) op.error = decoded.error.toJSON();
          else for (const w of (op.writes = decoded.writes)) writes.push(w);
        }
        results = cache.applyEachAlone(writes, pendingNow);
      }
      for (const op of batch) op.encoded = undefined;
      lastCommitMs = performance.now() - lastCommitAt;
      send({ type: 'acks', results: acks(batch, results) });
    }
  };

  const takeBatch = (): ReceivedOp[] => {
    let rows = 0;
    let n = 0;
    while (n < pending.length && n < MAX_OPS_PER_COMMIT && rows < MAX_ROWS_PER_COMMIT) {
      rows += pending[n]!.rows;
      n++;
    }
    const batch = pending.slice(0, n);
    pending = pending.slice(n);
    pendingRows -= rows;
    return batch;
  };

  const schedule = () => {
    const wait = commitDelay(pendingRows, lastCommitAt, performance.now(), lastCommitMs);
    if (scheduled && (scheduled.immediate || wait > 0)) return; // already due as soon as it should be
    scheduled?.cancel();
    if (wait === 0) {
      const handle = setImmediate(flush);
      scheduled = { immediate: true, cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(flush, wait);
      scheduled = { immediate: false, cancel: () => clearTimeout(handle) };
    }
  };

  port.on('message', async (msg: ToWorker) => {
    if (msg.type === 'write') {
      for (const op of Array.isArray(msg.ops) ? (msg.ops as unknown[]) : []) {
        const received = receive(op);
        if (!received) continue;
        pending.push(received);
        pendingRows += received.rows;
      }
      pendingNow = msg.now;
      schedule();
      return;
    }
    // Reads see every write sent before them.
    flush();
    try {
      const value = await call(cache, msg.method, msg.args);
      send({ type: 'result', callId: msg.callId, ok: true, value });
    } catch (err) {
      send({ type: 'result', callId: msg.callId, ok: false, error: toCacheError(err).toJSON() });
    }
    if (msg.method === 'close') port.close();
  });
}

async function call(cache: CacheDatabase, method: CallMethod, args: unknown[]): Promise<unknown> {
  // Arguments come from WorkerSessionCache, which is typed; the cache validates records itself.
  const a = args as [never, never, never];
  switch (method) {
    case 'search':
      return cache.search(a[0]);
    case 'openInteraction':
      return cache.openInteraction(a[0]);
    case 'addNote':
      return cache.addNote(a[0], a[1]);
    case 'exportInteraction':
      return cache.exportInteraction(a[0], a[1], a[2]);
    case 'purge':
      return cache.purge(a[0], a[1]);
    case 'stats':
      return cache.stats();
    case 'setRedactionPatterns':
      return cache.setRedactionPatterns(a[0]);
    case 'close':
      return cache.close();
  }
}

/** An op to commit; null for one without an id to acknowledge it by (nothing sends such). */
function receive(op: unknown): ReceivedOp | null {
  if (typeof op !== 'object' || op === null) return null;
  const { opId, writes } = op as { opId?: unknown; writes?: unknown };
  if (typeof opId !== 'number' || !Number.isSafeInteger(opId)) return null;
  return { opId, encoded: writes, rows: rowsOfEncoded(writes) };
}

/**
 * One result per op: from the per-write results when the writes were retried one by one
 * (in the same order as the ops' writes), else every well-formed op committed whole.
 */
function acks(batch: readonly ReceivedOp[], results: readonly (CacheErrorShape | null)[] | null): OpResult[] {
  let i = 0;
  return batch.map((op) => {
    if (op.error) return { opId: op.opId, errors: [op.error] };
    if (results === null) return { opId: op.opId, errors: null };
    const count = op.writes?.length ?? 0;
    let errors: (CacheErrorShape | null)[] | null = null;
    for (let k = 0; k < count; k++, i++) {
      const error = results[i] ?? null;
      if (error) (errors ??= new Array<CacheErrorShape | null>(count).fill(null))[k] = error;
    }
    return { opId: op.opId, errors };
  });
}
