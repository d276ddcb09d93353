import { MAX_ALERTS_KEPT, type Alert } from '../../preload/contract/alerts';
import type { AlertCondition } from './conditions';

/**
 * The alerts raised so far and which conditions are armed. One alert per
 * condition key: while the key stays true (or has been false for less than
 * `clearAfterMs`, so a value hovering at its threshold does not flap) no new
 * alert is raised; once it has been false that long it clears and re-arms.
 * Immutable: every step returns a new book.
 */
export interface AlertBook {
  /** Newest first, at most MAX_ALERTS_KEPT. */
  readonly alerts: readonly Alert[];
  /** Raised and not cleared, by condition key; `falseSince` set while the condition is absent. */
  readonly armed: ReadonlyMap<string, { alertId: string; falseSince?: number }>;
  readonly seq: number;
}

export const emptyAlertBook: AlertBook = { alerts: [], armed: new Map(), seq: 0 };

/** Default: a condition must stay false this long (core time) before it clears and can alert again. */
export const CLEAR_AFTER_MS = 30_000;

export interface AlertStep {
  book: AlertBook;
  /** Alerts raised by this step (what a desktop notification shows). */
  raised: Alert[];
  /** Whether anything in the book changed (raised, cleared). */
  changed: boolean;
}

export function stepAlerts(book: AlertBook, conditions: readonly AlertCondition[], now: number, clearAfterMs = CLEAR_AFTER_MS): AlertStep {
  const armed = new Map(book.armed);
  const raised: Alert[] = [];
  const cleared = new Map<string, number>();
  let seq = book.seq;
  let changed = false;
  const present = new Set<string>();
  for (const c of conditions) {
    if (present.has(c.key)) continue;
    present.add(c.key);
    const known = armed.get(c.key);
    if (known) {
      if (known.falseSince !== undefined) armed.set(c.key, { alertId: known.alertId });
      continue;
    }
    const alert: Alert = { id: `alert-${++seq}`, key: c.key, kind: c.kind, subject: c.subject, title: c.title, text: c.text, raisedAt: now };
    armed.set(c.key, { alertId: alert.id });
    raised.push(alert);
  }
  for (const [key, entry] of armed) {
    if (present.has(key)) continue;
    const falseSince = entry.falseSince ?? now;
    if (now - falseSince >= clearAfterMs) {
      armed.delete(key);
      cleared.set(entry.alertId, falseSince);
    } else if (entry.falseSince === undefined) {
      armed.set(key, { alertId: entry.alertId, falseSince });
    }
  }
  let alerts = book.alerts;
  if (cleared.size > 0) {
    alerts = alerts.map((a) => {
      const at = cleared.get(a.id);
      return at === undefined ? a : { ...a, clearedAt: at };
    });
    changed = true;
  }
  if (raised.length > 0) {
    alerts = [...[...raised].reverse(), ...alerts].slice(0, MAX_ALERTS_KEPT);
    changed = true;
  }
  return { book: { alerts, armed, seq }, raised, changed };
}

/** Marks these alerts acknowledged (unknown or already acknowledged ids change nothing). */
export function acknowledge(book: AlertBook, ids: ReadonlySet<string> | 'all', now: number): AlertBook {
  let changed = false;
  const alerts = book.alerts.map((a) => {
    if (a.acknowledgedAt !== undefined || (ids !== 'all' && !ids.has(a.id))) return a;
    changed = true;
    return { ...a, acknowledgedAt: now };
  });
  return changed ? { ...book, alerts } : book;
}

export const unacknowledgedCount = (book: AlertBook): number => book.alerts.reduce((n, a) => (a.acknowledgedAt === undefined ? n + 1 : n), 0);
