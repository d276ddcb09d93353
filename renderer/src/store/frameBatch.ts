/**
 * Applies what main sends once per screen frame instead of once per message.
 *
 * With 5,000 agents the demo sends ~10 deltas and ~300 typing and message
 * events a second; each store update re-runs every selector on screen and
 * React's checks, and a delta arriving behind a queue of them waited to be
 * painted (issue 15 item 1). Now messages arriving within one frame are
 * applied together, in arrival order, right before that frame renders
 * (requestAnimationFrame): a value committed there is painted in the same
 * frame it would have been painted in had it been applied on arrival, so
 * nothing is shown later, and nothing is shown before it arrived.
 *
 * A page that does not render (hidden tab, minimised window) gets no frames:
 * a timer applies the batch after `maxDelayMs` at the latest. `flush()`
 * applies what is pending at once: an action dispatched directly (a click, a
 * snapshot) first flushes, so the order of everything the store sees is the
 * order it arrived in.
 */
export interface FrameScheduler {
  requestFrame: (run: () => void) => unknown;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export interface FrameBatch<A> {
  /** Queues an action for the next frame (or the fallback timer, whichever comes first). */
  push(action: A): void;
  /** Applies everything queued now, in order; nothing when the queue is empty. */
  flush(): void;
  /** True while a batch applied from an animation frame is being committed (until the microtasks after it ran). */
  inFrame(): boolean;
}

export function createFrameBatch<A>(apply: (actions: readonly A[]) => void, scheduler: FrameScheduler, maxDelayMs = 100): FrameBatch<A> {
  let pending: A[] = [];
  /** Bumped by each flush: a frame or timer scheduled for an earlier batch does nothing. */
  let generation = 0;
  let scheduled = false;
  let timer: unknown;
  let committingInFrame = false;

  const flush = () => {
    generation++;
    scheduled = false;
    if (timer !== undefined) scheduler.clearTimer(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const actions = pending;
    pending = [];
    apply(actions);
  };

  return {
    push(action) {
      pending.push(action);
      if (scheduled) return;
      scheduled = true;
      const mine = generation;
      scheduler.requestFrame(() => {
        if (mine !== generation) return;
        committingInFrame = true;
        try {
          flush();
        } finally {
          // React commits a store update in a microtask queued during apply(): it runs before this one.
          queueMicrotask(() => (committingInFrame = false));
        }
      });
      timer = scheduler.setTimer(() => {
        if (mine === generation) flush();
      }, maxDelayMs);
    },
    flush,
    inFrame: () => committingInFrame,
  };
}

/** The page's requestAnimationFrame (typed here: the store is also compiled for Node unit tests, without the DOM lib). */
type FramePage = { requestAnimationFrame: (run: () => void) => number };

/** The browser's frames and timers. */
export const browserFrames: FrameScheduler = {
  requestFrame: (run) => (globalThis as unknown as FramePage).requestAnimationFrame(() => run()),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
