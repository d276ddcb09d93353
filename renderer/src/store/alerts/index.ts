import { create } from 'zustand';
import { initialAlertsState, type AlertsUiState } from './initialState';
import { alertsReducer, type AlertsAction } from './reducer';

/**
 * Alerts as main raised them, and this window's notification permission. A
 * store of its own: a change of the alert list never re-runs the live slices'
 * selectors (and the once-a-second agent updates never re-run these).
 */
export const useAlerts = create<AlertsUiState>(() => initialAlertsState);
export const dispatchAlerts = (action: AlertsAction): void => useAlerts.setState((s) => alertsReducer(s, action), true);

export type { AlertsUiState, NotificationPermissionState } from './initialState';
export type { AlertsAction } from './reducer';
