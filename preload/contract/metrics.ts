import { z } from 'zod';
import { event } from './define';

/**
 * Real-time queue metrics (issue 12), computed in main (main/metrics) from
 * connector events and pushed at most once a second. Durations are ms.
 * A metric nobody could count yet (no calls in the interval) is absent.
 */

export const metricIntervals = ['today', '15m', '30m', '60m'] as const;
export const metricIntervalSchema = z.enum(metricIntervals);
export type MetricInterval = z.infer<typeof metricIntervalSchema>;
export const metricIntervalNames: Record<MetricInterval, string> = {
  today: 'Today',
  '15m': 'Last 15 min',
  '30m': 'Last 30 min',
  '60m': 'Last 60 min',
};

const count = z.number().int().nonnegative();
const ms = z.number().nonnegative();
const percent = z.number().min(0).max(100);

/** Metrics with a threshold (settings/IT policy); `breached` lists those outside it. */
export const thresholdMetrics = ['serviceLevel', 'abandonRate', 'averageSpeedOfAnswer', 'longestWait', 'digitalSlaMissed'] as const;
export const thresholdMetricSchema = z.enum(thresholdMetrics);
export type ThresholdMetric = z.infer<typeof thresholdMetricSchema>;

export const intervalMetricsSchema = z.object({
  answered: count,
  abandoned: count,
  /** answered within threshold / (answered + abandoned after threshold) × 100. */
  serviceLevelPercent: percent.optional(),
  abandonRatePercent: percent.optional(),
  averageSpeedOfAnswerMs: ms.optional(),
  averageHandleTimeMs: ms.optional(),
  handled: count,
  /** Digital conversations past their SLA: answered or abandoned late in the interval, plus those waiting past it now. */
  digitalSlaMissed: count,
  breached: z.array(thresholdMetricSchema),
});
export type IntervalMetrics = z.infer<typeof intervalMetricsSchema>;

export const agentCountsSchema = z.object({
  staffed: count,
  available: count,
  onContact: count,
  afterCallWork: count,
  away: count,
});
export type AgentCounts = z.infer<typeof agentCountsSchema>;

export const queueMetricsSchema = z.object({
  /** Absent for the total row. */
  queueId: z.string().max(200).optional(),
  name: z.string().max(500),
  /** The service-level threshold in seconds (the queue's own; absent for the total). */
  thresholdSeconds: z.number().nonnegative().optional(),
  /** Voice calls not yet answered (queued or ringing an agent). */
  waiting: count,
  longestWaitMs: ms,
  agents: agentCountsSchema,
  digitalActive: count,
  digitalPending: count,
  intervals: z.object({
    today: intervalMetricsSchema,
    '15m': intervalMetricsSchema,
    '30m': intervalMetricsSchema,
    '60m': intervalMetricsSchema,
  }),
});
export type QueueMetrics = z.infer<typeof queueMetricsSchema>;

export const metricsThresholdsSchema = z.object({
  serviceLevelMinPercent: percent,
  abandonRateMaxPercent: percent,
  averageSpeedOfAnswerMaxSeconds: z.number().nonnegative(),
  /** Longest wait above this share of the queue's own threshold (100 = the threshold itself). */
  longestWaitMaxPercentOfThreshold: z.number().nonnegative(),
  digitalSlaMissedMax: count,
});
export type MetricsThresholds = z.infer<typeof metricsThresholdsSchema>;

export const metricsSnapshotSchema = z.object({
  at: z.number().int().nonnegative(),
  /** Start of "today" (local midnight in main). */
  dayStart: z.number().int().nonnegative(),
  /** Whether the platform reports after-call work at all (else that count is always 0 and says so). */
  afterCallWorkReported: z.boolean(),
  thresholds: metricsThresholdsSchema,
  total: queueMetricsSchema,
  queues: z.array(queueMetricsSchema).max(10_000),
});
export type MetricsSnapshot = z.infer<typeof metricsSnapshotSchema>;

export const metricsEvents = {
  'metrics:snapshot': event(metricsSnapshotSchema),
};
