import { demoMetricsFeed } from '../support/demoMetricsFeed';

/**
 * metrics_recompute_p95_ms (issue 12): main's queue-metrics recompute, as the
 * core runs it once a second, over the demo with `agents` agents and
 * `changesPerSecond` extra changes a second fed through the same mirror and
 * MetricsFeed the core uses. Runs in this process (main's code, no screen).
 */
export async function measureMetricsRecompute(
  agents: number,
  changesPerSecond: number,
  seconds: number,
): Promise<{ p50: number; p95: number; max: number; cpuP50: number; cpuP95: number; records: number }> {
  const { clock, demo, mirror, feed } = await demoMetricsFeed({ agents, changesPerSecond });
  feed.observe(mirror.interactions.values(), clock.now(), 'initial');
  demo.subscribe((e) => {
    mirror.apply(e, clock.now());
    if (e.type === 'interactions') feed.observe(e.interactions, clock.now());
    if (e.type === 'interactionsRemoved') feed.forget(e.ids);
    if (e.type === 'agents') feed.observeAgents(e.agents);
    if (e.type === 'agentsRemoved') feed.forgetAgents(e.ids);
  });
  const took: number[] = [];
  // CPU time of this process over the same call: on a shared machine the wall time also counts
  // the moments the OS gave the core to another process (load average printed next to it).
  const cpu: number[] = [];
  let answered = 0;
  for (let s = 0; s < seconds; s++) {
    for (let t = 0; t < 10; t++) clock.advance(100);
    const cpuBefore = process.cpuUsage();
    const snapshot = feed.compute();
    const cpuUsed = process.cpuUsage(cpuBefore);
    cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    took.push(feed.lastRecomputeMs);
    answered = snapshot?.total.intervals.today.answered ?? 0;
  }
  await demo.stop();
  const sorted = [...took].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  const at = (values: number[], q: number) => values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)] ?? Number.NaN;
  return {
    p50: at(sorted, 0.5),
    p95: at(sorted, 0.95),
    max: sorted.at(-1) ?? Number.NaN,
    cpuP50: at(cpuSorted, 0.5),
    cpuP95: at(cpuSorted, 0.95),
    records: answered,
  };
}
