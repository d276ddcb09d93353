import type { MetricInterval, MetricsSnapshot } from '../../../../preload/contract';
import type { MetricsState } from './initialState';

export type MetricsAction = { type: 'metrics/snapshot'; snapshot: MetricsSnapshot } | { type: 'metrics/interval'; interval: MetricInterval };

export function metricsReducer(state: MetricsState, action: MetricsAction): MetricsState {
  switch (action.type) {
    case 'metrics/snapshot':
      // A late snapshot (reconnect races) never replaces a newer one.
      if (state.snapshot && action.snapshot.at < state.snapshot.at) return state;
      return { ...state, snapshot: action.snapshot };
    case 'metrics/interval':
      return state.interval === action.interval ? state : { ...state, interval: action.interval };
    default:
      return state;
  }
}
