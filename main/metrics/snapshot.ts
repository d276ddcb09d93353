import type { Agent, Interaction, Queue } from '../../preload/contract';
import type { AgentCounts, IntervalMetrics, MetricInterval, MetricsSnapshot, MetricsThresholds, QueueMetrics } from '../../preload/contract/metrics';
import { emptyAgentCounts } from './agentStates';
import type { ContactLog } from './contactLog';
import { abandonRatePercent, averageHandleTimeMs, averageSpeedOfAnswerMs, serviceLevelPercent } from './formulas';
import { addLiveInto, emptyLive, type LiveQueue } from './liveQueues';
import { LiveTally } from './liveTally';
import { addTotals, emptyTotals, type Totals } from './outcomes';
import { breachedMetrics } from './thresholds';

export const windowMs: Record<Exclude<MetricInterval, 'today'>, number> = {
  '15m': 15 * 60_000,
  '30m': 30 * 60_000,
  '60m': 60 * 60_000,
};

export interface MetricsInput {
  log: ContactLog;
  /** The live counts kept up to date as events come (core/MetricsFeed); without it, counted here from `agents` and `interactions`. */
  tally?: LiveTally;
  agents?: Iterable<Agent>;
  queues: Iterable<Queue>;
  interactions?: Iterable<Interaction>;
  now: number;
  /** Local midnight of `now`, chosen by the caller (the only place a time zone enters). */
  dayStart: number;
  thresholds: MetricsThresholds;
  afterCallWorkReported: boolean;
}

interface Acc {
  live: LiveQueue;
  agents: AgentCounts;
  intervals: Record<MetricInterval, Totals>;
}
const emptyAcc = (): Acc => ({
  live: emptyLive(),
  agents: emptyAgentCounts(),
  intervals: { today: emptyTotals(), '15m': emptyTotals(), '30m': emptyTotals(), '60m': emptyTotals() },
});

/**
 * Every queue's metrics and the total at `now`. With a kept `tally`, linear in
 * the queues and the unanswered contacts (else in agents + interactions too);
 * the windows cost the records that entered or left them. No clock, no I/O.
 * A sliding window never reaches before today (window ⊆ today).
 */
export function computeMetrics(input: MetricsInput): MetricsSnapshot {
  const { log, now, dayStart, thresholds } = input;
  log.startDay(dayStart);
  const queues = [...input.queues];
  const byId = new Map<string, Acc>(queues.map((q) => [q.id, emptyAcc()]));
  const slaOf = new Map(queues.map((q) => [q.id, q.slaSeconds]));
  const total = emptyAcc();

  const tally = input.tally ?? LiveTally.of(input.agents ?? [], input.interactions ?? []);
  for (const queueId of tally.liveQueueIds()) {
    const acc = byId.get(queueId);
    const live = tally.liveOf(queueId, now, slaOf.get(queueId));
    if (acc) acc.live = live;
    else addLiveInto(total.live, live);
  }
  total.agents = tally.agentsTotal();
  for (const [queueId, acc] of byId) acc.agents = tally.agentsOf(queueId);
  for (const [queueId, t] of log.todayTotals()) {
    const acc = byId.get(queueId);
    if (acc) addTotals(acc.intervals.today, t);
    addTotals(total.intervals.today, t);
  }
  const windows = log.windowTotals(now);
  for (const w of ['15m', '30m', '60m'] as const) {
    for (const [queueId, t] of windows.get(windowMs[w]) ?? []) {
      const acc = byId.get(queueId);
      if (acc) addTotals(acc.intervals[w], t);
      addTotals(total.intervals[w], t);
    }
  }
  for (const acc of byId.values()) addLiveInto(total.live, acc.live);

  const row = (acc: Acc, name: string, queueId?: string, thresholdSeconds?: number): QueueMetrics => {
    const longestWaitMs = acc.live.oldestWaitingSince !== undefined ? Math.max(0, now - acc.live.oldestWaitingSince) : 0;
    const interval = (t: Totals): IntervalMetrics => {
      const m = {
        answered: t.answered,
        abandoned: t.abandoned,
        handled: t.handled,
        digitalSlaMissed: t.digitalSlaMissed + acc.live.digitalPendingOverSla,
        ...defined('serviceLevelPercent', serviceLevelPercent(t)),
        ...defined('abandonRatePercent', abandonRatePercent(t)),
        ...defined('averageSpeedOfAnswerMs', averageSpeedOfAnswerMs(t)),
        ...defined('averageHandleTimeMs', averageHandleTimeMs(t)),
      };
      return { ...m, breached: breachedMetrics(m, longestWaitMs, thresholdSeconds, thresholds) };
    };
    return {
      ...(queueId !== undefined ? { queueId } : {}),
      name,
      ...(thresholdSeconds !== undefined ? { thresholdSeconds } : {}),
      waiting: acc.live.waiting,
      longestWaitMs,
      agents: acc.agents,
      digitalActive: acc.live.digitalActive,
      digitalPending: acc.live.digitalPending,
      intervals: {
        today: interval(acc.intervals.today),
        '15m': interval(acc.intervals['15m']),
        '30m': interval(acc.intervals['30m']),
        '60m': interval(acc.intervals['60m']),
      },
    };
  };

  return {
    at: now,
    dayStart,
    afterCallWorkReported: input.afterCallWorkReported,
    thresholds,
    total: row(total, 'All queues'),
    queues: queues.map((q) => row(byId.get(q.id) as Acc, q.name, q.id, q.slaSeconds)),
  };
}

function defined<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
