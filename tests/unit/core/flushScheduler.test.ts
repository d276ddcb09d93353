/**
 * A change reaches the screen right after its burst of connector events, not
 * up to 50 ms later; a flood still costs at most one delta per frame.
 */
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
});
