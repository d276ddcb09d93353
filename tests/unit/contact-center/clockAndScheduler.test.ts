import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/contact-center/demo';
import { Rng } from '../../../main/contact-center/demo/random';
import { Scheduler } from '../../../main/contact-center/demo/scheduler';

describe('demo time and randomness', () => {
  it('the manual clock fires timers in time order, each at its own time', () => {
    const clock = new ManualClock(1000);
    const fired: Array<[string, number]> = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 200);
    const a = clock.setTimeout(() => fired.push(['x', clock.now()]), 50);
    clock.setTimeout(() => {
      fired.push(['a', clock.now()]);
      clock.setTimeout(() => fired.push(['c', clock.now()]), 10);
    }, 100);
    clock.clearTimeout(a);
    clock.advance(150);
    expect(fired).toEqual([
      ['a', 1100],
      ['c', 1110],
    ]);
    expect(clock.now()).toBe(1150);
    clock.advance(100);
    expect(fired.at(-1)).toEqual(['b', 1200]);
  });

  it('the scheduler runs due tasks by time, then by insertion', () => {
    const rng = new Rng(5);
    const scheduler = new Scheduler();
    const expected: Array<[number, number]> = [];
    for (let i = 0; i < 500; i++) {
      const at = rng.int(0, 50);
      expected.push([at, i]);
    }
    const ran: Array<[number, number]> = [];
    for (const [at, i] of expected) scheduler.at(at, () => ran.push([at, i]));
    expect(scheduler.runDue(25)).toBe(expected.filter(([at]) => at <= 25).length);
    scheduler.runDue(100);
    expected.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(ran).toEqual(expected);
  });

  it('the PRNG is seedable and uniform enough', () => {
    const a = new Rng(123);
    const b = new Rng(123);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(new Rng(124).next()).not.toBe(new Rng(123).next());
  });
});
