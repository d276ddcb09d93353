/**
 * When the core sends batched changes to the screens. A fixed 50 ms interval
 * made every change wait 0-50 ms before it was even sent (half of the
 * event-to-paint budget at 200 changes/s). Now a change goes out right after
 * the task it came in (everything that arrived in the same task shares one
 * delta), but never more than one delta per `minGapMs` (16 ms: one screen
 * frame), so a flood still costs at most ~60 messages a second and the
 * renderer at most one commit per frame.
 *
 * "Right after the task" is a microtask, not a 0 ms timer: a timer waited
 * behind every other timer and socket read already due (the demo's typing and
 * chat traffic, metrics, alerts): 5-9 ms at the median and 20-60 ms at p95
 * from a change to its delta with 5,000 agents at 200 changes/s, against
 * 1-2 ms and 7-12 ms as a microtask (issue 15 item 1).
 */
export class FlushScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A flush is due (as a microtask or on the timer). */
  private due = false;
  /** Bumped by stop(): a microtask already queued then does nothing. */
  private generation = 0;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly flush: () => void,
    private readonly minGapMs = 16,
    /** Monotonic milliseconds (performance.now in production). */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Something changed: flush after the current task, or once `minGapMs` has passed since the last flush. */
  changed(): void {
    if (this.due) return;
    this.due = true;
    const wait = Math.max(0, this.lastAt + this.minGapMs - this.clock());
    if (wait === 0) {
      const generation = this.generation;
      queueMicrotask(() => {
        if (generation === this.generation) this.fire();
      });
      return;
    }
    this.timer = setTimeout(() => this.fire(), wait);
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    this.generation++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.due = false;
  }

  private fire(): void {
    this.timer = undefined;
    this.due = false;
    this.lastAt = this.clock();
    this.flush();
  }
}
