import { useEffect } from 'react';
import { useAlerts } from '../../store/alerts';
import { selectUnacknowledged, titleWithCount } from '../../store/alerts/selectors';

/**
 * The unacknowledged count where the supervisor sees it outside the window:
 * in the title ("(3) Spyglass": the browser tab and the taskbar entry show it)
 * and as a red dot on the tab's icon; acknowledging takes both away. (The
 * Electron app also sets the OS badge from main.)
 */
export function useAlertBadge(): void {
  const count = useAlerts(selectUnacknowledged);
  useEffect(() => {
    document.title = titleWithCount(count);
    const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (icon) icon.href = count > 0 ? './icon-alert.svg' : './icon.svg';
  }, [count]);
}
