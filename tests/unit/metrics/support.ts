import type { Agent, Interaction, Queue } from '../../../preload/contract';
import { ContactLog } from '../../../main/metrics/contactLog';
import { computeMetrics } from '../../../main/metrics/snapshot';
import { defaultThresholds } from '../../../main/metrics/thresholds';

export const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
export const DAY = Date.UTC(2026, 11, 1);
export const s = (n: number) => n * 1000;
export const min = (n: number) => n * 60_000;

export const queue = (id: string, slaSeconds: number): Queue => ({ id, name: id, waiting: 0, slaSeconds });
export const sales = queue('sales', 30);

export function call(id: string, state: Interaction['state'], startedAt: number, extra: Partial<Interaction> = {}): Interaction {
  return {
    id,
    channel: 'voice',
    state,
    queueId: 'sales',
    startedAt,
    monitorable: true,
    participants: [],
    assistanceRequested: false,
    supervisorsInvolved: [],
    ...extra,
  };
}

export function agent(id: string, status: Agent['status'], extra: Partial<Agent> = {}): Agent {
  return { id, name: id, status, statusSince: T0, queueIds: ['sales'], extension: '2001', interactionIds: [], ...extra };
}

/** Replays [at, interaction] updates through a ContactLog, as the core does for each connector event. */
export function replay(steps: ReadonlyArray<readonly [number, Interaction]>, queues: Queue[] = [sales]): ContactLog {
  const log = new ContactLog();
  log.startDay(DAY);
  const sla = new Map(queues.map((q) => [q.id, q.slaSeconds]));
  for (const [at, ix] of steps) log.observe(ix, at, (id) => sla.get(id));
  return log;
}

export function metricsAt(log: ContactLog, now: number, opts: { agents?: Agent[]; interactions?: Interaction[]; queues?: Queue[] } = {}) {
  return computeMetrics({
    log,
    agents: opts.agents ?? [],
    queues: opts.queues ?? [sales],
    interactions: opts.interactions ?? [],
    now,
    dayStart: DAY,
    thresholds: defaultThresholds,
    afterCallWorkReported: true,
  });
}
