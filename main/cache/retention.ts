import type { Database } from './sqlite';
import { statSync } from 'node:fs';
import type { MessageIndex } from './messageIndex';
import { pruneSearchTerms } from './searchTerms';
import type { PurgeResult } from './types';

export const DAY_MS = 86_400_000;

/** Interactions last active before this are purged. Pure. */
export function retentionCutoff(retentionDays: number, now: number): number {
  if (!Number.isFinite(retentionDays) || retentionDays < 0) {
    throw new RangeError(`Retention must be a number of days >= 0 (got ${retentionDays}).`);
  }
  return now - retentionDays * DAY_MS;
}

/** Database size on disk, including the WAL. 0 for in-memory databases. */
export function databaseBytes(db: Database): number {
  if (db.memory || db.name === '') return 0;
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(db.name + suffix).size;
    } catch {
      // no WAL yet
    }
  }
  return bytes;
}

/**
 * Deletes interactions whose last activity is older than the cutoff (their
 * search index rows first, then everything hanging off them by cascade), plus
 * orphan audit and assistance rows, then gives the space back to the file system.
 */
export function purgeExpired(
  db: Database,
  index: Pick<MessageIndex, 'removeInteractions'>,
  retentionDays: number,
  now: number,
): PurgeResult {
  const cutoff = retentionCutoff(retentionDays, now);
  const bytesBefore = databaseBytes(db);
  const interactionsDeleted = db.transaction(() => {
    const keys = db
      .prepare('SELECT key FROM interactions WHERE max(last_seen_at, coalesce(ended_at, 0)) < ?')
      .pluck()
      .all(cutoff) as number[];
    index.removeInteractions(keys);
    const deleted = db.prepare('DELETE FROM interactions WHERE key IN (SELECT value FROM json_each(?))').run(JSON.stringify(keys))
      .changes;
    db.prepare('DELETE FROM audit_log WHERE interaction_key IS NULL AND at < ?').run(cutoff);
    db.prepare('DELETE FROM assistance_requests WHERE interaction_key IS NULL AND at < ?').run(cutoff);
    if (deleted > 0) {
      // Deletes are stored as delete markers; merging rewrites the index without them.
      db.prepare("INSERT INTO message_fts (message_fts) VALUES ('optimize')").run();
      pruneSearchTerms(db);
    }
    return deleted;
  })();
  reclaimSpace(db);
  return { interactionsDeleted, bytesBefore, bytesAfter: databaseBytes(db) };
}

/**
 * auto_vacuum=INCREMENTAL (set when the file is created) moves free pages to
 * the end; incremental_vacuum cuts them off. In WAL mode the file only shrinks
 * at checkpoint, so checkpoint with TRUNCATE, which also empties the WAL.
 */
export function reclaimSpace(db: Database): void {
  if (db.pragma('auto_vacuum', { simple: true }) === 2) {
    db.pragma('incremental_vacuum');
  } else {
    // Databases created before auto_vacuum was set: a full VACUUM does the same, slower.
    db.exec('VACUUM');
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}
