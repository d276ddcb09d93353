import type { Notice } from '../../../../preload/contract';
import type { NoticesState } from './initialState';

export type NoticesAction =
  | { type: 'notices/add'; notice: Notice }
  | { type: 'notices/dismiss'; id: string }
  | { type: 'notices/dismissAll' }
  | { type: 'notices/collapse'; id: string }
  /** Unread notices from main when a window opens: one already shown elsewhere goes straight into the count (no second toast; old news, info, is dropped). */
  | { type: 'notices/replay'; notices: Notice[] };

/** Unread notices kept (a burst of refusals must not grow the list without bound; the oldest go first). */
export const NOTICES_KEPT = 50;

export function noticesReducer(state: NoticesState, action: NoticesAction): NoticesState {
  switch (action.type) {
    case 'notices/add': {
      if (state.items.some((n) => n.id === action.notice.id)) return state;
      const items = [...state.items, action.notice].slice(-NOTICES_KEPT);
      return { items, collapsed: state.collapsed.filter((id) => items.some((n) => n.id === id)) };
    }
    case 'notices/replay': {
      const known = new Set(state.items.map((n) => n.id));
      const fresh = action.notices.filter((n) => !known.has(n.id) && !(n.shown && n.level === 'info'));
      if (fresh.length === 0) return state;
      const items = [...fresh, ...state.items].slice(-NOTICES_KEPT);
      const seen = fresh.filter((n) => n.shown).map((n) => n.id);
      return { items, collapsed: [...state.collapsed, ...seen].filter((id) => items.some((n) => n.id === id)) };
    }
    case 'notices/dismiss':
      return { items: state.items.filter((n) => n.id !== action.id), collapsed: state.collapsed.filter((id) => id !== action.id) };
    case 'notices/dismissAll':
      return { items: [], collapsed: [] };
    case 'notices/collapse':
      if (state.collapsed.includes(action.id) || !state.items.some((n) => n.id === action.id)) return state;
      return { ...state, collapsed: [...state.collapsed, action.id] };
    default:
      return state;
  }
}
