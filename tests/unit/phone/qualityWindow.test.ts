import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToPeriod, describeQuality, describeQualityPeriod, qualityOfWindow, type QualitySample } from '../../../main/phone/qualityWindow';
import type { InboundAudio } from '../../../preload/contract/phone';
import { callQualityPeriodSchema, callQualitySchema } from '../../../preload/contract/quality';

const report = (over: Partial<InboundAudio>): InboundAudio => ({ packetsReceived: 0, totalAudioEnergy: 0, totalSamplesDuration: 0, ...over });
const at = (t: number, over: Partial<InboundAudio>): QualitySample => ({ at: t, report: report(over) });

describe('call quality over one window of getStats counters', () => {
  it('a clean window (200 packets, none lost, 2 ms jitter, 4 ms round trip) is good', () => {
    const q = qualityOfWindow(
      at(0, { packetsReceived: 1000, packetsLost: 3, concealedSamples: 100, totalSamplesReceived: 160_000 }),
      at(4000, { packetsReceived: 1200, packetsLost: 3, concealedSamples: 100, totalSamplesReceived: 192_000, jitterSeconds: 0.002, roundTripTimeSeconds: 0.004 }),
    );
    expect(q).toEqual({ mos: 4.4, rating: 'good', jitterMs: 2, lossPercent: 0, rttMs: 4, concealedPercent: 0, windowMs: 4000 });
  });

  it('counts only the window: 10 of 200 packets lost is 4.76 %, rated below good', () => {
    const q = qualityOfWindow(at(0, { packetsReceived: 5000, packetsLost: 400 }), at(4000, { packetsReceived: 5190, packetsLost: 410, jitterSeconds: 0.03 }));
    expect(q?.lossPercent).toBe(5);
    expect(q?.rating).not.toBe('good');
    expect(q?.rttMs).toBeUndefined();
  });

  it('late packets the listener never heard count like lost ones (concealment)', () => {
    const clean = qualityOfWindow(at(0, { packetsReceived: 0, totalSamplesReceived: 0 }), at(4000, { packetsReceived: 200, totalSamplesReceived: 32_000 }));
    const concealed = qualityOfWindow(
      at(0, { packetsReceived: 0, totalSamplesReceived: 0, concealedSamples: 0 }),
      at(4000, { packetsReceived: 200, totalSamplesReceived: 32_000, concealedSamples: 3200 }),
    );
    expect(concealed?.concealedPercent).toBe(10);
    expect(concealed!.mos).toBeLessThan(clean!.mos);
    expect(concealed?.rating).toBe('poor');
  });

  it('says nothing for a window with no packets, no time, or counters that went backwards', () => {
    expect(qualityOfWindow(at(0, { packetsReceived: 10 }), at(4000, { packetsReceived: 10 }))).toBeNull();
    expect(qualityOfWindow(at(0, { packetsReceived: 10 }), at(0, { packetsReceived: 20 }))).toBeNull();
    expect(qualityOfWindow(at(0, { packetsReceived: 10 }), at(4000, { packetsReceived: 5 }))).toBeNull();
  });

  it('whatever the counters, a window is null or valid for the contract', () => {
    const counters = fc.record({
      packetsReceived: fc.integer({ min: 0, max: 2 ** 40 }),
      packetsLost: fc.integer({ min: -(2 ** 31), max: 2 ** 40 }),
      concealedSamples: fc.integer({ min: 0, max: 2 ** 48 }),
      totalSamplesReceived: fc.integer({ min: 0, max: 2 ** 48 }),
      jitterSeconds: fc.double({ min: 0, max: 1e4, noNaN: true }),
      roundTripTimeSeconds: fc.double({ min: 0, max: 1e4, noNaN: true }),
    });
    fc.assert(
      fc.property(counters, counters, fc.integer({ min: 1, max: 3_600_000 }), (a, b, ms) => {
        const q = qualityOfWindow(at(0, a), at(ms, b));
        return q === null || callQualitySchema.safeParse(q).success;
      }),
    );
  });

  it('a period keeps the average, the lowest and the worst of its windows', () => {
    const good = { mos: 4.4, rating: 'good' as const, jitterMs: 2, lossPercent: 0, rttMs: 10, concealedPercent: 0, windowMs: 4000 };
    const poor = { mos: 3.0, rating: 'poor' as const, jitterMs: 40, lossPercent: 8, concealedPercent: 8, windowMs: 4000 };
    const p = addToPeriod(addToPeriod(addToPeriod(undefined, good), poor), good);
    expect(p).toEqual({ windows: 3, mosAverage: 3.93, mosLowest: 3.0, worstRating: 'poor', lossPercentHighest: 8, jitterMsHighest: 40, rttMsHighest: 10 });
    expect(callQualityPeriodSchema.safeParse(p).success).toBe(true);
    expect(describeQualityPeriod(p, 'Dana Reyes')).toBe(
      'Call quality while Dana Reyes listened: poor at times (MOS 3.9 average, 3.0 lowest over 3 measurements; up to 8.0 % packets lost, jitter up to 40 ms, round trip up to 10 ms).',
    );
    expect(describeQuality(poor)).toBe('8.0 % packets lost, jitter 40 ms, round trip not measured');
  });
});
