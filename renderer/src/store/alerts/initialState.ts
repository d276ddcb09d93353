import type { Alert } from '../../../../preload/contract';

/** Whether this browser may show desktop notifications ('unsupported': no Web Notifications API; Electron: main shows them). */
export type NotificationPermissionState = 'default' | 'granted' | 'denied' | 'unsupported' | 'main';

export interface AlertsUiState {
  /** Alerts as main keeps them, newest first (bounded by main). */
  alerts: Alert[];
  /** Not yet acknowledged: the badge on the Alerts button and the window title. */
  unacknowledged: number;
  /** Conversations this supervisor waits on ("notify me when free"). */
  wantedLocks: string[];
  /** Setting alerts.desktopNotifications. */
  desktopNotifications: boolean;
  /** The browser's notification permission, as last read (asked only on a click). */
  permission: NotificationPermissionState;
  /** The alert to bring into view (a desktop notification was clicked). */
  focusedAlertId: string | undefined;
}

export const initialAlertsState: AlertsUiState = {
  alerts: [],
  unacknowledged: 0,
  wantedLocks: [],
  desktopNotifications: false,
  permission: 'unsupported',
  focusedAlertId: undefined,
};
