import { DemoContactCenter, ManualClock, type DemoOptions } from '../../main/contact-center/demo';
import { ContactCenterMirror } from '../../main/core/ContactCenterMirror';
import { MetricsFeed } from '../../main/core/MetricsFeed';
import { defaultThresholds } from '../../main/metrics/thresholds';

/**
 * The demo contact center on a manual clock with the mirror and MetricsFeed the
 * core uses over it (default thresholds, every queue watched, nothing emitted):
 * what the metrics and alerts benches and the live-tally test drive by hand.
 */
export async function demoMetricsFeed(options: Omit<DemoOptions, 'clock'>): Promise<{
  clock: ManualClock;
  demo: DemoContactCenter;
  mirror: ContactCenterMirror;
  feed: MetricsFeed;
}> {
  const clock = new ManualClock();
  const demo = DemoContactCenter.create({ ...options, clock });
  await demo.start();
  const mirror = new ContactCenterMirror(demo.state());
  const feed = new MetricsFeed({
    mirror: () => mirror,
    now: () => clock.now(),
    thresholds: () => defaultThresholds,
    afterCallWorkReported: () => true,
    emit: () => undefined,
    watched: () => true,
  });
  return { clock, demo, mirror, feed };
}
