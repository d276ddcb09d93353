import { create } from 'zustand';
import { initialConfigState, type ConfigState } from './config/initialState';
import { configReducer, type ConfigAction } from './config/reducer';
import { initialDigitalState, type DigitalState } from './digital/initialState';
import { digitalReducer, type DigitalAction } from './digital/reducer';
import { initialLiveState, type LiveState } from './live/initialState';
import { liveReducer, type LiveAction } from './live/reducer';
import { initialNoticesState, type NoticesState } from './notices/initialState';
import { noticesReducer, type NoticesAction } from './notices/reducer';
import { initialUiState, type UiState } from './ui/initialState';
import { uiReducer, type UiAction } from './ui/reducer';

export type Action = LiveAction | UiAction | NoticesAction | ConfigAction | DigitalAction;

export interface RootState {
  live: LiveState;
  ui: UiState;
  notices: NoticesState;
  config: ConfigState;
  digital: DigitalState;
}

export const initialRootState: RootState = {
  live: initialLiveState,
  ui: initialUiState,
  notices: initialNoticesState,
  config: initialConfigState,
  digital: initialDigitalState,
};

/** Each slice reducer returns its old state for actions it does not handle, so unrelated slices keep identity. */
export function rootReducer(state: RootState, action: Action): RootState {
  const live = liveReducer(state.live, action as LiveAction);
  const ui = uiReducer(state.ui, action as UiAction);
  const notices = noticesReducer(state.notices, action as NoticesAction);
  const config = configReducer(state.config, action as ConfigAction);
  const digital = digitalReducer(state.digital, action as DigitalAction);
  if (live === state.live && ui === state.ui && notices === state.notices && config === state.config && digital === state.digital) return state;
  return { live, ui, notices, config, digital };
}

export const useStore = create<RootState>(() => initialRootState);
export const dispatch = (action: Action): void => useStore.setState((s) => rootReducer(s, action), true);
