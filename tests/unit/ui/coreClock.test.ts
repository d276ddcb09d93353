import { describe, expect, it } from 'vitest';
import { createCoreClockEstimate } from '../../../renderer/src/format/coreClock';

describe('the core clock as the page sees it', () => {
  it('learns a demo running five times real time and advances at that rate between readings', () => {
    const clock = createCoreClockEstimate();
    const core0 = 1_000_000;
    clock.note(core0, 0);
    clock.note(core0 + 10_000, 2_000); // two real seconds, ten core seconds
    expect(clock.now(3_000)).toBe(core0 + 15_000);
  });

  it('is the core time, not the page time, right from the first reading, and never goes back', () => {
    const clock = createCoreClockEstimate();
    clock.note(5_000_000, 100);
    expect(clock.now(1_100)).toBe(5_001_000);
    clock.note(5_000_500, 1_200); // a late delta: the shown time does not jump back
    expect(clock.now(1_200)).toBe(5_001_000);
  });

  it('starts afresh when the core time goes back (another core after a reconnect)', () => {
    const clock = createCoreClockEstimate();
    clock.note(9_000_000, 0);
    clock.note(9_050_000, 10_000);
    clock.note(1_000, 20_000);
    expect(clock.now(21_000)).toBe(2_000);
  });
});
