import type { MetricsThresholds, ThresholdMetric } from '../../../../preload/contract/metrics';
import { formatElapsed } from '../../format/elapsed';

/** "—" for a metric nobody could count yet (no calls in the interval): never a made-up 0 or 100. */
export const DASH = '—';

export const formatPercent = (p: number | undefined): string => (p === undefined ? DASH : `${Number.isInteger(p) ? p : p.toFixed(1)}%`);
export const formatDuration = (ms: number | undefined): string => (ms === undefined ? DASH : formatElapsed(ms));

/** The words next to a cell outside its threshold (so it is not told by colour alone). */
export function breachText(metric: ThresholdMetric, t: MetricsThresholds, thresholdSeconds?: number): string {
  switch (metric) {
    case 'serviceLevel':
      return `below ${t.serviceLevelMinPercent}%`;
    case 'abandonRate':
      return `above ${t.abandonRateMaxPercent}%`;
    case 'averageSpeedOfAnswer':
      return `above ${t.averageSpeedOfAnswerMaxSeconds} s`;
    case 'longestWait':
      return thresholdSeconds !== undefined
        ? `over ${Math.round((thresholdSeconds * t.longestWaitMaxPercentOfThreshold) / 100)} s`
        : 'over target';
    case 'digitalSlaMissed':
      return `above ${t.digitalSlaMissedMax}`;
  }
}
