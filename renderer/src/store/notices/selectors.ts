import type { Notice } from '../../../../preload/contract';
import type { NoticesState } from './initialState';

/** At most this many toasts on screen; the rest wait in the status bar's count. */
export const MAX_TOASTS = 3;

/**
 * How long a toast stays before it goes: information is dismissed (it was only
 * news), a warning folds into the status bar's count (still unread until the
 * supervisor reads it there), an error stays until dismissed.
 */
export const toastLifetimeMs: Record<Notice['level'], number | undefined> = { info: 8_000, warning: 12_000, error: undefined };

export const selectNotices = (s: NoticesState) => s.items;

/** The toasts to show: the newest unread ones not folded away, at most MAX_TOASTS. */
export function selectToasts(s: NoticesState): Notice[] {
  return s.items.filter((n) => !s.collapsed.includes(n.id)).slice(-MAX_TOASTS);
}

/** Unread warnings and errors: the status bar's count (information is never counted, it goes by itself). */
export function selectUnreadCount(s: NoticesState): number {
  return s.items.reduce((count, n) => (n.level === 'info' ? count : count + 1), 0);
}
