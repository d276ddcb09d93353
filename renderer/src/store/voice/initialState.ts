import type { AgentStatus } from '../../../../preload/contract';

export type DetailsTab = 'participants' | 'timeline';

/** What the supervisor chose on the voice screens (not what main reported: that is `live`). */
export interface VoiceUiState {
  /** Interaction id -> the participant picked to monitor (the radio group in details). */
  picked: Record<string, string>;
  /** Agents view search (name or extension, case- and accent-insensitive) and status filter (views/agents/agentTable.ts applies them). */
  agentQuery: string;
  agentStatus: AgentStatus | 'all';
  detailsTab: DetailsTab;
  /** On Queue agents whose row is expanded (+) in Queue activity. */
  expanded: Record<string, true>;
}

export const initialVoiceUiState: VoiceUiState = {
  picked: {},
  agentQuery: '',
  agentStatus: 'all',
  detailsTab: 'participants',
  expanded: {},
};
