import { describe, expect, it } from 'vitest';
import { COMMIT_AT_ROWS, commitDelay, commitGap, MAX_COMMIT_GAP_MS } from '../../../main/cache/worker/commitPacing';

// The cache worker's commit pacing (issue 15): light load keeps the 100 ms pace and its
// short window before a write is on disk; commits that take long (a busy site: thousands
// of rows, ~1,100 encrypted pages each) stretch the gap, never beyond 250 ms.
describe('commit pacing', () => {
  it('keeps 100 ms between commits while commits are quick', () => {
    expect(commitGap(3)).toBe(100);
    expect(commitDelay(10, 1_000, 1_040, 3)).toBe(60);
  });

  it('stretches the gap to four times a slow commit, and never beyond 250 ms', () => {
    expect(commitGap(40)).toBe(160);
    expect(commitDelay(10, 1_000, 1_040, 40)).toBe(120);
    expect(commitGap(5_000)).toBe(MAX_COMMIT_GAP_MS);
    expect(commitDelay(10, 1_000, 1_000, 5_000)).toBe(MAX_COMMIT_GAP_MS);
  });

  it('commits at once after a quiet spell, or when a full commit is waiting', () => {
    expect(commitDelay(1, 1_000, 5_000, 200)).toBe(0);
    expect(commitDelay(COMMIT_AT_ROWS, 1_000, 1_001, 200)).toBe(0);
  });
});
