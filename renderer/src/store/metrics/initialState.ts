import type { MetricInterval, MetricsSnapshot } from '../../../../preload/contract';

export interface MetricsState {
  /** The latest metrics from main (undefined until the first arrives, about a second after connecting). */
  snapshot: MetricsSnapshot | undefined;
  /** The interval the supervisor picked (Queue activity and the Agents strip share it). */
  interval: MetricInterval;
}
export const initialMetricsState: MetricsState = { snapshot: undefined, interval: 'today' };
