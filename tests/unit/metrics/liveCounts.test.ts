import { describe, expect, it } from 'vitest';
import { T0, agent, call, metricsAt, queue, replay, s } from './support';

describe('live counts: waiting, staffing, digital', () => {
  it('waiting counts unanswered calls (queued or ringing); longest wait is the oldest one', () => {
    const interactions = [call('q', 'pending', T0), call('r', 'alerting', T0 + s(20)), call('talk', 'connected', T0 - s(300))];
    const row = metricsAt(replay([]), T0 + s(45), { interactions }).queues[0];
    expect(row).toMatchObject({ waiting: 2, longestWaitMs: s(45) });
    // Sales answers within 30 s: a 45 s wait is past it.
    expect(row?.intervals.today.breached).toContain('longestWait');
  });

  it('staffed = logged in; each agent counted once as available, on contact, after-call work or away', () => {
    const agents = [
      agent('idle', 'On Queue'),
      agent('talking', 'On Queue', { interactionIds: ['x'] }),
      agent('wrapping', 'On Queue', { afterCallWorkSince: T0 }),
      agent('lunch', 'Away'),
      agent('busy', 'Busy'),
      agent('gone', 'Offline'),
    ];
    expect(metricsAt(replay([]), T0, { agents }).queues[0]?.agents).toEqual({ staffed: 5, available: 1, onContact: 1, afterCallWork: 1, away: 2 });
  });

  it('an agent in two queues counts in both and once in the total', () => {
    const queues = [queue('sales', 30), queue('billing', 60)];
    const m = metricsAt(replay([]), T0, { agents: [agent('both', 'On Queue', { queueIds: ['sales', 'billing'] })], queues });
    expect([m.queues[0]?.agents.staffed, m.queues[1]?.agents.staffed, m.total.agents.staffed]).toEqual([1, 1, 1]);
  });

  it('digital: active, pending, and SLA missed = answered late + abandoned late + waiting past the deadline now', () => {
    const chat = (id: string, state: 'pending' | 'connected' | 'ended', startedAt: number, extra = {}) =>
      call(id, state, startedAt, { channel: 'chat', slaDeadline: startedAt + s(30), ...extra });
    const log = replay([
      [T0, chat('late', 'pending', T0)],
      [T0 + s(40), chat('late', 'connected', T0)],
      [T0, chat('ontime', 'pending', T0)],
      [T0 + s(10), chat('ontime', 'connected', T0)],
      [T0, chat('gaveup', 'pending', T0)],
      [T0 + s(50), chat('gaveup', 'ended', T0, { endedAt: T0 + s(50) })],
    ]);
    const interactions = [chat('late', 'connected', T0), chat('ontime', 'connected', T0), chat('waiting', 'pending', T0 + s(10)), chat('new', 'pending', T0 + s(55))];
    const row = metricsAt(log, T0 + s(60), { interactions }).queues[0];
    expect(row).toMatchObject({ digitalActive: 2, digitalPending: 2 });
    expect(row?.intervals.today.digitalSlaMissed).toBe(3);
    // Digital conversations are not voice calls: they stay out of answered/abandoned and service level.
    expect(row?.intervals.today).toMatchObject({ answered: 0, abandoned: 0 });
    expect(row?.intervals.today.serviceLevelPercent).toBeUndefined();
    expect(row?.waiting).toBe(0);
  });
});

describe('reconnects', () => {
  it('a contact that ended while Spyglass was offline is forgotten, not counted as answered late or abandoned', () => {
    const log = replay([[T0, call('gone', 'pending', T0)]]);
    expect(log.openCount).toBe(1);
    log.keepOnly(new Set());
    log.observe(call('gone', 'ended', T0, { endedAt: T0 + s(500) }), T0 + s(600), () => 30);
    expect(log.openCount).toBe(0);
    expect(metricsAt(log, T0 + s(700)).total.intervals.today.abandoned).toBe(0);
  });
});
