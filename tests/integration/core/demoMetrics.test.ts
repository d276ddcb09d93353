import { describe, expect, it } from 'vitest';
import { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';
import { ContactCenterMirror } from '../../../main/core/ContactCenterMirror';
import { ContactLog } from '../../../main/metrics/contactLog';
import { computeMetrics } from '../../../main/metrics/snapshot';
import { defaultThresholds } from '../../../main/metrics/thresholds';

// Issue 12: "The demo produces realistic values (abandons, SLA misses, after-call work)".
// The demo's own events, fed the way the core feeds them, give a supervisor something to act on.
describe('the demo gives the queue metrics realistic values', () => {
  it('after 40 simulated minutes: answers, abandons, a service level below 100 %, after-call work, digital SLA misses', async () => {
    const clock = new ManualClock();
    const demo = DemoContactCenter.create({ clock, seed: 7, agents: 40 });
    await demo.start();
    const mirror = new ContactCenterMirror(demo.state());
    const log = new ContactLog();
    const dayStart = clock.now() - 60_000;
    log.startDay(dayStart);
    const slaOf = (q: string) => mirror.queues.get(q)?.slaSeconds;
    for (const ix of mirror.interactions.values()) log.observe(ix, clock.now(), slaOf);
    demo.subscribe((e) => {
      mirror.apply(e, clock.now());
      if (e.type === 'interactions') for (const ix of e.interactions) log.observe(ix, clock.now(), slaOf);
      if (e.type === 'interactionsRemoved') for (const id of e.ids) log.forget(id);
    });
    let sawAfterCallWork = 0;
    const at = () =>
      computeMetrics({
        log,
        agents: mirror.agents.values(),
        queues: mirror.queues.values(),
        interactions: mirror.interactions.values(),
        now: clock.now(),
        dayStart,
        thresholds: defaultThresholds,
        afterCallWorkReported: demo.reportsAfterCallWork,
      });
    for (let minute = 0; minute < 40; minute++) {
      for (let i = 0; i < 60; i++) clock.advance(1000);
      sawAfterCallWork = Math.max(sawAfterCallWork, at().total.agents.afterCallWork);
    }
    await demo.stop();
    const today = at().total.intervals.today;
    expect(today.answered).toBeGreaterThan(50);
    expect(today.abandoned).toBeGreaterThan(0);
    expect(today.serviceLevelPercent).toBeLessThan(100);
    expect(today.serviceLevelPercent).toBeGreaterThan(50);
    expect(today.averageHandleTimeMs).toBeGreaterThan(60_000);
    expect(today.digitalSlaMissed).toBeGreaterThan(0);
    expect(sawAfterCallWork).toBeGreaterThan(0);
  });
});
