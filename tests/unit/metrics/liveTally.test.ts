import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agent, Interaction } from '../../../preload/contract';
import { agentActivity, countAgent, emptyAgentCounts } from '../../../main/metrics/agentStates';
import { addLive, emptyLive } from '../../../main/metrics/liveQueues';
import { LiveTally } from '../../../main/metrics/liveTally';
import { computeMetrics } from '../../../main/metrics/snapshot';
import { defaultThresholds } from '../../../main/metrics/thresholds';
import { DAY, T0, agent, call, queue, replay, s } from './support';
import { demoMetricsFeed } from '../../support/demoMetricsFeed';

const queues = [queue('sales', 30), queue('billing', 60)];
const queueIds = ['sales', 'billing', 'gone'];

/** The counts as the metrics counted them before the tally: every agent and interaction, from scratch. */
function fromScratch(agents: Iterable<Agent>, interactions: Iterable<Interaction>, now: number) {
  const total = emptyAgentCounts();
  const byQueue = new Map(queues.map((q) => [q.id, emptyAgentCounts()]));
  for (const a of agents) {
    const act = agentActivity(a);
    countAgent(total, act);
    for (const q of new Set(a.queueIds)) {
      const c = byQueue.get(q);
      if (c) countAgent(c, act);
    }
  }
  const live = new Map(queueIds.map((q) => [q, emptyLive()]));
  for (const ix of interactions) addLive(live.get(ix.queueId ?? 'gone') ?? emptyLive(), ix, now, queues.find((q) => q.id === ix.queueId)?.slaSeconds);
  return { total, byQueue, live };
}

const agentUpdate = fc.record({
  kind: fc.constant('agent' as const),
  id: fc.constantFrom('a1', 'a2', 'a3', 'a4'),
  status: fc.constantFrom<Agent['status']>('Available', 'On Queue', 'Busy', 'Away', 'Offline'),
  queueIds: fc.subarray(queueIds),
  busy: fc.boolean(),
  acw: fc.boolean(),
  remove: fc.boolean(),
});
const interactionUpdate = fc.record({
  kind: fc.constant('interaction' as const),
  id: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5'),
  state: fc.constantFrom<Interaction['state']>('pending', 'alerting', 'connected', 'held', 'ended'),
  chat: fc.boolean(),
  queueId: fc.option(fc.constantFrom(...queueIds), { nil: undefined }),
  startedAgo: fc.integer({ min: 0, max: 600_000 }),
  deadline: fc.option(fc.integer({ min: -60_000, max: 60_000 }), { nil: undefined }),
  remove: fc.boolean(),
});

