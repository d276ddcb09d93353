/**
 * A measuring hook for tests/bench/agents.bench.ts. The benchmark installs
 * `window.__spyglassPerf` before the app loads; without it this costs one
 * property read per row commit.
 */
export interface SpyglassPerf {
  /** A row's text was committed to the DOM; `at` is main's delta time, `committedAt` the page's Date.now(). */
  agentRowCommitted?: (at: number, committedAt: number) => void;
}

declare global {
  interface Window {
    __spyglassPerf?: SpyglassPerf;
  }
}

export function reportAgentRowCommitted(at: number): void {
  const perf = window.__spyglassPerf;
  if (perf?.agentRowCommitted) perf.agentRowCommitted(at, Date.now());
}
