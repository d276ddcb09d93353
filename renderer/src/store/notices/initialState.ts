import type { Notice } from '../../../../preload/contract';

export interface NoticesState {
  /** Unread notices, oldest first (a notice leaves only when it is read, i.e. dismissed). */
  items: Notice[];
  /** Notices folded into the status bar's count: still unread, no longer a toast. */
  collapsed: string[];
}
export const initialNoticesState: NoticesState = { items: [], collapsed: [] };
