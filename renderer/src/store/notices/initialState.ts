import type { Notice } from '../../../../preload/contract';

export interface NoticesState {
  items: Notice[];
}
export const initialNoticesState: NoticesState = { items: [] };
