import type { UiState } from './initialState';

export const selectView = (s: UiState) => s.view;
export const selectDetailsId = (s: UiState) => s.detailsId;
export const selectHelpOpen = (s: UiState) => s.helpOpen;
export const selectConnection = (s: UiState) => s.connection;
