import { describe, expect, it } from 'vitest';
import type { AgentHistoryView } from '../../../preload/contract';
import { timelineModel } from '../../../renderer/src/views/agents/timelineModel';

const T = 1_800_000_000_000;
const min = (n: number) => n * 60_000;
const clock = (at: number) => `t+${(at - T) / 60_000}`;

const view: AgentHistoryView = {
  agentId: 'a1',
  now: T + min(60),
  dayStart: T - min(600),
  segments: [
    { state: 'On Queue', start: T, end: T + min(30) },
    { state: 'Busy', start: T + min(30), end: T + min(45) },
    { state: 'On Queue', start: T + min(45), end: T + min(60) },
  ],
};

describe('state timeline model', () => {
  it('places each segment by its share of the span; the open one runs to the page’s core clock; tooltips say state, start, duration', () => {
    const m = timelineModel(view, T + min(75), clock);
    expect(m.bars.map((b) => [b.state, Math.round(b.leftPct * 10) / 10, Math.round(b.widthPct * 10) / 10])).toEqual([
      ['On Queue', 0, 40],
      ['Busy', 40, 20],
      ['On Queue', 60, 40],
    ]);
    expect(m.bars[1]?.text).toBe('Busy from t+30 for 15:00');
    expect(m.bars[2]?.text).toBe('On Queue from t+45 for 30:00');
  });

  it('never ends before main’s now (a page clock behind it), and totals per state include what main folded away', () => {
    const folded: AgentHistoryView = { ...view, earlier: { from: T - min(60), to: T, msByState: { Away: min(40), 'On Queue': min(20) } } };
    const m = timelineModel(folded, T, clock);
    expect(m.to).toBe(T + min(60));
    expect(m.from).toBe(T - min(60));
    expect(m.totals).toEqual([
      { state: 'On Queue', ms: min(65) },
      { state: 'Busy', ms: min(15) },
      { state: 'Away', ms: min(40) },
    ]);
    expect(m.earlier).toEqual({ from: T - min(60), to: T });
  });
});
