import { useShallow } from 'zustand/react/shallow';
import { run } from '../../services/api';
import { dispatchAlerts, useAlerts } from '../../store/alerts';
import { selectActiveAlertIds, selectRecentAlertIds } from '../../store/alerts/selectors';
import { AlertItem } from './AlertItem';
import { DesktopNotificationsStatus } from './DesktopNotificationsStatus';
import './alerts.css';

/** The Alerts panel (issue 12 item 2): what main raised, newest first; acknowledge, jump to the interaction or agent. */
export function AlertsView() {
  const active = useAlerts(useShallow(selectActiveAlertIds));
  const recent = useAlerts(useShallow(selectRecentAlertIds));
  const unacknowledged = useAlerts((s) => s.unacknowledged);
  const acknowledgeAll = async () => {
    const state = await run('alerts:acknowledgeAll', {});
    if (state) dispatchAlerts({ type: 'alerts/state', state });
  };
  return (
    <section aria-labelledby="alerts-title" className="view alerts-view">
      <header className="alerts-header">
        <h1 id="alerts-title">Alerts</h1>
        <p className="muted" data-testid="alerts-count" aria-live="polite">
          {unacknowledged === 0 ? 'Nothing to acknowledge' : `${unacknowledged} to acknowledge`}
        </p>
        <button
          type="button"
          disabled={unacknowledged === 0}
          title={unacknowledged === 0 ? 'Every alert is acknowledged' : 'Acknowledge every alert: the badge and the title count go to zero'}
          onClick={() => void acknowledgeAll()}
        >
          Acknowledge all
        </button>
      </header>
      <DesktopNotificationsStatus />
      <h2 id="alerts-active">Active</h2>
      {active.length === 0 ? (
        <p className="muted empty">No alert is active.</p>
      ) : (
        <ul className="alerts-list" aria-labelledby="alerts-active">
          {active.map((id) => (
            <AlertItem key={id} id={id} />
          ))}
        </ul>
      )}
      <h2 id="alerts-recent">Recent (cleared)</h2>
      {recent.length === 0 ? (
        <p className="muted empty">Nothing cleared yet.</p>
      ) : (
        <ul className="alerts-list" aria-labelledby="alerts-recent">
          {recent.map((id) => (
            <AlertItem key={id} id={id} />
          ))}
        </ul>
      )}
    </section>
  );
}
