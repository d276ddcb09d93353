import type { MetricsThresholds } from '../../preload/contract/metrics';
import type { ConfigService } from '../config/ConfigService';

/** The metrics thresholds in effect (defaults < user settings < IT policy). */
export function metricsThresholdsFrom(config: Pick<ConfigService, 'get'>): MetricsThresholds {
  return {
    serviceLevelMinPercent: config.get('metrics.serviceLevelMinPercent'),
    abandonRateMaxPercent: config.get('metrics.abandonRateMaxPercent'),
    averageSpeedOfAnswerMaxSeconds: config.get('metrics.averageSpeedOfAnswerMaxSeconds'),
    longestWaitMaxPercentOfThreshold: config.get('metrics.longestWaitMaxPercentOfThreshold'),
    digitalSlaMissedMax: config.get('metrics.digitalSlaMissedMax'),
  };
}
