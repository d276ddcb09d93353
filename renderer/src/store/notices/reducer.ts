import type { Notice } from '../../../../preload/contract';
import type { NoticesState } from './initialState';

export type NoticesAction = { type: 'notices/add'; notice: Notice } | { type: 'notices/dismiss'; id: string };

const keep = 5;

export function noticesReducer(state: NoticesState, action: NoticesAction): NoticesState {
  switch (action.type) {
    case 'notices/add':
      if (state.items.some((n) => n.id === action.notice.id)) return state;
      return { items: [...state.items, action.notice].slice(-keep) };
    case 'notices/dismiss':
      return { items: state.items.filter((n) => n.id !== action.id) };
    default:
      return state;
  }
}
