import { describe, expect, it } from 'vitest';
import { T0, call, metricsAt, replay, s } from './support';

describe('average handle time across holds and transfers', () => {
  it('counts from answer to end, hold time included', () => {
    const log = replay([
      [T0, call('h', 'pending', T0)],
      [T0 + s(10), call('h', 'connected', T0)],
      [T0 + s(70), call('h', 'held', T0)],
      [T0 + s(100), call('h', 'connected', T0)],
      [T0 + s(190), call('h', 'ended', T0, { endedAt: T0 + s(190) })],
    ]);
    expect(metricsAt(log, T0 + s(200)).total.intervals.today).toMatchObject({ handled: 1, averageHandleTimeMs: s(180) });
  });

  it('an agent-to-agent transfer and a consult are one contact handled once', () => {
    const log = replay([
      [T0, call('t', 'pending', T0)],
      [T0 + s(5), call('t', 'connected', T0)],
      [T0 + s(65), call('t', 'consult', T0)],
      [T0 + s(95), call('t', 'connected', T0)],
      [T0 + s(125), call('t', 'transferring', T0)],
      [T0 + s(130), call('t', 'connected', T0)],
      [T0 + s(305), call('t', 'ended', T0, { endedAt: T0 + s(305) })],
    ]);
    expect(metricsAt(log, T0 + s(310)).total.intervals.today).toMatchObject({ answered: 1, handled: 1, averageHandleTimeMs: s(300) });
  });

  it('time back in a queue after a transfer to a queue is not handle time', () => {
    const log = replay([
      [T0, call('q', 'pending', T0)],
      [T0 + s(10), call('q', 'connected', T0)],
      [T0 + s(70), call('q', 'pending', T0)],
      [T0 + s(100), call('q', 'connected', T0)],
      [T0 + s(160), call('q', 'ended', T0, { endedAt: T0 + s(160) })],
    ]);
    // 60 s with the first agent + 60 s with the second; the 30 s waiting again is left out.
    expect(metricsAt(log, T0 + s(200)).total.intervals.today.averageHandleTimeMs).toBe(s(120));
  });

  it('averages over calls (120 s and 240 s → 180 s); a call already up when first seen is not counted', () => {
    const log = replay([
      [T0, call('a', 'pending', T0)],
      [T0, call('a', 'connected', T0)],
      [T0 + s(120), call('a', 'ended', T0, { endedAt: T0 + s(120) })],
      [T0, call('b', 'pending', T0)],
      [T0, call('b', 'connected', T0)],
      [T0 + s(240), call('b', 'ended', T0, { endedAt: T0 + s(240) })],
    ]);
    const sla = () => 30;
    log.observe(call('midway', 'connected', T0 - s(500)), T0, sla, 'initial');
    log.observe(call('midway', 'ended', T0 - s(500), { endedAt: T0 + s(10) }), T0 + s(10), sla);
    expect(metricsAt(log, T0 + s(300)).total.intervals.today).toMatchObject({ answered: 2, handled: 2, averageHandleTimeMs: s(180) });
  });
});
