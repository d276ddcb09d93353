import type { MetricsThresholds, ThresholdMetric } from '../../../../preload/contract/metrics';
import { WarningIcon } from '../../components/icons';
import { breachText } from './metricFormat';

interface Props {
  value: string;
  metric?: ThresholdMetric;
  breached?: readonly ThresholdMetric[];
  thresholds?: MetricsThresholds;
  thresholdSeconds?: number;
  /** What the number means, for the tooltip. */
  title: string;
}

/** One metric: its value, and when it is outside its threshold a warning icon, words and colour. */
export function MetricCell({ value, metric, breached, thresholds, thresholdSeconds, title }: Props) {
  const out = metric !== undefined && thresholds !== undefined && breached?.includes(metric);
  if (!out) {
    return (
      <td className="tabular" title={title}>
        {value}
      </td>
    );
  }
  const words = breachText(metric, thresholds, thresholdSeconds);
  return (
    <td className="tabular metric-breach" title={`${title} — outside its threshold (${words})`} data-breached={metric}>
      <WarningIcon />
      {value}
      <span className="breach-text">{words}</span>
    </td>
  );
}
