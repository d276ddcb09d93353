import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delayImpairment, estimateMos, lossImpairment, mosFromR, oneWayDelayMs, ratingOf, rFactor } from '../../../main/phone/eModel';

describe('E-model (ITU-T G.107, simplified)', () => {
  it('maps R to MOS as G.107 Annex B tabulates it', () => {
    // G.107 Figure B.1 / Table B.1: R 50 → 2.58, 70 → 3.60, 80 → 4.03, 90 → 4.34 (4.339).
    expect(mosFromR(50)).toBeCloseTo(2.575, 3);
    expect(mosFromR(70)).toBeCloseTo(3.597, 3);
    expect(mosFromR(80)).toBeCloseTo(4.024, 3);
    expect(mosFromR(90)).toBeCloseTo(4.339, 3);
    expect(mosFromR(100)).toBe(4.5);
    expect(mosFromR(0)).toBe(1);
    expect(mosFromR(-20)).toBe(1);
    // The polynomial dips under 1 for small R; the estimate never does.
    expect(mosFromR(3)).toBe(1);
  });

  it('gives a clean G.711 line R 93.2 (MOS 4.41)', () => {
    expect(rFactor({ oneWayDelayMs: 0, lossPercent: 0 })).toBeCloseTo(93.2, 6);
    expect(estimateMos({ oneWayDelayMs: 0, lossPercent: 0 })).toBeCloseTo(4.409, 3);
  });

  it('charges delay 0.024/ms, and 0.11/ms more beyond 177.3 ms', () => {
    expect(delayImpairment(100)).toBeCloseTo(2.4, 6);
    expect(delayImpairment(200)).toBeCloseTo(4.8 + 0.11 * 22.7, 6);
  });

  it('charges random loss on G.711 with concealment as G.113 (Bpl 25.1)', () => {
    expect(lossImpairment(0)).toBe(0);
    expect(lossImpairment(2)).toBeCloseTo((95 * 2) / (2 + 25.1), 6);
    // Bursty loss hurts more than the same loss spread out.
    expect(lossImpairment(5, undefined, 2)).toBeGreaterThan(lossImpairment(5));
  });

  it('rates 5 % loss with 30 ms jitter below good, a clean LAN good, 20 % loss poor', () => {
    const lossy = estimateMos({ oneWayDelayMs: oneWayDelayMs(40, 30), lossPercent: 5 });
    expect(ratingOf(lossy)).toBe('fair');
    expect(ratingOf(estimateMos({ oneWayDelayMs: oneWayDelayMs(2, 1), lossPercent: 0 }))).toBe('good');
    expect(ratingOf(estimateMos({ oneWayDelayMs: oneWayDelayMs(100, 20), lossPercent: 20 }))).toBe('poor');
  });

  it('one-way delay is half the round trip, a jitter buffer of twice the jitter, and the codec', () => {
    expect(oneWayDelayMs(100, 10)).toBe(50 + 20 + 20);
    expect(oneWayDelayMs(undefined, 0)).toBe(20);
  });

  const delay = fc.double({ min: 0, max: 100_000, noNaN: true });
  const loss = fc.double({ min: 0, max: 100, noNaN: true });

  it('MOS is always within [1, 4.5], whatever the inputs (also absurd ones)', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), (d, l, b) => {
        const mos = estimateMos({ oneWayDelayMs: d, lossPercent: l, burstRatio: b });
        return mos >= 1 && mos <= 4.5;
      }),
    );
  });

  it('MOS never rises with more loss', () => {
    fc.assert(
      fc.property(delay, loss, loss, (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return estimateMos({ oneWayDelayMs: d, lossPercent: hi }) <= estimateMos({ oneWayDelayMs: d, lossPercent: lo });
      }),
      { numRuns: 5000 },
    );
  });

  it('MOS never rises with more delay', () => {
    fc.assert(
      fc.property(loss, delay, delay, (l, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return estimateMos({ oneWayDelayMs: hi, lossPercent: l }) <= estimateMos({ oneWayDelayMs: lo, lossPercent: l });
      }),
      { numRuns: 5000 },
    );
  });

  it('MOS never rises with a worse round trip or jitter (through oneWayDelayMs)', () => {
    const ms = fc.double({ min: 0, max: 10_000, noNaN: true });
    fc.assert(
      fc.property(ms, ms, ms, ms, loss, (r1, r2, j1, j2, l) => {
        const a = estimateMos({ oneWayDelayMs: oneWayDelayMs(Math.min(r1, r2), Math.min(j1, j2)), lossPercent: l });
        const b = estimateMos({ oneWayDelayMs: oneWayDelayMs(Math.max(r1, r2), Math.max(j1, j2)), lossPercent: l });
        return b <= a;
      }),
    );
  });
});
