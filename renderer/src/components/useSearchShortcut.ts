import { useCallback } from 'react';
import { dispatch, useStore } from '../store';
import { useShortcut } from './shortcuts';

/** The search box of the view on screen: the chats filter on Chats, else the agent search. */
function focusSearch(): void {
  const { view, detailsId } = useStore.getState().ui;
  if (view === 'chats' && !detailsId) {
    document.getElementById('chats-filter')?.focus();
    return;
  }
  if (view !== 'agents' || detailsId) dispatch({ type: 'ui/show', view: 'agents' });
  // The Agents view mounts on the next render.
  requestAnimationFrame(() => document.getElementById('agents-search')?.focus());
}

/** Ctrl+F and / go to search from anywhere (issue 13 found 10), as in a browser or a mail client. */
export function useSearchShortcut(): void {
  const run = useCallback(focusSearch, []);
  useShortcut('Ctrl+F', 'Search agents (on Chats: filter the chats)', run);
  useShortcut('/', 'Search agents (on Chats: filter the chats)', run);
}
