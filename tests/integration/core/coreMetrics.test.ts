import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsSnapshotSchema, type MetricsSnapshot } from '../../../preload/contract/metrics';
import { startDemoCore, type DemoCore } from '../../support/demoCore';

let running: DemoCore | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('the core computes queue metrics from the connector events it receives', () => {
  it('a call that waits 40 s in Sales (30 s threshold) is answered late: service level 0 %, ASA 40 s, on the wire as metrics:snapshot', async () => {
    running = await startDemoCore({ demo: { scenarios: [] } });
    const { core, demo, clock } = running;
    const got: MetricsSnapshot[] = [];
    core.attach((channel, payload) => {
      if (channel === 'metrics:snapshot') got.push(payload as MetricsSnapshot);
    });
    // Queued 40 s ago, answered now by Alex Kim (the demo's control answers at once).
    demo.control.startCall({ id: 'late', queueId: 'queue-sales', agentId: 'agent-1', startedMsAgo: 40_000 });
    clock.advance(1_000);
    core.metrics.push();
    const snapshot = metricsSnapshotSchema.parse(got.at(-1));
    const sales = snapshot.queues.find((q) => q.queueId === 'queue-sales');
    expect(sales?.intervals.today).toMatchObject({ answered: 1, serviceLevelPercent: 0, averageSpeedOfAnswerMs: 40_000 });
    expect(sales?.intervals['15m'].breached).toEqual(expect.arrayContaining(['serviceLevel', 'averageSpeedOfAnswer']));
    expect(snapshot.afterCallWorkReported).toBe(true);
  });

  it('thresholds come from the IT policy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-metrics-'));
    fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify({ 'metrics.serviceLevelMinPercent': 95, 'metrics.abandonRateMaxPercent': 2 }));
    running = await startDemoCore({ dir, demo: { scenarios: [] } });
    expect(running.core.metrics.compute()?.thresholds).toMatchObject({ serviceLevelMinPercent: 95, abandonRateMaxPercent: 2 });
    await running.stop();
    running = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
