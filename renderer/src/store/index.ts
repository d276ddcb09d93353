import { create } from 'zustand';
import { browserFrames, createFrameBatch } from './frameBatch';
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

/** What main sends, applied once per frame (frameBatch.ts): one store update and one render for all of a frame's messages. */
export const fromMain = createFrameBatch<Action>((actions) => useStore.setState((s) => actions.reduce(rootReducer, s), true), browserFrames);

/** Applies an action now; anything from main still waiting for its frame is applied first, so the order stays the arrival order. */
export const dispatch = (action: Action): void => {
  fromMain.flush();
  useStore.setState((s) => rootReducer(s, action), true);
};

/** For events from main: applied right before the next frame renders (or within 100 ms when the page does not render). */
export const dispatchOnNextFrame = (action: Action): void => fromMain.push(action);
