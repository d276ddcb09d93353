import { create } from 'zustand';
import { initialMetricsState, type MetricsState } from './initialState';
import { metricsReducer, type MetricsAction } from './reducer';

/**
 * Queue metrics as main computed them, and the interval shown. A store of its
 * own: the once-a-second snapshot never re-runs the live slices' selectors.
 */
export const useMetrics = create<MetricsState>(() => initialMetricsState);
export const dispatchMetrics = (action: MetricsAction): void => useMetrics.setState((s) => metricsReducer(s, action), true);

export type { MetricsState } from './initialState';
export type { MetricsAction } from './reducer';
