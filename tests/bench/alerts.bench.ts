/**
 * alerts_tick_p95_ms (issue 12 item 2): one run of the alert rules as the core does once a
 * second (main/alerts over the mirror, every rule on, the service-level rule over a metrics
 * snapshot computed beforehand), on the demo with 5,000 agents and 200 extra changes a second.
 * Main's code in this process, no screen. Prints `name: value` lines.
 */
import { AlertFeed } from '../../main/core/AlertFeed';
import { defaultAlertRules } from '../../main/alerts/rules';
import { demoMetricsFeed } from '../support/demoMetricsFeed';

const AGENTS = 5000;
const CHANGES_PER_SECOND = 200;
const SECONDS = 120;

async function main(): Promise<void> {
  const { clock, demo, mirror, feed: metrics } = await demoMetricsFeed({ agents: AGENTS, changesPerSecond: CHANGES_PER_SECOND });
  let snapshot = metrics.compute();
  let raised = 0;
  const kinds = new Map<string, number>();
  const alerts = new AlertFeed({
    mirror: () => mirror,
    now: () => clock.now(),
    rules: () => defaultAlertRules,
    metrics: () => snapshot,
    desktopNotifications: () => true,
    emitChanged: () => undefined,
    emitRaised: (r) => {
      raised += r.count;
      for (const a of r.alerts) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    },
  });
  metrics.observe(mirror.interactions.values(), clock.now(), 'initial');
  alerts.observe(mirror.interactions.values(), clock.now());
  demo.subscribe((e) => {
    mirror.apply(e, clock.now());
    if (e.type === 'interactions') {
      metrics.observe(e.interactions, clock.now());
      alerts.observe(e.interactions, clock.now());
    }
    if (e.type === 'interactionsRemoved') {
      metrics.forget(e.ids);
      alerts.forget(e.ids);
    }
  });
  const took: number[] = [];
  for (let s = 0; s < SECONDS; s++) {
    for (let t = 0; t < 10; t++) clock.advance(100);
    snapshot = metrics.compute();
    const started = performance.now();
    alerts.tick();
    took.push(performance.now() - started);
  }
  await demo.stop();
  took.sort((a, b) => a - b);
  const at = (q: number) => took[Math.min(took.length - 1, Math.floor(q * took.length))] ?? 0;
  console.log(`alerts_agents: ${AGENTS}`);
  console.log(`alerts_interactions: ${mirror.interactions.size}`);
  console.log(`alerts_raised_in_${SECONDS}s: ${raised}`);
  // Per kind, of the newest 200 of each evaluation (what the event carries).
  console.log(`# by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  console.log(`alerts_tick_p50_ms: ${at(0.5).toFixed(2)}`);
  console.log(`alerts_tick_p95_ms: ${at(0.95).toFixed(2)}`);
  console.log(`alerts_tick_max_ms: ${at(1).toFixed(2)}`);
}

void main();
