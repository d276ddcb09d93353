import { run } from '../../services/api';
import { dispatchAlerts, useAlerts } from '../../store/alerts';
import { selectLockWanted } from '../../store/alerts/selectors';

/**
 * "Notify me when free" next to a Monitor button another supervisor's lock
 * disables: main raises a "Free to monitor" alert once the lock is released.
 */
export function NotifyWhenFree({ interactionId, holder }: { interactionId: string; holder: string }) {
  const wanted = useAlerts((s) => selectLockWanted(s, interactionId));
  const toggle = async () => {
    const state = await run('alerts:wantLock', { interactionId, want: !wanted });
    if (state) dispatchAlerts({ type: 'alerts/state', state });
  };
  return (
    <span className="action">
      <button
        type="button"
        aria-pressed={wanted}
        title={wanted ? `You will be told when ${holder} stops monitoring; click to cancel` : `Tell me (an alert) when ${holder} stops monitoring this conversation`}
        onClick={() => void toggle()}
      >
        {wanted ? 'Notifying you when free' : 'Notify me when free'}
      </button>
    </span>
  );
}
