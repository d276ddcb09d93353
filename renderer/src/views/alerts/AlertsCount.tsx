import { useAlerts } from '../../store/alerts';
import { selectUnacknowledged } from '../../store/alerts/selectors';

/** The badge on the Alerts button: alerts not yet acknowledged (gone at zero). */
export function AlertsCount() {
  const count = useAlerts(selectUnacknowledged);
  if (count === 0) return null;
  return (
    <span className="nav-count" data-testid="alerts-badge" aria-label={`${count} not acknowledged`}>
      {count}
    </span>
  );
}
