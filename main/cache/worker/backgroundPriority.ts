import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * The cache worker writes what the supervisor saw for offline review: background work. When
 * the machine is short of CPU (2-core seats under a message flood: the renderer, the core's
 * thread and this worker all want a core), the live view must win. Issue 15 measured the
 * renderer's long tasks under load as mostly waiting for a core.
 *
 * Linux lets one thread's nice value be set on its own (setpriority with the thread's id),
 * so this thread alone runs CACHE_WORKER_NICE steps below the process (relative, so a seat
 * IT already runs at a lower priority stays lower still): it still gets a whole core when one is
 * free, and yields when the UI needs it. Elsewhere Node has no per-thread priority
 * (os.setPriority on Windows and macOS takes a process), so nothing is changed there.
 */
export const CACHE_WORKER_NICE = 5;

export type PriorityOutcome = 'lowered' | 'unsupported' | 'failed';

/** Lowers the calling thread's priority; never the process's. Call from a worker thread. */
export function lowerThisThreadPriority(nice = CACHE_WORKER_NICE): PriorityOutcome {
  if (process.platform !== 'linux') return 'unsupported';
  try {
    // "<pid>/task/<tid>": this thread's id.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    // The main thread's id is the process id; lowering it would slow the core's thread too.
    if (!Number.isSafeInteger(tid) || tid <= 0 || tid === process.pid) return 'failed';
    setPriority(tid, Math.min(19, getPriority(tid) + nice));
    return 'lowered';
  } catch {
    return 'failed';
  }
}
