import { statSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import Sqlite, { type Database } from '../sqlite';
import { keyConnection } from '../pageEncryption';
import type { CacheWorkerData } from './protocol';

/** How often the checkpointer looks whether the WAL has grown. */
export const CHECKPOINT_EVERY_MS = 500;

export type FromCheckpointer = { type: 'ready' } | { type: 'stopped'; reason: string };

/**
 * Copies committed pages from the WAL into the database file, on its own thread
 * and its own connection (issue 15). The cache worker's commits used to do it
 * themselves every 8,000 pages (SQLite's auto-checkpoint): replaying the
 * event-shaped bench's writes with and without it, checkpoints took 0.4-1.5 s of
 * the worker's ~5 s per 100k messages, on the thread that is the limit.
 *
 * A PASSIVE checkpoint never waits for, or blocks, the writer or a reader; the
 * writer starts the WAL over by itself once everything is copied. The writer
 * keeps its own auto-checkpoint as before, so if this thread falls behind or
 * stops, nothing changes but who does the work. Durability is SQLite's:
 * synchronous=FULL here too, so the file is synced before the WAL is reused.
 */
export function runCheckpointer(port: MessagePort, data: CacheWorkerData): void {
  let db: Database;
  try {
    db = new Sqlite(data.path, { fileMustExist: true });
    // The key before anything reads the file (pageEncryption.ts).
    if (data.pageEncryption !== false) keyConnection(db, Buffer.from(data.key));
    db.pragma('busy_timeout = 1000');
    db.pragma('synchronous = FULL');
  } catch (err) {
    port.postMessage({ type: 'stopped', reason: (err as Error).message } satisfies FromCheckpointer);
    port.close();
    return;
  }
  // Unknown at first: what was committed before this thread started is copied at the first look.
  let seen = -1;
  const timer = setInterval(() => {
    const changed = walChangedAt(data.path);
    if (changed === seen) return;
    seen = changed;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      // SQLITE_BUSY (a TRUNCATE checkpoint or a close under way) passes; anything else stops this thread.
      if ((err as { code?: string }).code === 'SQLITE_BUSY') return;
      stop((err as Error).message);
    }
  }, CHECKPOINT_EVERY_MS);
  const stop = (reason: string) => {
    clearInterval(timer);
    try {
      db.close();
    } catch {
      // already closed
    }
    port.postMessage({ type: 'stopped', reason } satisfies FromCheckpointer);
    port.close();
  };
  port.on('message', (msg: unknown) => {
    if ((msg as { type?: unknown })?.type === 'close') stop('closed');
  });
  port.postMessage({ type: 'ready' } satisfies FromCheckpointer);
}

/** When the WAL was last written (ms), or 0 if there is none. */
function walChangedAt(path: string): number {
  try {
    return statSync(`${path}-wal`).mtimeMs;
  } catch {
    return 0;
  }
}
