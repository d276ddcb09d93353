import { describe, expect, it } from 'vitest';
import { defaultAlertRules } from '../../../main/alerts/rules';
import { agent, call, conditionsAt, metricsAt, min, person, play, replay, s, T0 } from './support';

const alex = person('c1-agent', 'agent', 'Alex Kim', { agentId: 'agent-1', joinedAt: T0 });
const jen = person('c1-customer', 'customer', 'Jennifer Morales', { joinedAt: T0 });
const connected = (id: string, at: number, extra = {}) => call(id, 'connected', at, { participants: [{ ...jen, id: `${id}-customer` }, { ...alex, id: `${id}-agent`, joinedAt: at }], ...extra });
const held = (id: string, at: number) => {
  const ix = connected(id, at);
  return { ...ix, state: 'held' as const, participants: ix.participants.map((p) => (p.role === 'customer' ? { ...p, state: 'held' as const } : p)) };
};

describe('long hold (timed from the update that put the call on hold)', () => {
  it('a hold of 59 s is quiet, at 60 s it alerts with who and how long', () => {
    const { interactions, holdSince } = play([
      [T0, connected('c1', T0)],
      [T0 + s(30), held('c1', T0)],
    ]);
    expect(conditionsAt(T0 + s(89), { interactions, holdSince })).toEqual([]);
    const [c] = conditionsAt(T0 + s(90), { interactions, holdSince });
    expect(c).toMatchObject({
      key: 'longHold:c1',
      kind: 'longHold',
      subject: { interactionId: 'c1', agentId: 'agent-1', queueId: 'sales' },
      title: "Long hold: Alex Kim's call with Jennifer Morales",
      text: 'The customer has been on hold for 1 min (alert after 1 min).',
    });
  });

  it('resumed and held again: the hold clock starts over', () => {
    const { interactions, holdSince } = play([
      [T0, held('c1', T0)],
      [T0 + s(50), connected('c1', T0)],
      [T0 + s(55), held('c1', T0)],
    ]);
    expect(conditionsAt(T0 + s(100), { interactions, holdSince })).toEqual([]);
    expect(conditionsAt(T0 + s(115), { interactions, holdSince }).map((c) => c.key)).toEqual(['longHold:c1']);
  });

  it('a consult that holds the customer counts as hold', () => {
    const consult = { ...connected('c1', T0), state: 'consult' as const, participants: [{ ...jen, id: 'c1-customer', state: 'held' as const }, { ...alex, id: 'c1-agent' }] };
    const { interactions, holdSince } = play([[T0, consult]]);
    expect(conditionsAt(T0 + min(2), { interactions, holdSince }).map((c) => c.kind)).toEqual(['longHold']);
  });
});

describe('long call, long wait, assistance, free to monitor', () => {
  it('a call answered 15 minutes ago alerts as long (from the answer, not the queue entry)', () => {
    const ix = connected('c1', T0 - min(2));
    ix.participants = ix.participants.map((p) => (p.role === 'agent' ? { ...p, joinedAt: T0 } : p));
    expect(conditionsAt(T0 + min(15) - 1, { interactions: [ix] })).toEqual([]);
    expect(conditionsAt(T0 + min(15), { interactions: [ix] })[0]).toMatchObject({ key: 'longCall:c1', text: 'On the call for 15 min (alert after 15 min).' });
  });

  it('a call still queued after 2 minutes alerts as a long wait, naming the queue; once answered it does not', () => {
    const waiting = call('c2', 'pending', T0, { participants: [jen] });
    expect(conditionsAt(T0 + min(2), { interactions: [waiting] })[0]).toMatchObject({
      key: 'longWait:c2',
      title: 'Long wait: Call from Jennifer Morales',
      text: 'Waiting in Sales for 2 min (alert after 2 min).',
    });
    expect(conditionsAt(T0 + min(3), { interactions: [connected('c2', T0)] }).filter((c) => c.kind === 'longWait')).toEqual([]);
  });

  it('an assistance flag alerts until the supervisor clears it', () => {
    const chat = { ...connected('chat-1', T0), channel: 'webMessaging' as const, assistanceRequested: true, assistanceRequestedAt: T0 };
    expect(conditionsAt(T0 + s(5), { interactions: [chat] })[0]).toMatchObject({
      key: 'assistance:chat-1',
      title: "Assistance requested: Alex Kim's web messaging with Jennifer Morales",
      text: 'The agent asked for help 5 s ago.',
    });
    expect(conditionsAt(T0 + s(6), { interactions: [{ ...chat, assistanceRequested: false }] })).toEqual([]);
  });

  it('free to monitor: only for a wanted conversation, once nobody else holds its lock', () => {
    const lock = { supervisorId: 'sup-2', supervisorName: 'Dana Reyes', mode: 'monitor' as const, since: T0 };
    const chat = { ...connected('chat-2', T0), channel: 'chat' as const, monitorLock: lock };
    const wantedLocks = new Set(['chat-2']);
    expect(conditionsAt(T0, { interactions: [chat], wantedLocks })).toEqual([]);
    const { monitorLock: _released, ...free } = chat;
    expect(conditionsAt(T0, { interactions: [free], wantedLocks }).map((c) => c.key)).toEqual(['lockReleased:chat-2']);
    expect(conditionsAt(T0, { interactions: [free] })).toEqual([]);
    // My own lock is not someone else's: the conversation is mine to monitor.
    expect(conditionsAt(T0, { interactions: [{ ...chat, monitorLock: { ...lock, supervisorId: 'sup-1' } }], wantedLocks }).map((c) => c.kind)).toEqual(['lockReleased']);
  });
});

