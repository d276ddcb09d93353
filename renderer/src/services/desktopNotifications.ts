import type { Alert } from '../../../preload/contract';
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

/** A new alert from main: shown as a desktop notification when the setting is on and the browser allows it. */
export function notifyAlert(alert: Alert): void {
  const { desktopNotifications } = useAlerts.getState();
  if (!desktopNotifications || currentPermission() !== 'granted') return;
  // One notification per alert, even with two tabs open (the tag replaces rather than adds).
  const notification = new window.Notification(alert.title, { body: alert.text, tag: alert.id });
  notification.onclick = () => {
    window.focus();
    showAlert(alert.id);
    notification.close();
  };
}
