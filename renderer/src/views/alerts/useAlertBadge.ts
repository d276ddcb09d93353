import { useEffect } from 'react';
import { useAlerts } from '../../store/alerts';
import { selectUnacknowledged, titleWithCount } from '../../store/alerts/selectors';

/**
 * The unacknowledged count in the window title: a browser tab and the taskbar
 * entry show it ("(3) Spyglass"); acknowledging takes it away. (The Electron
 * app also sets the OS badge from main.)
 */
export function useAlertBadge(): void {
  const count = useAlerts(selectUnacknowledged);
  useEffect(() => {
    document.title = titleWithCount(count);
  }, [count]);
}
