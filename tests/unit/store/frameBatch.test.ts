/**
 * What main sends is applied once per frame (issue 15 item 1): never later than
 * the next frame (or the fallback timer when the page does not render), never
 * lost, never reordered, and an action dispatched directly sees everything that
 * arrived before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFrameBatch, type FrameScheduler } from '../../../renderer/src/store/frameBatch';

/** A manual clock with a 60 Hz screen (frames at 16, 32, ... ms) that can be switched off (hidden page). */
function manualScreen(framesOn = true) {
  let now = 0;
  let frames: Array<() => void> = [];
  const timers: Array<{ at: number; run: () => void; live: boolean }> = [];
  const scheduler: FrameScheduler = {
    requestFrame: (run) => frames.push(run),
    setTimer: (run, ms) => {
      const t = { at: now + ms, run, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (handle) => ((handle as { live: boolean }).live = false),
  };
  const screen = {
    scheduler,
    framesOn,
    now: () => now,
    /** Advances time by 1 ms: due timers fire, and a frame runs on each 16 ms boundary while the screen renders. */
    tick() {
      now++;
      for (const t of timers.filter((t) => t.live && t.at <= now)) {
        t.live = false;
        t.run();
      }
      if (screen.framesOn && now % 16 === 0) {
        const due = frames;
        frames = [];
        for (const run of due) run();
      }
    },
  };
  return screen;
}

describe('frame batch', () => {
  it('applies a frame’s messages together at the next frame, in order', () => {
    const screen = manualScreen();
    const applied: number[][] = [];
    const batch = createFrameBatch<number>((a) => applied.push([...a]), screen.scheduler);
    screen.tick(); // t = 1
    batch.push(1);
    batch.push(2);
    batch.push(3);
    expect(applied).toEqual([]); // not on arrival
    while (screen.now() < 16) screen.tick();
    expect(applied).toEqual([[1, 2, 3]]); // one store update for all three, at the frame
    batch.push(4);
    while (screen.now() < 32) screen.tick();
    expect(applied).toEqual([[1, 2, 3], [4]]);
  });

  it('a page that does not render still gets every message, within maxDelayMs', () => {
    const screen = manualScreen(false);
    const applied: Array<{ at: number; actions: string[] }> = [];
    const batch = createFrameBatch<string>((a) => applied.push({ at: screen.now(), actions: [...a] }), screen.scheduler, 100);
    batch.push('a');
    for (let i = 0; i < 99; i++) screen.tick();
    expect(applied).toEqual([]);
    screen.tick();
    expect(applied).toEqual([{ at: 100, actions: ['a'] }]);
  });

  it('flush applies what is pending at once (a direct dispatch keeps the arrival order), and the frame then has nothing to do', () => {
    const screen = manualScreen();
    const applied: string[][] = [];
    const batch = createFrameBatch<string>((a) => applied.push([...a]), screen.scheduler);
    batch.push('delta');
    batch.flush();
    applied.push(['click']);
    for (let i = 0; i < 200; i++) screen.tick();
    expect(applied).toEqual([['delta'], ['click']]);
  });

  it('any stream of messages, frames and flushes: nothing lost, nothing reordered, none waits past the next frame or the timer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('push' as const), fc.constant('flush' as const), fc.integer({ min: 1, max: 40 })), { maxLength: 200 }),
        fc.boolean(),
        (steps, framesOn) => {
          const screen = manualScreen(framesOn);
          const pushedAt = new Map<number, number>();
          const applied: number[] = [];
          const waited: number[] = [];
          const batch = createFrameBatch<number>(
            (actions) => {
              for (const a of actions) {
                applied.push(a);
                waited.push(screen.now() - (pushedAt.get(a) ?? 0));
              }
            },
            screen.scheduler,
            100,
          );
          let next = 0;
          for (const step of steps) {
            if (step === 'push') {
              pushedAt.set(next, screen.now());
              batch.push(next++);
            } else if (step === 'flush') batch.flush();
            else for (let i = 0; i < step; i++) screen.tick();
          }
          for (let i = 0; i < 100; i++) screen.tick();
          expect(applied).toEqual([...Array(next).keys()]);
          // At most one frame (16 ms) when the screen renders, at most the timer when it does not.
          for (const w of waited) expect(w).toBeLessThanOrEqual(framesOn ? 16 : 100);
        },
      ),
    );
  });
});
