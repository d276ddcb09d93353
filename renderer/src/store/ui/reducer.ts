import type { UiState, ViewName } from './initialState';

export type UiAction =
  | { type: 'ui/show'; view: ViewName }
  | { type: 'ui/openDetails'; interactionId: string | undefined }
  | { type: 'ui/help'; open: boolean }
  | { type: 'ui/connection'; state: UiState['connection'] };

export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'ui/show':
      return state.view === action.view && !state.detailsId ? state : { ...state, view: action.view, detailsId: undefined };
    case 'ui/openDetails':
      return { ...state, detailsId: action.interactionId };
    case 'ui/help':
      return { ...state, helpOpen: action.open };
    case 'ui/connection':
      return { ...state, connection: action.state };
    default:
      return state;
  }
}
