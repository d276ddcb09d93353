/**
 * When the cache worker commits what is waiting (issue 15, event-shaped load).
 * It used to commit whatever had arrived each turn: with the recorder sending
 * every 25 ms, that was 40+ small commits a second, each with its own fsync
 * (synchronous=FULL), its own FTS5 segment and its own rewrite of the same hot
 * index pages. Replaying the event-shaped bench's writes into one database
 * (worker CPU for 20,000 messages): 451 commits 2.2 s, 113 commits 1.7 s,
 * 29 commits 1.1 s, 8 commits 0.8-0.9 s.
 *
 * So commits start at most every COMMIT_GAP_MS, unless COMMIT_AT_ROWS rows are
 * already waiting (a burst does not wait). After a quiet spell the first write
 * commits at once; a read or close still commits everything first, so nothing
 * shown is stale, and a write is still acknowledged only once it is on disk.
 * Pure: time is an argument.
 */
export const COMMIT_GAP_MS = 100;
export const COMMIT_AT_ROWS = 8_000;

/** Milliseconds to wait before the next commit (0 = now), given what waits and when the last commit started. */
export function commitDelay(pendingRows: number, lastCommitStartedAt: number, now: number): number {
  if (pendingRows >= COMMIT_AT_ROWS) return 0;
  return Math.max(0, Math.min(COMMIT_GAP_MS, lastCommitStartedAt + COMMIT_GAP_MS - now));
}
