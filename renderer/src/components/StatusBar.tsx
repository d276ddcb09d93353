import { useStore } from '../store';
import { describePhone, monitorTrouble } from '../store/phone/selectors';
import type { UiState } from '../store/ui/initialState';

const connectionText: Record<UiState['connection'], string> = {
  open: 'Connected',
  connecting: 'Connecting…',
  closed: 'Disconnected — reconnecting…',
  refused: 'This Spyglass tab is from an earlier run — open the URL printed in the terminal',
};

/** Bottom status line: the connection to main and to the contact center, with what to do next. */
export function StatusBar() {
  const connection = useStore((s) => s.ui.connection);
  const connector = useStore((s) => s.live.connector);
  const policyError = useStore((s) => s.config.view?.policyError);
  const settingsProblem = useStore((s) => s.config.view?.settingsProblem);
  const phone = describePhone(useStore((s) => s.phone.status));
  const legTrouble = monitorTrouble(useStore((s) => s.phone.status));
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span title="Connection between this window and Spyglass" className={connection === 'refused' ? 'status-error' : undefined}>
        {connectionText[connection]}
      </span>
      {connector ? (
        <span title="Contact center connection">
          Contact center: {connector.name} · {connector.state}
          {connector.message ? ` — ${connector.message}` : ''}
        </span>
      ) : null}
      <span className={phone.problem ? 'status-error' : undefined} title="Softphone registration (used for voice monitoring)">
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
    </footer>
  );
}
