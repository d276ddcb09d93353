import { create } from 'zustand';
import { initialVoiceUiState, type VoiceUiState } from './initialState';
import { voiceUiReducer, type VoiceUiAction } from './reducer';

/**
 * The voice screens' own choices (picked participant, agent filter, tabs).
 * Kept in a store of its own next to the root store so the high-rate
 * `live` updates never re-run these selectors and vice versa.
 */
export const useVoiceUi = create<VoiceUiState>(() => initialVoiceUiState);
export const dispatchVoice = (action: VoiceUiAction): void => useVoiceUi.setState((s) => voiceUiReducer(s, action), true);

export type { VoiceUiState, DetailsTab } from './initialState';
export type { VoiceUiAction } from './reducer';
