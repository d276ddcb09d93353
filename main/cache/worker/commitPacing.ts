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
 *
 * Under sustained load a commit writes hundreds of pages, each encrypted,
 * whatever the gap (~1,100 before schemas 5-7 stopped ordering rows by the
 * conversation's text id): at 100 ms apart commits took ~40% of the worker. The gap therefore stretches to COMMIT_SHARE times the last commit's
 * duration, never beyond MAX_COMMIT_GAP_MS: a light load (commits of a few ms)
 * keeps the 100 ms pace, a busy one commits at most every 250 ms. That bounds
 * what a power cut can take back to ~250 ms of sent writes plus the commit
 * under way (the recorder's 25 ms hold comes on top); nothing sent is
 * acknowledged before it is on disk.
 * Pure: time is an argument.
 */
export const COMMIT_GAP_MS = 100;
export const MAX_COMMIT_GAP_MS = 250;
/** The gap is at least this many times the last commit's duration: commits take at most ~1/4 of the worker's time. */
export const COMMIT_SHARE = 4;
/** As many rows as one commit takes (workerMain.ts MAX_ROWS_PER_COMMIT): a full commit's worth never waits. */
export const COMMIT_AT_ROWS = 20_000;

/** Milliseconds between commit starts, given how long the last commit took. */
export function commitGap(lastCommitMs: number): number {
  return Math.min(MAX_COMMIT_GAP_MS, Math.max(COMMIT_GAP_MS, COMMIT_SHARE * lastCommitMs));
}

/** Milliseconds to wait before the next commit (0 = now), given what waits, when the last commit started and how long it took. */
export function commitDelay(pendingRows: number, lastCommitStartedAt: number, now: number, lastCommitMs = 0): number {
  if (pendingRows >= COMMIT_AT_ROWS) return 0;
  const gap = commitGap(lastCommitMs);
  return Math.max(0, Math.min(gap, lastCommitStartedAt + gap - now));
}
