import { desktopNotesFor, type RaisedAlerts } from '../../../preload/contract/alerts';
import { dispatchAlerts, useAlerts, type NotificationPermissionState } from '../store/alerts';
import { showAlert } from '../views/alerts/jump';

/**
 * Desktop notifications in the web host: the Web Notifications API. In the
 * Electron app main shows them itself (Electron `Notification`), so this page
 * never does. Permission is asked only from a click (a user gesture), never on load.
 */
const inElectron = (): boolean => Boolean(window.spyglass);

export function currentPermission(): NotificationPermissionState {
  if (inElectron()) return 'main';
  if (typeof window.Notification !== 'function') return 'unsupported';
  return window.Notification.permission;
}

/** Reads the permission into the store (at start, and after the user answered the browser's prompt). */
export function refreshPermission(): void {
  dispatchAlerts({ type: 'alerts/permission', permission: currentPermission() });
}

/** Call from a click handler only: browsers ignore (or penalise) prompts without a user gesture. */
export async function askPermission(): Promise<void> {
  if (currentPermission() !== 'default') return;
  try {
    await window.Notification.requestPermission();
  } finally {
    refreshPermission();
  }
}

/** New alerts from main: desktop notifications (a few one each, many one summary) when the setting is on and the browser allows it. */
export function notifyRaised(raised: RaisedAlerts): void {
  const { desktopNotifications } = useAlerts.getState();
  if (!desktopNotifications || currentPermission() !== 'granted') return;
  for (const note of desktopNotesFor(raised)) {
    // With two tabs open the tag makes the second replace the first rather than add one.
    const notification = new window.Notification(note.title, { body: note.body, tag: note.alertId ?? `batch-${raised.alerts[0]?.id ?? ''}` });
    notification.onclick = () => {
      window.focus();
      showAlert(note.alertId);
      notification.close();
    };
  }
}
