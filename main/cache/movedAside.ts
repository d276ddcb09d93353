import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Damaged or unreadable caches are moved aside as `<file>.corrupt-<ms>` (plus
 * -wal/-shm) for support. They still hold (encrypted) transcripts, so
 * retention must delete them too once they are older than the cutoff.
 * Returns the files removed.
 */
export function removeMovedAsideOlderThan(databasePath: string, cutoff: number): string[] {
  if (databasePath === ':memory:' || databasePath === '') return [];
  const dir = dirname(databasePath);
  const prefix = `${basename(databasePath)}.corrupt-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const movedAt = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isFinite(movedAt) || movedAt >= cutoff) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
