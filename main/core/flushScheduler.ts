/**
 * When the core sends batched changes to the screens. A fixed 50 ms interval
 * made every change wait 0-50 ms before it was even sent (half of the
 * event-to-paint budget at 200 changes/s). Now a change goes out right after
 * the burst of connector events it came in (a 0 ms timer: everything that
 * arrived in the same task shares one delta), but never more than one delta
 * per `minGapMs` (16 ms: one screen frame), so a flood still costs at most
 * ~60 messages a second and the renderer at most one commit per frame.
 *
 * Not sooner than the 0 ms timer (Node: 1 ms): a microtask and setImmediate
 * were both tried (issue 15 item 1) and both split a demo tick's burst, whose
 * events arrive over more than one turn of the event loop, into a delta now
 * and the rest 16 ms later: bench:agents event -> delta sent went from p95
 * 5 ms to 26 ms with setImmediate, same build, same quiet machine.
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
