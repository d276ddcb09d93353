import type { IntervalMetrics, MetricsThresholds, ThresholdMetric } from '../../preload/contract/metrics';

export const defaultThresholds: MetricsThresholds = {
  serviceLevelMinPercent: 80,
  abandonRateMaxPercent: 5,
  averageSpeedOfAnswerMaxSeconds: 30,
  longestWaitMaxPercentOfThreshold: 100,
  digitalSlaMissedMax: 0,
};

/**
 * Which metrics of one row are outside their thresholds. A metric with no
 * value (nothing counted) is never breached.
 */
export function breachedMetrics(
  m: Omit<IntervalMetrics, 'breached'>,
  longestWaitMs: number,
  thresholdSeconds: number | undefined,
  t: MetricsThresholds,
): ThresholdMetric[] {
  const out: ThresholdMetric[] = [];
  if (m.serviceLevelPercent !== undefined && m.serviceLevelPercent < t.serviceLevelMinPercent) out.push('serviceLevel');
  if (m.abandonRatePercent !== undefined && m.abandonRatePercent > t.abandonRateMaxPercent) out.push('abandonRate');
  if (m.averageSpeedOfAnswerMs !== undefined && m.averageSpeedOfAnswerMs > t.averageSpeedOfAnswerMaxSeconds * 1000) out.push('averageSpeedOfAnswer');
  if (thresholdSeconds !== undefined && longestWaitMs > (thresholdSeconds * 1000 * t.longestWaitMaxPercentOfThreshold) / 100) out.push('longestWait');
  if (m.digitalSlaMissed > t.digitalSlaMissedMax) out.push('digitalSlaMissed');
  return out;
}
