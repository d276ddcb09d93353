import type { AgentStatus } from '../../../../preload/contract';
import type { DetailsTab, VoiceUiState } from './initialState';

export type VoiceUiAction =
  | { type: 'voice/pick'; interactionId: string; participantId: string }
  | { type: 'voice/agentFilter'; query?: string; status?: AgentStatus | 'all' }
  | { type: 'voice/detailsTab'; tab: DetailsTab }
  | { type: 'voice/toggleExpanded'; agentId: string };

export function voiceUiReducer(state: VoiceUiState, action: VoiceUiAction): VoiceUiState {
  switch (action.type) {
    case 'voice/pick':
      if (state.picked[action.interactionId] === action.participantId) return state;
      return { ...state, picked: { ...state.picked, [action.interactionId]: action.participantId } };
    case 'voice/agentFilter': {
      const agentQuery = action.query ?? state.agentQuery;
      const agentStatus = action.status ?? state.agentStatus;
      if (agentQuery === state.agentQuery && agentStatus === state.agentStatus) return state;
      return { ...state, agentQuery, agentStatus };
    }
    case 'voice/detailsTab':
      return state.detailsTab === action.tab ? state : { ...state, detailsTab: action.tab };
    case 'voice/toggleExpanded': {
      const expanded = { ...state.expanded };
      if (expanded[action.agentId]) delete expanded[action.agentId];
      else expanded[action.agentId] = true;
      return { ...state, expanded };
    }
    default:
      return state;
  }
}
