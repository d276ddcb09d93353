import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECONNECT_POLICY, nominalDelayMs, reconnectDelayMs, reconnectSchedule } from '../../../main/phone/reconnectBackoff';

const never = () => 0;
const always = () => 0.999999;

describe('reconnect backoff', () => {
  it('doubles from 1 s to a 30 s ceiling', () => {
    expect(reconnectSchedule(8, DEFAULT_RECONNECT_POLICY, never)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('jitter only shortens a delay, by at most the policy share, and follows the random source', () => {
    expect(reconnectDelayMs(3, DEFAULT_RECONNECT_POLICY, always)).toBe(Math.floor(4000 * (1 - 0.3 * 0.999999)));
    expect(reconnectDelayMs(3, DEFAULT_RECONNECT_POLICY, () => 0.5)).toBeGreaterThanOrEqual(3399);
    expect(reconnectDelayMs(3, DEFAULT_RECONNECT_POLICY, () => 0.5)).toBeLessThanOrEqual(3400);
    // Two seats with different random draws do not retry in lock-step.
    expect(reconnectDelayMs(4, DEFAULT_RECONNECT_POLICY, () => 0.1)).not.toBe(reconnectDelayMs(4, DEFAULT_RECONNECT_POLICY, () => 0.9));
  });

  it('stays within [nominal x (1 - jitter), nominal] for any attempt, policy and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 600_000 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ noNaN: false }),
        (attempt, firstMs, extra, factor, jitter, r) => {
          const policy = { firstMs, maxMs: firstMs + extra, factor, jitter };
          const d = reconnectDelayMs(attempt, policy, () => r);
          const nominal = nominalDelayMs(attempt, policy);
          expect(Number.isFinite(d)).toBe(true);
          expect(d).toBeLessThanOrEqual(Math.round(policy.maxMs));
          expect(d).toBeLessThanOrEqual(nominal);
          expect(d).toBeGreaterThanOrEqual(Math.floor(nominal * (1 - jitter)));
        },
      ),
    );
  });

  it('never shrinks from one attempt to the next (jitter-free)', () => {
    const s = reconnectSchedule(40, { firstMs: 500, maxMs: 45_000, factor: 1.7, jitter: 0 }, never);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThanOrEqual(s[i - 1]!);
  });
});
