import { create } from 'zustand';
import { initialCacheState, type CacheState } from './cache/initialState';
import { cacheReducer, type CacheAction } from './cache/reducer';
import { initialConfigState, type ConfigState } from './config/initialState';
import { configReducer, type ConfigAction } from './config/reducer';
import { initialDigitalState, type DigitalState } from './digital/initialState';
import { digitalReducer, type DigitalAction } from './digital/reducer';
import { initialLiveState, type LiveState } from './live/initialState';
import { liveReducer, type LiveAction } from './live/reducer';
import { initialPhoneState, type PhoneState } from './phone/initialState';
import { phoneReducer, type PhoneAction } from './phone/reducer';
import { initialNoticesState, type NoticesState } from './notices/initialState';
import { noticesReducer, type NoticesAction } from './notices/reducer';
import { initialUiState, type UiState } from './ui/initialState';
import { uiReducer, type UiAction } from './ui/reducer';

export type Action = LiveAction | UiAction | NoticesAction | ConfigAction | DigitalAction | CacheAction | PhoneAction;

export interface RootState {
  live: LiveState;
  ui: UiState;
  notices: NoticesState;
  config: ConfigState;
  digital: DigitalState;
  cache: CacheState;
  phone: PhoneState;
}

export const initialRootState: RootState = {
  live: initialLiveState,
  ui: initialUiState,
  notices: initialNoticesState,
  config: initialConfigState,
  digital: initialDigitalState,
  cache: initialCacheState,
  phone: initialPhoneState,
};

type Reducers = { [K in keyof RootState]: (state: RootState[K], action: Action) => RootState[K] };

/** One pure reducer per slice (lobe-chat style); add a slice here and in RootState. */
const reducers: Reducers = {
  live: (s, a) => liveReducer(s, a as LiveAction),
  ui: (s, a) => uiReducer(s, a as UiAction),
  notices: (s, a) => noticesReducer(s, a as NoticesAction),
  config: (s, a) => configReducer(s, a as ConfigAction),
  digital: (s, a) => digitalReducer(s, a as DigitalAction),
  cache: (s, a) => cacheReducer(s, a as CacheAction),
  phone: (s, a) => phoneReducer(s, a as PhoneAction),
};

/** Each slice reducer returns its old state for actions it does not handle, so unrelated slices keep identity. */
export function rootReducer(state: RootState, action: Action): RootState {
  let next: RootState | undefined;
  for (const key of Object.keys(reducers) as (keyof RootState)[]) {
    const before = state[key];
    const after = (reducers[key] as (s: unknown, a: Action) => unknown)(before, action);
    if (after !== before) {
      next ??= { ...state };
      (next as unknown as Record<string, unknown>)[key] = after;
    }
  }
  return next ?? state;
}

export const useStore = create<RootState>(() => initialRootState);
export const dispatch = (action: Action): void => useStore.setState((s) => rootReducer(s, action), true);
