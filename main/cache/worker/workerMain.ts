import type { MessagePort } from 'node:worker_threads';
import { CacheDatabase } from '../CacheDatabase';
import { toCacheError } from '../errors';
import type { CacheWorkerData, CallMethod, FromWorker, ToWorker, WriteOp } from './protocol';

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
 * Runs in the worker thread: owns the only connection. Writes that arrive in
 * the same turn are committed together (one fsync for many records) and each
 * is acknowledged only after its commit returned, so an ack means "on disk".
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
    });
    cache = opened.cache;
    send({ type: 'ready', notices: opened.notices });
  } catch (err) {
    send({ type: 'fatal', error: toCacheError(err).toJSON() });
    port.close();
    return;
  }

  let pending: WriteOp[] = [];
  let pendingNow = 0;
  let flushScheduled = false;

  const flush = () => {
    flushScheduled = false;
    while (pending.length > 0) {
      const batch = takeBatch();
      const results = cache.applyWritesIsolated(
        batch.map((op) => op.write),
        pendingNow,
      );
      send({ type: 'acks', results: batch.map((op, i) => ({ opId: op.opId, error: results[i] ?? null })) });
    }
  };

  const takeBatch = (): WriteOp[] => {
    let rows = 0;
    let n = 0;
    while (n < pending.length && n < MAX_OPS_PER_COMMIT && rows < MAX_ROWS_PER_COMMIT) {
      const w = pending[n]!.write;
      rows += 'records' in w ? w.records.length : 1;
      n++;
    }
    const batch = pending.slice(0, n);
    pending = pending.slice(n);
    return batch;
  };

  port.on('message', async (msg: ToWorker) => {
    if (msg.type === 'write') {
      pending.push(...msg.ops);
      pendingNow = msg.now;
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
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
