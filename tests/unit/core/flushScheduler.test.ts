/**
 * A change reaches the screen right after its burst of connector events, not
 * up to 50 ms later, nor behind other work already waiting in main; a flood
 * still costs at most one delta per frame.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlushScheduler } from '../../../main/core/flushScheduler';

afterEach(() => vi.useRealTimers());

describe('FlushScheduler', () => {
  it('flushes once after a burst, without waiting for an interval', async () => {
    vi.useFakeTimers();
    const flush = vi.fn();
    const s = new FlushScheduler(flush, 16, () => Date.now());
    for (let i = 0; i < 40; i++) s.changed();
    expect(flush).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('sends right after the task the changes came in, ahead of timers and reads already due', async () => {
    const order: string[] = [];
    const s = new FlushScheduler(() => order.push('delta sent'), 16);
    // Other work main already has queued (the demo's typing traffic, metrics, a socket read).
    setTimeout(() => order.push('other work'), 0);
    setImmediate(() => order.push('other work'));
    for (let i = 0; i < 3; i++) s.changed(); // one connector turn
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['delta sent', 'other work', 'other work']);
  });

  it('sends at most one delta per frame under a steady flood', async () => {
    vi.useFakeTimers();
    const flush = vi.fn();
    const s = new FlushScheduler(flush, 16, () => Date.now());
    // 1000 changes a second for one second, one every millisecond.
    for (let t = 0; t < 1000; t++) {
      s.changed();
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(flush.mock.calls.length).toBeGreaterThan(50);
    expect(flush.mock.calls.length).toBeLessThanOrEqual(1000 / 16 + 1);
  });

  it('a change after a quiet spell goes out at once', async () => {
    vi.useFakeTimers();
    const flush = vi.fn();
    const s = new FlushScheduler(flush, 16, () => Date.now());
    s.changed();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(500);
    s.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('stop cancels a pending flush, whether due at once or on the frame timer', async () => {
    vi.useFakeTimers();
    const flush = vi.fn();
    const s = new FlushScheduler(flush, 16, () => Date.now());
    s.changed();
    s.stop();
    await vi.advanceTimersByTimeAsync(100);
    expect(flush).not.toHaveBeenCalled();
    s.changed(); // after a stop: due at once again
    await vi.advanceTimersByTimeAsync(0);
    s.changed(); // within the frame: on the timer
    s.stop();
    await vi.advanceTimersByTimeAsync(100);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
