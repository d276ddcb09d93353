import type { ConfigState } from './initialState';

export const selectConfig = (s: ConfigState) => s.view;
export const selectIsLocked = (key: string) => (s: ConfigState) => s.view?.locked.includes(key) ?? false;
