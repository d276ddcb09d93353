import { app, nativeImage, Notification, type BrowserWindow, type NativeImage } from 'electron';
import { desktopNotesFor, type AlertsState, type RaisedAlerts } from '../../preload/contract/alerts';

/** What the notifier needs from the core's alert feed. */
export interface AlertSource {
  onRaised(listener: (raised: RaisedAlerts) => void): () => void;
  onChanged(listener: (state: AlertsState) => void): () => void;
}

export interface AlertNotifierOptions {
  /** Setting `alerts.desktopNotifications` (read at each alert: switching it off applies at once). */
  enabled: () => boolean;
  /** The supervisor's window, to bring forward on a click and to carry the Windows taskbar overlay. */
  uiWindow: () => BrowserWindow | undefined;
  /** Opens the Alerts panel, on this alert when there is one (the core emits `alerts:show`). */
  showAlert: (alertId: string | undefined) => void;
}

/**
 * Desktop side of the alerts in the Electron app: new alerts as OS notifications
 * (a few one each, many as one summary: desktopNotesFor; clicking brings the
 * window forward on that alert), and the unacknowledged count as the
 * dock/launcher badge (macOS; Linux docks that speak the LauncherEntry D-Bus
 * API for spyglass.desktop — Electron 44 dropped the Unity-only path) or a
 * taskbar overlay (Windows, which has no badge count). Acknowledging in the
 * window lowers the count; at zero the badge goes. Since Electron 42 macOS
 * shows notifications only from a signed app (an unsigned build gets the
 * notification's 'failed' event instead).
 */
export function wireAlertNotifier(alerts: AlertSource, options: AlertNotifierOptions): void {
  alerts.onRaised((raised) => {
    if (!options.enabled() || !Notification.isSupported()) return;
    for (const note of desktopNotesFor(raised)) {
      const notification = new Notification({ title: note.title, body: note.body });
      notification.on('click', () => {
        const window = options.uiWindow();
        if (window && !window.isDestroyed()) {
          if (window.isMinimized()) window.restore();
          window.focus();
        }
        options.showAlert(note.alertId);
      });
      notification.show();
    }
  });
  alerts.onChanged((state) => {
    app.setBadgeCount(state.unacknowledged);
    const window = options.uiWindow();
    if (process.platform === 'win32' && window && !window.isDestroyed()) {
      window.setOverlayIcon(state.unacknowledged > 0 ? overlayDot() : null, state.unacknowledged > 0 ? `${state.unacknowledged} unacknowledged alerts` : '');
    }
  });
}

let dot: NativeImage | undefined;
/** A 16×16 red disk for the Windows taskbar overlay, drawn here so no image file has to ship. */
function overlayDot(): NativeImage {
  if (dot) return dot;
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = (x - 7.5) ** 2 + (y - 7.5) ** 2 <= 7.5 ** 2;
      // BGRA
      pixels.set(inside ? [0x1f, 0x1f, 0xc6, 0xff] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  dot = nativeImage.createFromBitmap(pixels, { width: size, height: size });
  return dot;
}
