import type { Interaction } from '../../preload/contract';
import { MAX_ALERTS_KEPT, type AlertsState, type RaisedAlerts } from '../../preload/contract/alerts';
import type { MetricsSnapshot } from '../../preload/contract/metrics';
import { acknowledge, emptyAlertBook, stepAlerts, unacknowledgedCount, type AlertBook } from '../alerts/alertBook';
import { currentConditions } from '../alerts/conditions';
import { nextHoldSince } from '../alerts/holdClock';
import type { AlertRules } from '../alerts/rules';
import type { ContactCenterMirror } from './ContactCenterMirror';

export interface AlertFeedDeps {
  /** Undefined while offline: alerts neither raise nor clear then (they would all re-raise on reconnect). */
  mirror: () => ContactCenterMirror | undefined;
  now: () => number;
  rules: () => AlertRules;
  metrics: () => MetricsSnapshot | undefined;
  desktopNotifications: () => boolean;
  emitChanged: (state: AlertsState) => void;
  emitRaised: (raised: RaisedAlerts) => void;
}

/**
 * Runs the alert rules (main/alerts) once a second over the core's mirror and
 * metrics, keeps the alert book, and tells the screens and the host (desktop
 * notification, taskbar badge) about changes. Hold starts are taken from the
 * interaction updates as they arrive (`observe`).
 */
export class AlertFeed {
  private book: AlertBook = emptyAlertBook;
  private readonly holdSince = new Map<string, number>();
  private readonly wanted = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly raisedListeners = new Set<(raised: RaisedAlerts) => void>();
  private readonly changedListeners = new Set<(state: AlertsState) => void>();

  constructor(private readonly deps: AlertFeedDeps) {}

  observe(interactions: Iterable<Interaction>, at: number): void {
    for (const ix of interactions) {
      const since = nextHoldSince(this.holdSince.get(ix.id), ix, at);
      if (since === undefined) this.holdSince.delete(ix.id);
      else this.holdSince.set(ix.id, since);
      if (ix.state === 'ended') this.wanted.delete(ix.id);
    }
  }

  forget(ids: readonly string[]): void {
    for (const id of ids) {
      this.holdSince.delete(id);
      this.wanted.delete(id);
    }
  }

  start(intervalMs = 1000): void {
    this.stop();
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One evaluation: raise what became true, clear what has been false long enough. */
  tick(): void {
    const mirror = this.deps.mirror();
    if (!mirror) return;
    const now = this.deps.now();
    const rules = this.deps.rules();
    const conditions = currentConditions({
      now,
      rules,
      supervisorId: mirror.supervisor.id,
      interactions: mirror.interactions.values(),
      agents: mirror.agents.values(),
      queues: mirror.queues,
      holdSince: this.holdSince,
      metrics: rules.slaBreach.enabled ? this.deps.metrics() : undefined,
      wantedLocks: this.wanted,
    });
    const step = stepAlerts(this.book, conditions, now);
    this.book = step.book;
    // "Notify me when free" is a one-time wish: told once, it is done.
    for (const a of step.raised) if (a.kind === 'lockReleased' && a.subject.interactionId) this.wanted.delete(a.subject.interactionId);
    if (!step.changed) return;
    if (step.raised.length > 0) {
      // Newest first, as the list shows them; bounded like the list.
      const raised: RaisedAlerts = { alerts: [...step.raised].reverse().slice(0, MAX_ALERTS_KEPT), count: step.raised.length };
      this.deps.emitRaised(raised);
      for (const l of this.raisedListeners) l(raised);
    }
    this.changed();
  }

  state(): AlertsState {
    return {
      alerts: [...this.book.alerts],
      unacknowledged: unacknowledgedCount(this.book),
      wantedLocks: [...this.wanted],
      desktopNotifications: this.deps.desktopNotifications(),
    };
  }

  acknowledge(ids: readonly string[] | 'all'): AlertsState {
    const next = acknowledge(this.book, ids === 'all' ? 'all' : new Set(ids), this.deps.now());
    if (next !== this.book) {
      this.book = next;
      this.changed();
    }
    return this.state();
  }

  wantLock(interactionId: string, want: boolean): AlertsState {
    if (want) this.wanted.add(interactionId);
    else this.wanted.delete(interactionId);
    this.changed();
    return this.state();
  }

  /** The host's desktop notifier (Electron): the alerts each evaluation raised. */
  onRaised(listener: (raised: RaisedAlerts) => void): () => void {
    this.raisedListeners.add(listener);
    return () => this.raisedListeners.delete(listener);
  }

  /** The host's badge (Electron): the unacknowledged count after each change. */
  onChanged(listener: (state: AlertsState) => void): () => void {
    this.changedListeners.add(listener);
    return () => this.changedListeners.delete(listener);
  }

  /** Settings changed (desktop notifications on/off): screens re-read the state. */
  changed(): void {
    const state = this.state();
    this.deps.emitChanged(state);
    for (const l of this.changedListeners) l(state);
  }
}
