/**
 * A change reaches the screen right after its burst of connector events, not
 * up to 50 ms later; a flood still costs at most one delta per frame.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlushScheduler } from '../../../main/core/flushScheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('FlushScheduler', () => {
  it('flushes once after a burst, without waiting for an interval', () => {
    const flush = vi.fn();
    const s = new FlushScheduler(flush, 16, () => Date.now());
    for (let i = 0; i < 40; i++) s.changed();
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('sends at most one delta per frame under a steady flood', () => {
    const flush = vi.fn();
    const s = new FlushScheduler(flush, 16, () => Date.now());
    // 1000 changes a second for one second, one every millisecond.
    for (let t = 0; t < 1000; t++) {
      s.changed();
      vi.advanceTimersByTime(1);
    }
    expect(flush.mock.calls.length).toBeGreaterThan(50);
    expect(flush.mock.calls.length).toBeLessThanOrEqual(1000 / 16 + 1);
  });

  it('a change after a quiet spell goes out at once', () => {
    const flush = vi.fn();
    const s = new FlushScheduler(flush, 16, () => Date.now());
    s.changed();
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(500);
    s.changed();
    vi.advanceTimersByTime(0);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('stop cancels a pending flush', () => {
    const flush = vi.fn();
    const s = new FlushScheduler(flush, 16, () => Date.now());
    s.changed();
    s.stop();
    vi.advanceTimersByTime(100);
    expect(flush).not.toHaveBeenCalled();
  });

  it('any stream of changes on a manual clock: each goes out within one frame, deltas at least a frame apart, none left behind', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 150 }), (gaps) => {
        vi.setSystemTime(0);
        const flushes: number[] = [];
        const s = new FlushScheduler(() => flushes.push(Date.now()), 16, () => Date.now());
        const changes: number[] = [];
        for (const gap of gaps) {
          vi.advanceTimersByTime(gap);
          changes.push(Date.now());
          s.changed();
        }
        vi.advanceTimersByTime(100);
        s.stop();
        // Every change has a flush at or after it, at most one frame later (nothing waits longer, nothing is lost).
        for (const at of changes) {
          const next = flushes.find((f) => f >= at);
          expect(next, `change at ${at}`).toBeDefined();
          expect(next! - at).toBeLessThanOrEqual(16);
        }
        for (let i = 1; i < flushes.length; i++) expect(flushes[i]! - flushes[i - 1]!).toBeGreaterThanOrEqual(16);
      }),
      { numRuns: 200 },
    );
  });
});
