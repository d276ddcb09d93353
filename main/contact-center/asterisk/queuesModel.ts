import type { Queue } from '../../../preload/contract';
import type { AmiFields } from './amiFrameParser';
import { intField, percentField, uniqueidSchema } from './amiFields';
import { queueIdFor } from './agentsModel';

/**
 * Queues from QueueParams / QueueSummary (resync) and the live caller and
 * agent events. Waiting callers are kept with the time they joined (given
 * by the caller of these functions, never read from a clock here), so the
 * longest wait is exact; completed, abandoned and the service level follow
 * Asterisk's own counters and are advanced by the live events.
 */

/** queues.conf servicelevel=0 (unset): Asterisk computes no service level; this target is shown instead. */
export const DEFAULT_SLA_SECONDS = 60;

export interface QueueRecord {
  name: string;
  slaSeconds: number;
  /** servicelevel was set in queues.conf. */
  slaConfigured: boolean;
  completed: number;
  completedInSla: number;
  abandoned: number;
  /** Caller uniqueid -> when they joined (ms). */
  waiting: Map<string, number>;
}

export class QueuesModel {
  readonly byName = new Map<string, QueueRecord>();

  constructor(
    private readonly maxQueues: number,
    private readonly maxWaitingPerQueue: number,
    private readonly warn: (message: string) => void,
  ) {}

  clear(): void {
    this.byName.clear();
  }

  private queue(name: string | undefined): QueueRecord | undefined {
    if (!name || name.length > 200) return undefined;
    let q = this.byName.get(name);
    if (!q) {
      if (this.byName.size >= this.maxQueues) {
        this.warn(`More than ${this.maxQueues} queues: the rest are not shown.`);
        return undefined;
      }
      q = { name, slaSeconds: DEFAULT_SLA_SECONDS, slaConfigured: false, completed: 0, completedInSla: 0, abandoned: 0, waiting: new Map() };
      this.byName.set(name, q);
    }
    return q;
  }

  /** Ensures a queue named in a member event is listed. */
  touch(name: string | undefined): void {
    this.queue(name);
  }

  /** QueueParams: ServiceLevel (s), Completed, Abandoned, ServicelevelPerf (% of completed answered within it). */
  params(event: AmiFields): void {
    const q = this.queue(event.Queue);
    if (!q) return;
    const sla = intField(event, 'ServiceLevel');
    q.slaConfigured = sla !== undefined && sla > 0;
    q.slaSeconds = q.slaConfigured ? sla! : DEFAULT_SLA_SECONDS;
    q.completed = intField(event, 'Completed') ?? q.completed;
    q.abandoned = intField(event, 'Abandoned') ?? q.abandoned;
    const perf = percentField(event, 'ServicelevelPerf');
    q.completedInSla = perf !== undefined ? Math.round((perf / 100) * q.completed) : q.completedInSla;
  }

  /** QueueSummary: only makes sure the queue is known (its counters come from QueueParams). */
  summary(event: AmiFields): void {
    this.queue(event.Queue);
  }

  /** QueueEntry (resync) carries Wait in seconds; QueueCallerJoin is now. */
  join(event: AmiFields, now: number): void {
    const q = this.queue(event.Queue);
    const id = uniqueidSchema.safeParse(event.Uniqueid);
    if (!q || !id.success) return;
    if (!q.waiting.has(id.data) && q.waiting.size >= this.maxWaitingPerQueue) return;
    const wait = event.Event === 'QueueEntry' ? intField(event, 'Wait') : undefined;
    q.waiting.set(id.data, wait !== undefined ? now - wait * 1000 : (q.waiting.get(id.data) ?? now));
  }

  /** QueueCallerLeave (answered, or gave up after Abandon) removes the caller. */
  leave(event: AmiFields): void {
    const q = event.Queue ? this.byName.get(event.Queue) : undefined;
    if (q && event.Uniqueid) q.waiting.delete(event.Uniqueid);
  }

  abandon(event: AmiFields): void {
    const q = event.Queue ? this.byName.get(event.Queue) : undefined;
    if (!q) return;
    q.abandoned++;
    if (event.Uniqueid) q.waiting.delete(event.Uniqueid);
  }

  /** AgentComplete: one more completed call; within the SLA when its HoldTime was. */
  complete(event: AmiFields): void {
    const q = event.Queue ? this.byName.get(event.Queue) : undefined;
    if (!q) return;
    q.completed++;
    const hold = intField(event, 'HoldTime');
    if (hold !== undefined && hold <= q.slaSeconds) q.completedInSla++;
  }

  /** A caller hung up without a Leave (lost events): they are not waiting any more. */
  forgetCaller(uniqueid: string): void {
    for (const q of this.byName.values()) q.waiting.delete(uniqueid);
  }

  queueOfCaller(uniqueid: string): string | undefined {
    for (const q of this.byName.values()) if (q.waiting.has(uniqueid)) return q.name;
    return undefined;
  }

  toQueue(q: QueueRecord): Queue {
    let oldest: number | undefined;
    for (const since of q.waiting.values()) if (oldest === undefined || since < oldest) oldest = since;
    return {
      id: queueIdFor(q.name),
      name: q.name,
      waiting: q.waiting.size,
      slaSeconds: q.slaSeconds,
      ...(oldest !== undefined ? { oldestWaitingSince: Math.max(0, oldest) } : {}),
      completed: q.completed,
      abandoned: q.abandoned,
      ...(q.slaConfigured && q.completed > 0 ? { serviceLevelPercent: Math.round((q.completedInSla / q.completed) * 1000) / 10 } : {}),
    };
  }
}
