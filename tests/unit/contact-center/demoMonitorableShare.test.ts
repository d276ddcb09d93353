import { describe, expect, it } from 'vitest';
import { isDigital } from '../../../preload/contract';
import { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';

/**
 * Issue 13 found 8: at speed 1 most live chats of the demo were locked by its simulated
 * supervisors, so a new user found almost nothing to monitor. At any time at least a third of
 * the live (connected) chats must be free for the user: monitorable and not locked by another.
 */
describe('the demo keeps chats monitorable', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: over an hour of demo time, at least a third of the live chats are free to monitor`, async () => {
      const clock = new ManualClock();
      const demo = DemoContactCenter.create({ clock, seed });
      await demo.start();
      const short: string[] = [];
      for (let minute = 1; minute <= 60; minute++) {
        for (let s = 0; s < 60; s++) clock.advance(1000);
        const live = demo.state().interactions.filter((i) => isDigital(i.channel) && i.state === 'connected');
        const free = live.filter((i) => i.monitorable && !i.monitorLock);
        if (free.length * 3 < live.length) short.push(`minute ${minute}: ${free.length} of ${live.length} free`);
      }
      await demo.stop();
      expect(short).toEqual([]);
    });
  }
});
