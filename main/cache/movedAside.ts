import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The names (not paths) of this cache's moved-aside files, `<file>.corrupt-…`
 * with their -wal/-shm, in its folder; none when the folder cannot be read.
 */
export function listMovedAside(databasePath: string): string[] {
  if (databasePath === ':memory:' || databasePath === '') return [];
  const prefix = `${basename(databasePath)}.corrupt-`;
  try {
    return readdirSync(dirname(databasePath)).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
}

/**
 * Damaged or unreadable caches are moved aside as `<file>.corrupt-<ms>` (plus
 * -wal/-shm) for support. They still hold (encrypted) transcripts, so
 * retention must delete them too once they are older than the cutoff.
 * Returns the files removed.
 */
export function removeMovedAsideOlderThan(databasePath: string, cutoff: number): string[] {
  const dir = dirname(databasePath);
  const prefix = `${basename(databasePath)}.corrupt-`;
  const removed: string[] = [];
  for (const name of listMovedAside(databasePath)) {
    const movedAt = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isFinite(movedAt) || movedAt >= cutoff) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** How many moved-aside copies are kept for support; older ones are deleted when another is made. */
export const MOVED_ASIDE_KEPT = 2;

/**
 * A free name for one more moved-aside copy: `<file>.corrupt-<ms>`, or
 * `<file>.corrupt-<ms>-<n>` when one was already moved aside in that millisecond
 * (renaming onto it would silently replace the earlier copy).
 */
export function movedAsideName(databasePath: string, now: number): string {
  const base = `${databasePath}.corrupt-${now}`;
  let target = base;
  for (let n = 1; ['', '-wal', '-shm'].some((suffix) => existsSync(target + suffix)); n++) target = `${base}-${n}`;
  return target;
}

/**
 * Keeps only the `keep` newest moved-aside copies (each with its -wal/-shm):
 * a cache that keeps failing must not fill the disk with old transcripts.
 * Returns the files removed.
 */
export function keepNewestMovedAside(databasePath: string, keep: number = MOVED_ASIDE_KEPT): string[] {
  const dir = dirname(databasePath);
  const prefix = `${basename(databasePath)}.corrupt-`;
  const names = listMovedAside(databasePath);
  // One copy = `<prefix><ms>[-n]` plus its -wal and -shm.
  const copies = new Map<string, { ms: number; n: number; files: string[] }>();
  for (const name of names) {
    const stamp = /^(\d+)(?:-(\d+))?(?:-wal|-shm)?$/.exec(name.slice(prefix.length));
    if (!stamp) continue;
    const id = `${stamp[1]}-${stamp[2] ?? '0'}`;
    const copy = copies.get(id) ?? { ms: Number(stamp[1]), n: Number(stamp[2] ?? 0), files: [] };
    copy.files.push(name);
    copies.set(id, copy);
  }
  const removed: string[] = [];
  const newestFirst = [...copies.values()].sort((a, b) => b.ms - a.ms || b.n - a.n);
  for (const copy of newestFirst.slice(Math.max(0, keep))) {
    for (const name of copy.files) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}