describe('agent in a state too long', () => {
  it('Away or Busy for 15 minutes, or after-call work that long, alerts; On Queue and Offline never do', () => {
    const agents = [
      agent('a-away', 'Away', { name: 'Wei Chen', statusSince: T0 }),
      agent('a-busy', 'Busy', { statusSince: T0 + s(1) }),
      agent('a-acw', 'On Queue', { name: 'Tom Becker', afterCallWorkSince: T0 }),
      agent('a-idle', 'On Queue', { statusSince: T0 - min(60) }),
      agent('a-off', 'Offline', { statusSince: T0 - min(60) }),
    ];
    const got = conditionsAt(T0 + min(15), { agents });
    expect(got.map((c) => c.key)).toEqual(['agentStuck:a-away', 'agentStuck:a-acw']);
    expect(got[0]).toMatchObject({ title: 'Wei Chen: Away for 15 min', subject: { agentId: 'a-away' } });
    expect(got[1]?.text).toBe('Tom Becker has been in after-call work for 15 min (alert after 15 min).');
  });
});

describe('service level below target (the metrics thresholds, over the chosen interval)', () => {
  it('two of three calls answered after the 30 s threshold in the last 30 min: 33% < 80% alerts; today, with earlier good calls, it does not', () => {
    const answered = (id: string, queuedAt: number, answeredAt: number) => [
      [queuedAt, call(id, 'pending', queuedAt)],
      [answeredAt, call(id, 'connected', queuedAt)],
    ] as const;
    const steps = [
      ...Array.from({ length: 10 }, (_, i) => answered(`early-${i}`, T0 + s(i), T0 + s(i) + s(5))).flat(),
      ...answered('late-1', T0 + min(60), T0 + min(60) + s(45)),
      ...answered('late-2', T0 + min(61), T0 + min(61) + s(50)),
      ...answered('ok', T0 + min(62), T0 + min(62) + s(10)),
    ];
    const metrics = metricsAt(replay(steps), T0 + min(65));
    const got = conditionsAt(T0 + min(65), { metrics });
    expect(got).toEqual([
      {
        key: 'slaBreach:sales',
        kind: 'slaBreach',
        subject: { queueId: 'sales' },
        title: 'Service level below target: sales',
        text: 'sales: 33% answered within 30 s, last 30 min (target 80%).',
      },
    ]);
    expect(conditionsAt(T0 + min(65), { metrics, rules: { ...defaultAlertRules, slaBreach: { enabled: true, interval: 'today' } } })).toEqual([]);
  });
});

describe('every alert can be turned off', () => {
  it('with every rule off nothing alerts', () => {
    const off = Object.fromEntries(Object.entries(defaultAlertRules).map(([k, v]) => [k, { ...v, enabled: false }])) as typeof defaultAlertRules;
    const { interactions, holdSince } = play([[T0, held('c1', T0 - min(30))]]);
    const chat = { ...connected('chat-1', T0), channel: 'chat' as const, assistanceRequested: true };
    expect(conditionsAt(T0 + min(30), { rules: off, interactions: [...interactions, chat], holdSince, agents: [agent('a', 'Away')], wantedLocks: new Set(['chat-1']) })).toEqual([]);
    expect(conditionsAt(T0 + min(30), { interactions: [...interactions, chat], holdSince, agents: [agent('a', 'Away')], wantedLocks: new Set(['chat-1']) }).map((c) => c.kind).sort()).toEqual(
      ['agentStuck', 'assistance', 'lockReleased', 'longCall', 'longHold'],
    );
  });
});
