import type { AlertsState } from '../../../../preload/contract';
import type { AlertsUiState, NotificationPermissionState } from './initialState';

export type AlertsAction =
  /** The whole list from main (after any change, and on (re)connect). */
  | { type: 'alerts/state'; state: AlertsState }
  | { type: 'alerts/permission'; permission: NotificationPermissionState }
  | { type: 'alerts/focus'; alertId: string | undefined };

export function alertsReducer(state: AlertsUiState, action: AlertsAction): AlertsUiState {
  switch (action.type) {
    case 'alerts/state': {
      const s = action.state;
      const focusedAlertId = state.focusedAlertId && s.alerts.some((a) => a.id === state.focusedAlertId) ? state.focusedAlertId : undefined;
      return { ...state, alerts: s.alerts, unacknowledged: s.unacknowledged, wantedLocks: s.wantedLocks, desktopNotifications: s.desktopNotifications, focusedAlertId };
    }
    case 'alerts/permission':
      return state.permission === action.permission ? state : { ...state, permission: action.permission };
    case 'alerts/focus':
      return state.focusedAlertId === action.alertId ? state : { ...state, focusedAlertId: action.alertId };
    default:
      return state;
  }
}
