import { describe, expect, it } from 'vitest';
import { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';

/**
 * Issue 12 item 2: the long-hold alert (default: 60 s) must have something to find in the demo.
 * Background holds used to last 10-40 s; about one in five now runs 105-120 s.
 */
describe('the demo has long holds', () => {
  it('over 30 minutes of demo time, some background call stays on hold for more than a minute', async () => {
    const clock = new ManualClock();
    const demo = DemoContactCenter.create({ clock, seed: 1 });
    await demo.start();
    const heldSince = new Map<string, number>();
    let longest = 0;
    for (let s = 0; s < 30 * 60; s++) {
      clock.advance(1000);
      for (const ix of demo.state().interactions) {
        if (ix.state !== 'held' || ix.id === 'call-alex-kim') {
          heldSince.delete(ix.id);
          continue;
        }
        const since = heldSince.get(ix.id) ?? clock.now();
        heldSince.set(ix.id, since);
        longest = Math.max(longest, clock.now() - since);
      }
    }
    await demo.stop();
    expect(longest).toBeGreaterThan(60_000);
  });
});
