/**
 * Measuring hooks for tests/bench/agents.bench.ts. The benchmark installs
 * `window.__spyglassPerf` before the app loads; without it this costs one
 * property read per delta and per row commit.
 */
export interface SpyglassPerf {
  /** A row's text was committed to the DOM; `at` is main's delta time, `committedAt` the page's Date.now(). */
  agentRowCommitted?: (at: number, committedAt: number) => void;
  /**
   * A changed row has been painted: `eventAt` is when main received the
   * connector event (before batching), `paintedAt` the page's Date.now() at the
   * first animation frame after the frame that showed the new value.
   */
  agentRowPainted?: (eventAt: number, paintedAt: number, sentAt: number) => void;
  /** Each delta's changed agents, so the benchmark can print the rate it really ran at. */
  agentsChanged?: (count: number) => void;
}

declare global {
  interface Window {
    __spyglassPerf?: SpyglassPerf;
  }
}

/** Agent id -> when main received the event that changed it, and the delta's time; kept only while a benchmark listens. */
const changedAt = new Map<string, { eventAt: number; sentAt: number }>();

/** `sentAt`: the delta's `at` (main's clock when it flushed the batch). */
export function noteAgentChanges(times: Record<string, number> | undefined, sentAt: number): void {
  const perf = window.__spyglassPerf;
  if (!times || !perf?.agentRowPainted) return;
  let n = 0;
  for (const [id, eventAt] of Object.entries(times)) {
    changedAt.set(id, { eventAt, sentAt });
    n++;
  }
  perf.agentsChanged?.(n);
  // Rows scrolled out of view never report; do not let their entries pile up.
  if (changedAt.size > 20_000) changedAt.clear();
}

export function reportAgentRowCommitted(at: number, agentId?: string): void {
  const perf = window.__spyglassPerf;
  if (!perf) return;
  perf.agentRowCommitted?.(at, Date.now());
  const change = agentId === undefined ? undefined : changedAt.get(agentId);
  if (change === undefined || !perf.agentRowPainted) return;
  changedAt.delete(agentId!);
  // First rAF: the frame that paints the committed row; second rAF: the first frame after it.
  requestAnimationFrame(() => requestAnimationFrame(() => perf.agentRowPainted?.(change.eventAt, Date.now(), change.sentAt)));
}
