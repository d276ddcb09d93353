import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentStatuses, type AgentStatus } from '../../../preload/contract';
import { agentHistoryViewSchema } from '../../../preload/contract/agents';
import { MAX_SEGMENTS_PER_AGENT, agentHistoryView, recordAgentState, type AgentStateHistory } from '../../../main/metrics/agentStateHistory';
import { DAY, T0, min } from './support';

const NEXT_DAY = DAY + 24 * 3_600_000;

/** Replays [state, since, at] reports for one agent. */
function replayStates(steps: ReadonlyArray<readonly [AgentStatus, number, number]>, max?: number): AgentStateHistory | undefined {
  let h: AgentStateHistory | undefined;
  for (const [state, since, at] of steps) h = recordAgentState(h, state, since, at, DAY, max);
  return h;
}

describe('agent state history (today)', () => {
  it('makes one segment per change, from the platform’s statusSince, the open one ending now', () => {
    const h = replayStates([
      ['On Queue', T0, T0],
      ['Busy', T0 + min(10), T0 + min(10) + 200],
      ['Busy', T0 + min(10), T0 + min(11)],
      ['Away', T0 + min(25), T0 + min(25)],
    ]);
    const view = agentHistoryView('a1', h, T0 + min(40));
    expect(view.segments).toEqual([
      { state: 'On Queue', start: T0, end: T0 + min(10) },
      { state: 'Busy', start: T0 + min(10), end: T0 + min(25) },
      { state: 'Away', start: T0 + min(25), end: T0 + min(40) },
    ]);
    expect(agentHistoryViewSchema.parse(view)).toEqual(view);
  });

  it('starts today at midnight for a state entered yesterday, and a new day starts over with the current state', () => {
    const h = replayStates([['Away', DAY - min(30), DAY + min(5)]]);
    expect(h?.segments).toEqual([{ state: 'Away', start: DAY }]);
    const tomorrow = recordAgentState(
      recordAgentState(h, 'Busy', T0, T0, DAY),
      'On Queue',
      NEXT_DAY + min(3),
      NEXT_DAY + min(3),
      NEXT_DAY,
    );
    expect(tomorrow.segments).toEqual([
      { state: 'Busy', start: NEXT_DAY },
      { state: 'On Queue', start: NEXT_DAY + min(3) },
    ]);
  });

  it('never goes back in time: a statusSince before the last change or after now is clamped', () => {
    const h = replayStates([
      ['On Queue', T0, T0],
      ['Busy', T0 - min(5), T0 + min(1)],
      ['Away', T0 + min(99), T0 + min(2)],
    ]);
    expect(h?.segments.map((s) => s.start)).toEqual([T0, T0 + min(1), T0 + min(2)]);
  });

  it('a state that lasted no time is replaced, and the neighbours in the same state merge', () => {
    const h = replayStates([
      ['On Queue', T0, T0],
      ['Busy', T0 + min(1), T0 + min(1)],
      ['On Queue', T0 + min(1), T0 + min(1)],
    ]);
    expect(h?.segments).toEqual([{ state: 'On Queue', start: T0 }]);
  });

  it(`keeps at most ${MAX_SEGMENTS_PER_AGENT} segments; older ones fold into “earlier” with their time per state`, () => {
    const steps: [AgentStatus, number, number][] = [];
    for (let i = 0; i < 1000; i++) steps.push([i % 2 ? 'Busy' : 'On Queue', T0 + min(i), T0 + min(i)]);
    const h = replayStates(steps);
    expect(h?.segments).toHaveLength(MAX_SEGMENTS_PER_AGENT);
    expect(h?.segments[0]?.start).toBe(T0 + min(1000 - MAX_SEGMENTS_PER_AGENT));
    expect(h?.earlier).toEqual({
      from: T0,
      to: T0 + min(1000 - MAX_SEGMENTS_PER_AGENT),
      msByState: { 'On Queue': min(452), Busy: min(452) },
    });
  });

  it('on any sequence of reports: bounded, ordered, consecutive states differ, and the time per state adds up to the day so far', () => {
    const report = fc.record({
      state: fc.constantFrom(...agentStatuses),
      sinceOffset: fc.integer({ min: -min(30), max: min(30) }),
      dt: fc.integer({ min: 0, max: min(20) }),
    });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 200 }), fc.integer({ min: 2, max: 12 }), (reports, max) => {
        let at = T0;
        let h: AgentStateHistory | undefined;
        for (const r of reports) {
          at += r.dt;
          h = recordAgentState(h, r.state, at + r.sinceOffset, at, DAY, max);
        }
        if (!h) return;
        const view = agentHistoryView('a', h, at);
        expect(h.segments.length).toBeLessThanOrEqual(max);
        for (let i = 1; i < view.segments.length; i++) {
          const [prev, cur] = [view.segments[i - 1], view.segments[i]];
          expect(cur?.start).toBeGreaterThan(prev?.start ?? 0);
          expect(cur?.state).not.toBe(prev?.state);
          expect(prev?.end).toBe(cur?.start);
        }
        const shown = view.segments.reduce((sum, s) => sum + (s.end - s.start), 0);
        const folded = Object.values(h.earlier?.msByState ?? {}).reduce((sum, ms) => sum + ms, 0);
        const first = h.earlier?.from ?? view.segments[0]?.start ?? at;
        expect(shown + folded).toBe(at - first);
        expect(first).toBeGreaterThanOrEqual(DAY);
        expect(view.segments.at(-1)?.state).toBe(reports.at(-1)?.state);
      }),
      { numRuns: 300 },
    );
  });
});
