import { dispatch } from '../store';
import { invoke } from './api';

/** The supervisor read these notices: gone here, and main forgets them so no window shows them again. */
export function readNotices(ids: readonly string[]): void {
  if (ids.length === 0) return;
  for (const id of ids) dispatch({ type: 'notices/dismiss', id });
  void invoke('notices:read', { ids: ids.slice(-100) });
}
