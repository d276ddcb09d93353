import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../preload/contract';
import type { IntervalMetrics } from '../../../preload/contract/metrics';
import { ContactLog } from '../../../main/metrics/contactLog';
import { averageHandleTimeMs, serviceLevelPercent } from '../../../main/metrics/formulas';
import { addTotals, emptyTotals } from '../../../main/metrics/outcomes';
import { DAY, T0, agent, call, metricsAt, replay, s } from './support';

const states: Interaction['state'][] = ['pending', 'alerting', 'connected', 'held', 'transferring', 'consult', 'conference', 'ended'];

/** Any sequence of updates for a few calls and chats, in time order, however odd the transitions. */
const updates = fc
  .array(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      dt: fc.integer({ min: 0, max: 20 * 60_000 }),
      state: fc.constantFrom(...states),
      chat: fc.boolean(),
      startedAgo: fc.integer({ min: 0, max: 3_600_000 }),
    }),
    { maxLength: 80 },
  )
  .map((steps) => {
    let at = T0;
    return steps.map(({ id, dt, state, chat, startedAgo }) => {
      at += dt;
      const ix = call(id, state, Math.max(DAY, at - startedAgo), {
        channel: chat ? 'chat' : 'voice',
        ...(state === 'ended' ? { endedAt: at } : {}),
        ...(chat ? { slaDeadline: at - startedAgo + s(30) } : {}),
      });
      return [at, ix] as const;
    });
  });

const numbers = (m: IntervalMetrics) => Object.values(m).filter((v): v is number => typeof v === 'number');

describe('metrics properties on arbitrary event sequences', () => {
  it('are never negative, percentages stay in 0..100, and every window is within today', () => {
    fc.assert(
      fc.property(updates, fc.integer({ min: 0, max: 7_200_000 }), (steps, after) => {
        const log = replay(steps);
        const last = steps.at(-1)?.[0] ?? T0;
        const m = metricsAt(log, last + after, {
          interactions: steps.map(([, ix]) => ix).filter((ix) => ix.state !== 'ended'),
          agents: [agent('x', 'On Queue'), agent('y', 'Away', { interactionIds: ['a'] })],
        });
        for (const row of [m.total, ...m.queues]) {
          expect(row.waiting).toBeGreaterThanOrEqual(0);
          expect(row.longestWaitMs).toBeGreaterThanOrEqual(0);
          const { today, '15m': w15, '30m': w30, '60m': w60 } = row.intervals;
          for (const i of [today, w15, w30, w60]) {
            for (const n of numbers(i)) expect(n).toBeGreaterThanOrEqual(0);
            for (const p of [i.serviceLevelPercent, i.abandonRatePercent]) if (p !== undefined) expect(p).toBeLessThanOrEqual(100);
          }
          for (const [small, big] of [
            [w15, w30],
            [w30, w60],
            [w60, today],
          ] as const) {
            expect(small.answered).toBeLessThanOrEqual(big.answered);
            expect(small.abandoned).toBeLessThanOrEqual(big.abandoned);
            expect(small.handled).toBeLessThanOrEqual(big.handled);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('windows kept incrementally (asked every few minutes) equal a plain sum of the records in the window', () => {
    /** The oracle: a fresh log whose "today" starts where the window starts sums exactly the window's records. */
    const summedFrom = (steps: ReadonlyArray<readonly [number, Interaction]>, from: number) => {
      const log = new ContactLog();
      log.startDay(from);
      for (const [at, ix] of steps) log.observe(ix, at, () => 30);
      const t = emptyTotals();
      for (const q of log.todayTotals().values()) addTotals(t, q);
      return t;
    };
    fc.assert(
      fc.property(updates, fc.array(fc.integer({ min: 0, max: 30 * 60_000 }), { minLength: 1, maxLength: 8 }), (steps, gaps) => {
        const incremental = new ContactLog();
        incremental.startDay(DAY);
        let k = 0;
        let now = T0;
        for (const [at, ix] of steps) {
          // Between events, ask for the metrics now and then (as the core does once a second).
          if (at > now && k < gaps.length) {
            now = Math.min(at, now + (gaps[k++] ?? 0));
            metricsAt(incremental, now);
          }
          incremental.observe(ix, at, () => 30);
        }
        const end = Math.max(now, steps.at(-1)?.[0] ?? T0) + (gaps[0] ?? 0);
        const got = metricsAt(incremental, end).total.intervals;
        for (const [w, ms] of [['15m', 15 * 60_000], ['30m', 30 * 60_000], ['60m', 60 * 60_000]] as const) {
          const want = summedFrom(steps, Math.max(DAY, end - ms));
          expect({ w, answered: got[w].answered, abandoned: got[w].abandoned, handled: got[w].handled, sl: got[w].serviceLevelPercent, aht: got[w].averageHandleTimeMs }).toEqual({
            w,
            answered: want.answered,
            abandoned: want.abandoned,
            handled: want.handled,
            sl: serviceLevelPercent(want),
            aht: averageHandleTimeMs(want),
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
