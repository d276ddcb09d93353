import type { Interaction } from '../../preload/contract';

/** What is waiting and being worked right now in one queue (no interval). */
export interface LiveQueue {
  waiting: number;
  oldestWaitingSince: number | undefined;
  digitalActive: number;
  digitalPending: number;
  /** Digital conversations waiting past their SLA deadline now. */
  digitalPendingOverSla: number;
}

export const emptyLive = (): LiveQueue => ({ waiting: 0, oldestWaitingSince: undefined, digitalActive: 0, digitalPending: 0, digitalPendingOverSla: 0 });

/**
 * Adds one live interaction at `now`. A voice call waits until an agent answers
 * (queued or ringing); a digital conversation is pending until assigned.
 * `slaSeconds` is the queue's threshold, used when the platform set no deadline.
 */
export function addLive(live: LiveQueue, ix: Interaction, now: number, slaSeconds: number | undefined): void {
  if (ix.state === 'ended') return;
  const unanswered = ix.state === 'pending' || ix.state === 'alerting';
  if (ix.channel === 'voice') {
    if (!unanswered) return;
    live.waiting += 1;
    if (live.oldestWaitingSince === undefined || ix.startedAt < live.oldestWaitingSince) live.oldestWaitingSince = ix.startedAt;
    return;
  }
  if (!unanswered) {
    live.digitalActive += 1;
    return;
  }
  live.digitalPending += 1;
  const deadline = ix.slaDeadline ?? (slaSeconds !== undefined ? ix.startedAt + slaSeconds * 1000 : undefined);
  if (deadline !== undefined && now > deadline) live.digitalPendingOverSla += 1;
}

export function addLiveInto(into: LiveQueue, l: LiveQueue): void {
  into.waiting += l.waiting;
  if (l.oldestWaitingSince !== undefined && (into.oldestWaitingSince === undefined || l.oldestWaitingSince < into.oldestWaitingSince)) {
    into.oldestWaitingSince = l.oldestWaitingSince;
  }
  into.digitalActive += l.digitalActive;
  into.digitalPending += l.digitalPending;
  into.digitalPendingOverSla += l.digitalPendingOverSla;
}
