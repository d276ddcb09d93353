/**
 * The core's clock, as seen from the page. Every time shown (time in state,
 * the toolbar timer, waits, chat ages) is "core now − a core timestamp"; the
 * page's own Date.now() is only the stopwatch between two readings of the
 * core's time. The demo's clock may run faster than real time (`--speed 5`:
 * five core seconds per real second), so the rate is learnt from the `at` of
 * snapshots and deltas instead of assumed to be 1 — with the wall clock a
 * demo at speed 5 showed every timer frozen at 0:00.
 *
 * Pure: both clocks are passed in.
 */
export interface CoreClockEstimate {
  /** A core timestamp (`at`) received at this page time. */
  note(coreAt: number, pageAt: number): void;
  /** The core's time now, advanced from the last reading at the learnt rate; never goes back. */
  now(pageNow: number): number;
}

/** Below this much page time between the first and the last reading, the rate is taken as 1. */
const MIN_BASELINE_MS = 1500;
const MAX_RATE = 1000;

export function createCoreClockEstimate(): CoreClockEstimate {
  let first: { core: number; page: number } | undefined;
  let last: { core: number; page: number } | undefined;
  let rate = 1;
  let shown = 0;
  return {
    note(coreAt, pageAt) {
      if (!Number.isFinite(coreAt) || !Number.isFinite(pageAt)) return;
      // A core time going back is another core (a reconnect, a restarted host): learn it afresh.
      if (!first || !last || coreAt < last.core) {
        first = { core: coreAt, page: pageAt };
        rate = 1;
        shown = 0;
      } else {
        const pageSpan = pageAt - first.page;
        if (pageSpan >= MIN_BASELINE_MS) rate = Math.min(MAX_RATE, Math.max(0, (coreAt - first.core) / pageSpan));
      }
      last = { core: coreAt, page: pageAt };
    },
    now(pageNow) {
      if (!last) return pageNow;
      const estimate = last.core + Math.max(0, pageNow - last.page) * rate;
      shown = Math.max(shown, estimate);
      return shown;
    },
  };
}
