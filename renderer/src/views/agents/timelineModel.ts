import { agentStatuses, type AgentHistoryView, type AgentStatus } from '../../../../preload/contract';
import { formatElapsed } from '../../format/elapsed';
import { formatClock } from '../voice/format';

export interface TimelineBar {
  state: AgentStatus;
  start: number;
  end: number;
  /** Position and width on the bar, in % of the span shown. */
  leftPct: number;
  widthPct: number;
  /** The tooltip and the table row: state, start, duration. */
  text: string;
}

export interface TimelineModel {
  from: number;
  to: number;
  bars: TimelineBar[];
  /** Time in each state over the day so far (segments folded away by main included), in the statuses' order. */
  totals: { state: AgentStatus; ms: number }[];
  /** Segments main no longer keeps one by one (older than its cap). */
  earlier: { from: number; to: number } | undefined;
}

/**
 * The agent details' state timeline, from main's history (agent:history).
 * The open segment runs to `now` (the core's clock, ticking in the page), never
 * before main's own `now`. Pure: the clock and the formatting of times are inputs.
 */
export function timelineModel(view: AgentHistoryView, now: number, clock: (at: number) => string = formatClock): TimelineModel {
  const to = Math.max(view.now, now);
  const segments = view.segments.map((s, i) => (i === view.segments.length - 1 ? { ...s, end: to } : s));
  const from = view.earlier?.from ?? segments[0]?.start ?? to;
  const span = Math.max(1, to - from);
  const bars = segments.map((s) => ({
    state: s.state,
    start: s.start,
    end: s.end,
    leftPct: ((s.start - from) / span) * 100,
    widthPct: ((s.end - s.start) / span) * 100,
    text: `${s.state} from ${clock(s.start)} for ${formatElapsed(s.end - s.start)}`,
  }));
  const ms = new Map<AgentStatus, number>();
  for (const [state, t] of Object.entries(view.earlier?.msByState ?? {}) as [AgentStatus, number][]) ms.set(state, (ms.get(state) ?? 0) + t);
  for (const s of segments) ms.set(s.state, (ms.get(s.state) ?? 0) + (s.end - s.start));
  const totals = agentStatuses.filter((s) => (ms.get(s) ?? 0) > 0).map((state) => ({ state, ms: ms.get(state) ?? 0 }));
  return { from, to, bars, totals, earlier: view.earlier ? { from: view.earlier.from, to: view.earlier.to } : undefined };
}
