import type { MetricInterval } from '../../preload/contract/metrics';

/** Which alerts are on and their thresholds (settings `alerts.*`, lockable by IT policy). */
export interface AlertRules {
  longCall: { enabled: boolean; seconds: number };
  longHold: { enabled: boolean; seconds: number };
  longWait: { enabled: boolean; seconds: number };
  /** Uses the metrics' own service-level target; this says over which interval. */
  slaBreach: { enabled: boolean; interval: MetricInterval };
  agentStuck: { enabled: boolean; seconds: number };
  assistance: { enabled: boolean };
  lockReleased: { enabled: boolean };
}

export const defaultAlertRules: AlertRules = {
  longCall: { enabled: true, seconds: 900 },
  longHold: { enabled: true, seconds: 60 },
  longWait: { enabled: true, seconds: 120 },
  slaBreach: { enabled: true, interval: '30m' },
  agentStuck: { enabled: true, seconds: 900 },
  assistance: { enabled: true },
  lockReleased: { enabled: true },
};
