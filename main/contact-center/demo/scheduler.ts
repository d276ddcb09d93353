/**
 * The simulation's own agenda: a binary min-heap of tasks by (time, order).
 * One clock timer (the tick) drains it, which keeps thousands of pending
 * simulated events cheap and their order deterministic.
 */
interface Task {
  at: number;
  seq: number;
  run: () => void;
}

export class Scheduler {
  private heap: Task[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  at(time: number, run: () => void): void {
    const task = { at: time, seq: this.seq++, run };
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(task, heap[parent] as Task)) break;
      heap[i] = heap[parent] as Task;
      i = parent;
    }
    heap[i] = task;
  }

  /** Told about a task that threw; the other tasks still run. */
  onError: ((error: unknown) => void) | undefined;

  /** Runs every task due at or before `now`, including ones they schedule. */
  runDue(now: number): number {
    let count = 0;
    for (;;) {
      const top = this.heap[0];
      if (!top || top.at > now) return count;
      this.pop();
      try {
        top.run();
      } catch (error) {
        // One simulated step going wrong must not stop the whole simulation.
        this.onError?.(error);
      }
      count++;
    }
  }

  clear(): void {
    this.heap = [];
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let best = last;
      if (l < heap.length && before(heap[l] as Task, best)) {
        m = l;
        best = heap[l] as Task;
      }
      if (r < heap.length && before(heap[r] as Task, best)) {
        m = r;
        best = heap[r] as Task;
      }
      if (m === i) break;
      heap[i] = best;
      i = m;
    }
    heap[i] = last;
  }
}

const before = (a: Task, b: Task): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);
