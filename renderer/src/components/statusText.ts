import type { ConnectorStatus } from '../../../preload/contract';
import type { UiState } from '../store/ui/initialState';

/**
 * The status bar's words for the two links a supervisor depends on: this window
 * to Spyglass, and Spyglass to the contact center. A link that is fine says
 * nothing of its own — a bare "Connected" next to "contact center … offline"
 * read as a contradiction — so the line only speaks of what is not right, and
 * of the contact center, which is what the supervisor asks about.
 */
const windowLinkText: Record<Exclude<UiState['connection'], 'open'>, string> = {
  connecting: 'Connecting to Spyglass…',
  closed: 'Disconnected from Spyglass — reconnecting…',
  refused: 'This Spyglass tab is from an earlier run — open the URL printed in the terminal',
};

export function windowLinkStatus(connection: UiState['connection']): string | undefined {
  return connection === 'open' ? undefined : windowLinkText[connection];
}

const connectorNames: Record<string, string> = { demo: 'Demo contact center', asterisk: 'Asterisk contact center' };

const connectorStateText: Record<ConnectorStatus['state'], string> = {
  connecting: 'connecting…',
  online: 'online',
  offline: 'offline — showing cached data only',
  error: 'not connected',
};

/** "Demo contact center: online", "Asterisk contact center: not connected — AMI login refused". */
export function connectorStatusText(connector: ConnectorStatus): string {
  const name = connectorNames[connector.name] ?? `Contact center ${connector.name}`;
  return `${name}: ${connectorStateText[connector.state]}${connector.message ? ` — ${connector.message}` : ''}`;
}
