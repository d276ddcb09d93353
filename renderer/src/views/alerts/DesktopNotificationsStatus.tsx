import { askPermission } from '../../services/desktopNotifications';
import { useAlerts } from '../../store/alerts';

/**
 * Whether alerts also reach the desktop, in words, with the one action that
 * helps. The browser is asked for permission only when the supervisor clicks.
 */
export function DesktopNotificationsStatus() {
  const on = useAlerts((s) => s.desktopNotifications);
  const permission = useAlerts((s) => s.permission);
  if (!on) return <p className="muted alerts-desktop">Desktop notifications are off (Settings › Alerts).</p>;
  switch (permission) {
    case 'main':
    case 'granted':
      return <p className="muted alerts-desktop">New alerts also show as desktop notifications.</p>;
    case 'unsupported':
      return <p className="muted alerts-desktop">This browser cannot show desktop notifications; alerts show here and in the title.</p>;
    case 'denied':
      return (
        <p className="alerts-desktop status-warning" role="note">
          The browser blocks notifications from this page. Allow them in the browser’s site settings to get alerts on the desktop.
        </p>
      );
    case 'default':
      return (
        <p className="alerts-desktop">
          <button type="button" title="The browser asks you once whether this page may show desktop notifications" onClick={() => void askPermission()}>
            Allow desktop notifications
          </button>
        </p>
      );
  }
}
