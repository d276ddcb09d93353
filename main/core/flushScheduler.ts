/**
 * When the core sends batched changes to the screens. A fixed 50 ms interval
 * made every change wait 0-50 ms before it was even sent (half of the
 * event-to-paint budget at 200 changes/s). Now a change goes out right after
 * the burst of connector events it came in (everything that arrived in the
 * same turn of the event loop shares one delta), but never more than one
 * delta per `minGapMs` (16 ms: one screen frame), so a flood still costs at
 * most ~60 messages a second and the renderer at most one commit per frame.
 *
 * "Right after the burst" is setImmediate, not a 0 ms timer: Node runs a 0 ms
 * timer 1 ms later, after the process has slept in the poll for it, and on a
 * busy machine (two cores, a browser, builds) waking up again took 20-50 ms at
 * p95 (bench:agents under load, issue 15 item 1). setImmediate runs in the
 * same turn, after the I/O already read, so the burst still shares one delta
 * (a microtask, tried before, split bursts into more, smaller deltas).
 */
export class FlushScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly flush: () => void,
    private readonly minGapMs = 16,
    /** Monotonic milliseconds (performance.now in production). */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Something changed: flush after the current turn of the event loop, or once `minGapMs` has passed since the last flush. */
  changed(): void {
    if (this.timer !== undefined || this.immediate !== undefined) return;
    const wait = Math.max(0, this.lastAt + this.minGapMs - this.clock());
    if (wait === 0) {
      this.immediate = setImmediate(() => this.fire());
      (this.immediate as { unref?: () => void }).unref?.();
      return;
    }
    this.timer = setTimeout(() => this.fire(), wait);
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    this.immediate = undefined;
    this.lastAt = this.clock();
    this.flush();
  }
}
