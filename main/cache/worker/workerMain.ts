import type { MessagePort } from 'node:worker_threads';
import { CacheDatabase } from '../CacheDatabase';
import { toCacheError } from '../errors';
import type { CacheWorkerData, CallMethod, FromWorker, ToWorker, WriteOp } from './protocol';
import { commitDelay } from './commitPacing';

/**
 * One commit takes the writes waiting at that moment, up to these bounds.
 * Big commits are much cheaper per row (one fsync, and one FTS5 segment that
 * later merges cost less for); the row bound keeps one commit's latency and
 * memory in check. Every recordInteraction() is an op, so the op bound must not
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

  let pending: WriteOp[] = [];
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
      const results = cache.applyWritesIsolated(
        batch.map((op) => op.write),
        pendingNow,
      );
      lastCommitMs = performance.now() - lastCommitAt;
      send({ type: 'acks', results: batch.map((op, i) => ({ opId: op.opId, error: results[i] ?? null })) });
    }
  };

  const takeBatch = (): WriteOp[] => {
    let rows = 0;
    let n = 0;
    while (n < pending.length && n < MAX_OPS_PER_COMMIT && rows < MAX_ROWS_PER_COMMIT) {
      rows += rowsOf(pending[n]!);
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
      pending.push(...msg.ops);
      for (const op of msg.ops) pendingRows += rowsOf(op);
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

const rowsOf = (op: WriteOp): number => ('records' in op.write ? op.write.records.length : 1);
