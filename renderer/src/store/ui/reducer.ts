import type { UiState, ViewName } from './initialState';

export type UiAction =
  | { type: 'ui/show'; view: ViewName }
  | { type: 'ui/openDetails'; interactionId: string | undefined }
  /** Open an ended interaction's details with its cached copy shown (the ended monitoring toolbar's link). */
  | { type: 'ui/openCachedCopy'; interactionId: string }
  /** The details view showed the cached copy it was asked for. */
  | { type: 'ui/cachedCopyShown' }
  | { type: 'ui/help'; open: boolean }
  | { type: 'ui/connection'; state: UiState['connection'] };

export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'ui/show':
      return state.view === action.view && !state.detailsId ? state : { ...state, view: action.view, detailsId: undefined };
    case 'ui/openDetails':
      return { ...state, detailsId: action.interactionId };
    case 'ui/openCachedCopy':
      return { ...state, detailsId: action.interactionId, cachedCopyOf: action.interactionId };
    case 'ui/cachedCopyShown':
      return state.cachedCopyOf === undefined ? state : { ...state, cachedCopyOf: undefined };
    case 'ui/help':
      return { ...state, helpOpen: action.open };
    case 'ui/connection':
      return { ...state, connection: action.state };
    default:
      return state;
  }
}
