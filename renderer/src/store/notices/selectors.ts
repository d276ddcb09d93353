import type { NoticesState } from './initialState';

export const selectNotices = (s: NoticesState) => s.items;
