import type { AgentStatus } from '../../preload/contract';
import type { AgentHistoryView } from '../../preload/contract/agents';

/** At most this many segments are kept per agent; older ones are folded into `earlier` (bounded memory at any event rate). */
export const MAX_SEGMENTS_PER_AGENT = 96;

export interface StateSegment {
  state: AgentStatus;
  start: number;
}

/** One agent's states today: consecutive segments, the last one still open. */
export interface AgentStateHistory {
  dayStart: number;
  segments: readonly StateSegment[];
  /** Segments folded away past the cap: the span they covered and the time in each state, so today's totals stay exact. */
  earlier?: { from: number; to: number; msByState: Partial<Record<AgentStatus, number>> };
}

/**
 * The history after the agent was reported in `state` since `since` (the
 * platform's statusSince) as seen at `at`. Pure: time is an argument.
 * - Only changes make segments: the same state reported again changes nothing.
 * - Times never go back: a start at or before the last segment's, or after `at`, is taken as `at`.
 * - A new day (a later `dayStart`) starts over, the current state running from midnight.
 * - A state that lasted no time is replaced, and neighbours left in the same state merge.
 * - Past `max` segments the oldest is folded into `earlier` (its time per state kept).
 */
export function recordAgentState(
  history: AgentStateHistory | undefined,
  state: AgentStatus,
  since: number,
  at: number,
  dayStart: number,
  max = MAX_SEGMENTS_PER_AGENT,
): AgentStateHistory {
  if (!history || dayStart > history.dayStart) {
    const carried = history?.segments.at(-1);
    const fresh: AgentStateHistory = { dayStart, segments: carried ? [{ state: carried.state, start: dayStart }] : [] };
    const start = clamp(since, dayStart, Math.max(dayStart, at));
    if (!carried) return { dayStart, segments: [{ state, start }] };
    return recordAgentState(fresh, state, start, at, dayStart, max);
  }
  const segments = history.segments;
  const last = segments.at(-1);
  if (!last) return { ...history, segments: [{ state, start: clamp(since, history.dayStart, Math.max(history.dayStart, at)) }] };
  if (last.state === state) return history;
  // A statusSince at or before the last change, or after now, does not fit what we saw: we learnt of it now.
  const end = Math.max(last.start, at);
  const start = Number.isFinite(since) && since > last.start && since <= end ? since : end;
  let next = segments.slice();
  if (start === last.start) {
    next.pop();
    // The state it replaces lasted no time: the one before it simply goes on.
    if (next.at(-1)?.state === state) return { ...history, segments: next };
  }
  next.push({ state, start });
  let earlier = history.earlier;
  while (next.length > max) {
    const [oldest, after] = next as [StateSegment, StateSegment];
    const ms = after.start - oldest.start;
    const byState = { ...(earlier?.msByState ?? {}) };
    byState[oldest.state] = (byState[oldest.state] ?? 0) + ms;
    earlier = { from: earlier?.from ?? oldest.start, to: after.start, msByState: byState };
    next = next.slice(1);
  }
  return { ...history, segments: next, ...(earlier ? { earlier } : {}) };
}

const clamp = (v: number, lo: number, hi: number): number => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : hi);

/** What the screen gets: each segment with its end (the open one ends `now`). */
export function agentHistoryView(agentId: string, history: AgentStateHistory | undefined, now: number): AgentHistoryView {
  const segments = history?.segments ?? [];
  return {
    agentId,
    now,
    dayStart: history?.dayStart ?? now,
    segments: segments.map((s, i) => ({ state: s.state, start: s.start, end: Math.max(s.start, segments[i + 1]?.start ?? now) })),
    ...(history?.earlier ? { earlier: history.earlier } : {}),
  };
}
