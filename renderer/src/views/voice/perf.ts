import { fromMain } from '../../store';

/**
 * Measuring hooks for tests/bench/agents.bench.ts. The benchmark installs
 * `window.__spyglassPerf` before the app loads; without it this costs one
 * property read per delta and per row commit.
 */
export interface AgentChangeTimes {
  /** When main received the connector event (before batching). */
  eventAt: number;
  /** The delta's `at`: main's clock when it flushed the batch. */
  sentAt: number;
  /** The page's Date.now() when the delta reached the renderer's listener. */
  receivedAt: number;
}

export interface SpyglassPerf {
  /** A row's text was committed to the DOM; `at` is main's delta time, `committedAt` the page's Date.now(). */
  agentRowCommitted?: (at: number, committedAt: number) => void;
  /**
   * A changed row has been painted: `paintedAt` is the page's Date.now() at the
   * first animation frame after the frame that showed the new value;
   * `committedAt` when React committed the row's new text to the DOM.
   */
  agentRowPainted?: (change: AgentChangeTimes, committedAt: number, paintedAt: number) => void;
  /**
   * Every agent a delta changed, shown or not (most rows are virtualised away):
   * the first animation frame after the frame following the delta's commit.
   * A store update commits every mounted row in the same task, so this is when
   * each of these rows would have shown its value had it been on screen.
   */
  agentsDeltaPainted?: (eventAts: readonly number[], sentAt: number, receivedAt: number, paintedAt: number) => void;
  /** Each delta's changed agents, so the benchmark can print the rate it really ran at. */
  agentsChanged?: (count: number) => void;
}

declare global {
  interface Window {
    __spyglassPerf?: SpyglassPerf;
  }
}

/** Agent id -> the latest change delivered for it (the value its row will show); kept only while a benchmark listens. */
const changedAt = new Map<string, AgentChangeTimes>();

/** First rAF: the frame that paints what was committed; second rAF: the first frame after it. */
const afterNextPaint = (then: () => void) => requestAnimationFrame(() => requestAnimationFrame(then));

/** Called as a delta arrives, right before it is dispatched. `sentAt`: the delta's `at`. */
export function noteAgentChanges(times: Record<string, number> | undefined, sentAt: number): void {
  const perf = window.__spyglassPerf;
  if (!times || !perf?.agentRowPainted) return;
  const receivedAt = Date.now();
  const eventAts: number[] = [];
  for (const [id, eventAt] of Object.entries(times)) {
    changedAt.set(id, { eventAt, sentAt, receivedAt });
    eventAts.push(eventAt);
  }
  perf.agentsChanged?.(eventAts.length);
  if (perf.agentsDeltaPainted && eventAts.length > 0) afterNextPaint(() => perf.agentsDeltaPainted?.(eventAts, sentAt, receivedAt, Date.now()));
  // Rows scrolled out of view never report; do not let their entries pile up.
  if (changedAt.size > 20_000) changedAt.clear();
}

/** A row was mounted (scrolled into view, or moved into it by a re-sort): what it shows now is not a change it painted. */
export function forgetAgentChange(agentId: string): void {
  if (changedAt.size > 0) changedAt.delete(agentId);
}

export function reportAgentRowCommitted(at: number, agentId?: string): void {
  const perf = window.__spyglassPerf;
  if (!perf) return;
  const committedAt = Date.now();
  perf.agentRowCommitted?.(at, committedAt);
  const change = agentId === undefined ? undefined : changedAt.get(agentId);
  if (change === undefined || !perf.agentRowPainted) return;
  changedAt.delete(agentId!);
  const painted = () => perf.agentRowPainted?.(change, committedAt, Date.now());
  // Committed inside an animation frame (store/frameBatch.ts): that frame paints it, the next one is the first after.
  if (fromMain.inFrame()) requestAnimationFrame(painted);
  else afterNextPaint(painted);
}