describe('LiveTally: the live counts kept per event', () => {
  it('after any sequence of agent and interaction updates and removals, equals counting everything from scratch', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(agentUpdate, interactionUpdate), { maxLength: 60 }), fc.integer({ min: 0, max: 600_000 }), (steps, later) => {
        const tally = new LiveTally();
        const agents = new Map<string, Agent>();
        const interactions = new Map<string, Interaction>();
        for (const st of steps) {
          if (st.kind === 'agent') {
            if (st.remove) {
              agents.delete(st.id);
              tally.removeAgent(st.id);
              continue;
            }
            const a = agent(st.id, st.status, {
              queueIds: st.queueIds,
              interactionIds: st.busy ? ['x'] : [],
              ...(st.acw ? { afterCallWorkSince: T0 } : {}),
            });
            agents.set(a.id, a);
            tally.updateAgent(a);
          } else {
            if (st.remove) {
              interactions.delete(st.id);
              tally.removeInteraction(st.id);
              continue;
            }
            const ix = call(st.id, st.state, T0 - st.startedAgo, {
              channel: st.chat ? 'chat' : 'voice',
              ...(st.queueId !== undefined ? { queueId: st.queueId } : { queueId: undefined }),
              ...(st.deadline !== undefined ? { slaDeadline: T0 + st.deadline } : {}),
            });
            interactions.set(ix.id, ix);
            tally.updateInteraction(ix);
          }
        }
        const now = T0 + later;
        const want = fromScratch(agents.values(), interactions.values(), now);
        expect(tally.agentsTotal()).toEqual(want.total);
        for (const [q, counts] of want.byQueue) expect(tally.agentsOf(q)).toEqual(counts);
        const gone = emptyLive();
        for (const q of [...tally.liveQueueIds()].filter((q) => q === '' || q === 'gone')) {
          const l = tally.liveOf(q, now, undefined);
          gone.waiting += l.waiting;
          gone.digitalActive += l.digitalActive;
          gone.digitalPending += l.digitalPending;
          gone.digitalPendingOverSla += l.digitalPendingOverSla;
          if (l.oldestWaitingSince !== undefined) gone.oldestWaitingSince = Math.min(gone.oldestWaitingSince ?? Infinity, l.oldestWaitingSince);
        }
        expect(gone).toEqual(want.live.get('gone'));
        for (const q of queues) expect(tally.liveOf(q.id, now, q.slaSeconds)).toEqual(want.live.get(q.id));
      }),
      { numRuns: 300 },
    );
  });

  it('computeMetrics gives the same snapshot with a kept tally as from the agents and interactions', () => {
    const agents = [agent('idle', 'On Queue'), agent('talk', 'On Queue', { interactionIds: ['c1'] }), agent('two', 'Away', { queueIds: ['sales', 'billing'] })];
    const interactions = [call('c1', 'connected', T0 - s(100)), call('w', 'pending', T0 - s(40)), call('chat', 'pending', T0 - s(90), { channel: 'chat', queueId: 'billing' })];
    const input = { log: replay([]), queues, now: T0, dayStart: DAY, thresholds: defaultThresholds, afterCallWorkReported: true };
    const scratch = computeMetrics({ ...input, agents, interactions });
    expect(computeMetrics({ ...input, tally: LiveTally.of(agents, interactions) })).toEqual(scratch);
    expect(scratch.queues[0]).toMatchObject({ waiting: 1, longestWaitMs: s(40), agents: { staffed: 3, available: 1, onContact: 1, away: 1 } });
    expect(scratch.queues[1]).toMatchObject({ digitalPending: 1, agents: { staffed: 1, away: 1 } });
  });
});

describe('MetricsFeed keeps its live counts from the events it is given', () => {
  it('over 6 demo minutes at 200 agents and 50 changes a second, every snapshot equals one counted from scratch', async () => {
    const { clock, demo, mirror, feed } = await demoMetricsFeed({ agents: 200, changesPerSecond: 50, seed: 7 });
    feed.observe(mirror.interactions.values(), clock.now(), 'initial');
    feed.compute();
    demo.subscribe((e) => {
      mirror.apply(e, clock.now());
      if (e.type === 'interactions') feed.observe(e.interactions, clock.now());
      if (e.type === 'interactionsRemoved') feed.forget(e.ids);
      if (e.type === 'agents') feed.observeAgents(e.agents);
      if (e.type === 'agentsRemoved') feed.forgetAgents(e.ids);
    });
    let compared = 0;
    try {
      for (let sec = 1; sec <= 6 * 60; sec++) {
        clock.advance(1000);
        const kept = feed.compute();
        if (sec % 30 !== 0 || !kept) continue;
        const live = computeMetrics({
          log: replay([]),
          agents: mirror.agents.values(),
          interactions: mirror.interactions.values(),
          queues: mirror.queues.values(),
          now: kept.at,
          dayStart: kept.dayStart,
          thresholds: defaultThresholds,
          afterCallWorkReported: true,
        });
        const nowCounts = (m: typeof kept) => [m.total, ...m.queues].map((r) => [r.waiting, r.longestWaitMs, r.agents, r.digitalActive, r.digitalPending]);
        expect(nowCounts(kept)).toEqual(nowCounts(live));
        compared++;
      }
    } finally {
      await demo.stop();
    }
    expect(compared).toBe(12);
  });
});
