import type { Agent, Interaction } from '../../preload/contract';
import type { MetricsSnapshot, MetricsThresholds } from '../../preload/contract/metrics';
import { ContactLog } from '../metrics/contactLog';
import { LiveTally } from '../metrics/liveTally';
import { computeMetrics } from '../metrics/snapshot';
import type { ContactCenterMirror } from './ContactCenterMirror';

export interface MetricsFeedDeps {
  mirror: () => ContactCenterMirror | undefined;
  now: () => number;
  thresholds: () => MetricsThresholds;
  afterCallWorkReported: () => boolean;
  emit: (snapshot: MetricsSnapshot) => void;
  /** Whether any screen is attached (no screen, no recompute). */
  watched: () => boolean;
}

/** Local midnight of `now` on this machine: the one place a time zone enters the metrics. */
export const localDayStart = (now: number): number => new Date(now).setHours(0, 0, 0, 0);

/**
 * Feeds interaction updates to the metrics (main/metrics) as the core receives
 * them, and pushes a snapshot at a bounded rate (once per `intervalMs`, 1 s by
 * default) while a screen is attached. `lastRecomputeMs` is for the benchmark.
 */
export class MetricsFeed {
  private readonly log = new ContactLog();
  /** Live counts kept per event; rebuilt from the mirror whenever the core replaces it (connect, offline). */
  private tally = new LiveTally();
  private tallyOf: ContactCenterMirror | undefined;
  private timer: NodeJS.Timeout | undefined;
  lastRecomputeMs = 0;

  constructor(private readonly deps: MetricsFeedDeps) {}

  /** `seen`: 'initial' for the interactions already there at connect (their answer time is unknown). */
  observe(interactions: Iterable<Interaction>, at: number, seen: 'live' | 'initial' = 'live'): void {
    const mirror = this.deps.mirror();
    if (seen === 'initial') {
      const list = [...interactions];
      this.log.keepOnly(new Set(list.map((ix) => ix.id)));
      interactions = list;
    }
    for (const ix of interactions) {
      this.log.observe(ix, at, (queueId) => mirror?.queues.get(queueId)?.slaSeconds, seen);
      this.tally.updateInteraction(ix);
    }
  }

  forget(ids: readonly string[]): void {
    for (const id of ids) {
      this.log.forget(id);
      this.tally.removeInteraction(id);
    }
  }

  /** Agent updates as the connector reports them (after the mirror applied them). */
  observeAgents(agents: Iterable<Agent>): void {
    for (const a of agents) this.tally.updateAgent(a);
  }

  forgetAgents(ids: readonly string[]): void {
    for (const id of ids) this.tally.removeAgent(id);
  }

  start(intervalMs = 1000): void {
    this.stop();
    this.timer = setInterval(() => {
      if (this.deps.watched()) this.push();
    }, intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The metrics now (also sent to a screen when it asks for the session snapshot). */
  compute(): MetricsSnapshot | undefined {
    const mirror = this.deps.mirror();
    if (!mirror) return undefined;
    const now = this.deps.now();
    const started = performance.now();
    if (mirror !== this.tallyOf) {
      this.tally = LiveTally.of(mirror.agents.values(), mirror.interactions.values());
      this.tallyOf = mirror;
    }
    const snapshot = computeMetrics({
      log: this.log,
      tally: this.tally,
      queues: mirror.queues.values(),
      now,
      dayStart: localDayStart(now),
      thresholds: this.deps.thresholds(),
      afterCallWorkReported: this.deps.afterCallWorkReported(),
    });
    this.lastRecomputeMs = performance.now() - started;
    return snapshot;
  }

  push(): void {
    const snapshot = this.compute();
    if (snapshot) this.deps.emit(snapshot);
  }
}
