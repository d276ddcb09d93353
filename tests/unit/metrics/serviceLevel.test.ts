import { describe, expect, it } from 'vitest';
import { T0, call, metricsAt, replay, s } from './support';

// Sales answers within 30 s. Formula: answered within / (answered + abandoned after threshold) × 100.
describe('service level, abandons and speed of answer from a call sequence', () => {
  // c1 answered after 10 s (within), c2 after 50 s (late), c3 hangs up after 20 s (inside the threshold:
  // left out of SL), c4 hangs up after 45 s (after it: counts against SL).
  const log = replay([
    [T0, call('c1', 'pending', T0)],
    [T0 + s(4), call('c1', 'alerting', T0)],
    [T0 + s(10), call('c1', 'connected', T0)],
    [T0, call('c2', 'pending', T0)],
    [T0 + s(50), call('c2', 'connected', T0)],
    [T0 + s(1), call('c3', 'pending', T0 + s(1))],
    [T0 + s(21), call('c3', 'ended', T0 + s(1), { endedAt: T0 + s(21) })],
    [T0 + s(2), call('c4', 'pending', T0 + s(2))],
    [T0 + s(47), call('c4', 'ended', T0 + s(2), { endedAt: T0 + s(47) })],
  ]);
  const today = metricsAt(log, T0 + s(60)).queues[0]?.intervals.today;

  it('counts answered and abandoned calls', () => {
    expect(today).toMatchObject({ answered: 2, abandoned: 2 });
  });

  it('service level is 1 of (2 answered + 1 abandoned after threshold) = 33.3 %', () => {
    expect(today?.serviceLevelPercent).toBe(33.3);
  });

  it('abandon rate is 2 of 4 offered = 50 %', () => {
    expect(today?.abandonRatePercent).toBe(50);
  });

  it('average speed of answer is the mean wait of answered calls (10 s and 50 s → 30 s)', () => {
    expect(today?.averageSpeedOfAnswerMs).toBe(s(30));
  });

  it('flags the service level and abandon rate under/over their default thresholds (80 %, 5 %)', () => {
    expect(today?.breached).toEqual(expect.arrayContaining(['serviceLevel', 'abandonRate']));
    expect(today?.breached).not.toContain('averageSpeedOfAnswer');
  });

  it('an abandon inside the threshold alone leaves service level undefined, not 0 or 100', () => {
    const only = replay([
      [T0, call('a', 'pending', T0)],
      [T0 + s(5), call('a', 'ended', T0, { endedAt: T0 + s(5) })],
    ]);
    const m = metricsAt(only, T0 + s(10)).total.intervals.today;
    expect(m.abandoned).toBe(1);
    expect(m.serviceLevelPercent).toBeUndefined();
  });

  it('a call answered exactly at the threshold is within it', () => {
    const edge = replay([
      [T0, call('e', 'pending', T0)],
      [T0 + s(30), call('e', 'connected', T0)],
    ]);
    expect(metricsAt(edge, T0 + s(40)).total.intervals.today.serviceLevelPercent).toBe(100);
  });

  it('a call first reported already answered (queued and answered between two events) counts with its wait so far', () => {
    const quick = replay([[T0 + s(40), call('q', 'connected', T0)]]);
    expect(metricsAt(quick, T0 + s(50)).total.intervals.today).toMatchObject({ answered: 1, averageSpeedOfAnswerMs: s(40), serviceLevelPercent: 0 });
  });

  it('counts an answer once even when the call is held and resumed', () => {
    const held = replay([
      [T0, call('h', 'pending', T0)],
      [T0 + s(5), call('h', 'connected', T0)],
      [T0 + s(20), call('h', 'held', T0)],
      [T0 + s(40), call('h', 'connected', T0)],
    ]);
    expect(metricsAt(held, T0 + s(60)).total.intervals.today.answered).toBe(1);
  });
});
