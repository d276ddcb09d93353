/**
 * When the core sends batched changes to the screens. A fixed 50 ms interval
 * made every change wait 0-50 ms before it was even sent (half of the
 * event-to-paint budget at 200 changes/s). Now a change goes out right after
 * the burst of connector events it came in (a 0 ms timer: everything that
 * arrived in the same task shares one delta), but never more than one delta
 * per `minGapMs` (16 ms: one screen frame), so a flood still costs at most
 * ~60 messages a second and the renderer at most one commit per frame.
 */
export class FlushScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly flush: () => void,
    private readonly minGapMs = 16,
    /** Monotonic milliseconds (performance.now in production). */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Something changed: flush after the current task, or once `minGapMs` has passed since the last flush. */
  changed(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastAt + this.minGapMs - this.clock());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastAt = this.clock();
      this.flush();
    }, wait);
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
