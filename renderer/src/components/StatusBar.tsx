import { useStore } from '../store';
import { describePhone, monitorTrouble } from '../store/phone/selectors';
import { NoticeCount } from './NoticeTray';
import { connectorStatusText, windowLinkStatus } from './statusText';
import { useTicking } from './useTicking';

/** Bottom status line: the connection to main and to the contact center, with what to do next. */
export function StatusBar() {
  const connection = useStore((s) => s.ui.connection);
  const connector = useStore((s) => s.live.connector);
  const policyError = useStore((s) => s.config.view?.policyError);
  const settingsProblem = useStore((s) => s.config.view?.settingsProblem);
  const phoneStatus = useStore((s) => s.phone.status);
  // "reconnecting in 4 s" counts down; "re-registered" gives way to "ready" after a minute.
  const now = useTicking(phoneStatus?.registration === 'reconnecting' || phoneStatus?.reRegisteredAt !== undefined);
  const phone = describePhone(phoneStatus, now);
  const legTrouble = monitorTrouble(phoneStatus);
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      {windowLinkStatus(connection) ? (
        <span title="Connection between this window and Spyglass" className={connection === 'refused' ? 'status-error' : undefined}>
          {windowLinkStatus(connection)}
        </span>
      ) : null}
      {connector ? (
        <span title="Contact center connection" className={connector.state === 'error' ? 'status-error' : undefined}>
          {connectorStatusText(connector)}
        </span>
      ) : null}
      <span className={phone.problem ? 'status-error' : undefined} data-testid="status-phone" title="Softphone registration (used for voice monitoring)">
        {phone.text}
      </span>
      {legTrouble ? (
        <span className="status-error" data-testid="status-monitor-trouble" title="Your monitoring leg">
          Monitor: {legTrouble}
        </span>
      ) : null}
      {policyError ? (
        <span className="status-error" title={policyError}>
          IT policy not applied (invalid file) — see Settings
        </span>
      ) : null}
      {settingsProblem ? (
        <span className="status-error" data-testid="status-settings-problem" title={settingsProblem}>
          Some of your settings were not applied — see Settings
        </span>
      ) : null}
      <NoticeCount />
    </footer>
  );
}
