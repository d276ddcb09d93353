import { describe, expect, it } from 'vitest';
import { DAY, T0, call, metricsAt, min, replay, s } from './support';

/** One call answered after `waitS` seconds, answered at `at`. */
const answeredAt = (id: string, at: number, waitS: number) =>
  [
    [at - s(waitS), call(id, 'pending', at - s(waitS))],
    [at, call(id, 'connected', at - s(waitS))],
  ] as const;

describe('sliding windows and today', () => {
  // Answered at 9:00 (late), 9:40 (late), 9:50 (within), 9:58 (within); now is 10:00.
  const log = replay([
    ...answeredAt('a', T0, 60),
    ...answeredAt('b', T0 + min(40), 45),
    ...answeredAt('c', T0 + min(50), 5),
    ...answeredAt('d', T0 + min(58), 15),
  ]);
  const now = T0 + min(60);
  const m = metricsAt(log, now).total.intervals;

  it('each window counts only calls answered in it', () => {
    expect([m['15m'].answered, m['30m'].answered, m['60m'].answered, m.today.answered]).toEqual([2, 3, 4, 4]);
  });

  it('service level follows the window: 100 % in 15 min, 66.7 % in 30, 50 % in 60 and today', () => {
    expect([m['15m'].serviceLevelPercent, m['30m'].serviceLevelPercent, m['60m'].serviceLevelPercent, m.today.serviceLevelPercent]).toEqual([100, 66.7, 50, 50]);
  });

  it('a call answered 61 minutes ago has left the 60-minute window but stays in today', () => {
    const later = metricsAt(log, now + min(1)).total.intervals;
    expect([later['60m'].answered, later.today.answered]).toEqual([3, 4]);
  });

  it('a window never reaches before midnight: a new day starts from zero', () => {
    const early = replay([...answeredAt('late', DAY - min(5), 10), ...answeredAt('early', DAY + min(5), 10)]);
    const m2 = metricsAt(early, DAY + min(10)).total.intervals;
    expect([m2['15m'].answered, m2.today.answered]).toEqual([1, 1]);
  });
});
