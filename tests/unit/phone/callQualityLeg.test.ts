import { describe, expect, it } from 'vitest';
import { monitorStatusSchema } from '../../../preload/contract/phone';
import { phonePerTest, until } from './support/inProcessPhone';

describe('a monitor leg measures its call quality from the media host’s reports', () => {
  const { started } = phonePerTest();

  it('a clean path is rated good, with the numbers, in the status main sends', async () => {
    const h = await started({}, { qualityWindowMs: 200 });
    h.media.path = { lostPerReport: 0, jitterSeconds: 0.002, roundTripTimeSeconds: 0.01 };
    await h.phone.startMonitor({ target: '1001', mode: 'monitor' });
    await until(() => h.phone.status().monitor?.quality !== undefined, 'a quality window');
    const m = h.phone.status().monitor!;
    expect(m.quality).toMatchObject({ rating: 'good', lossPercent: 0, jitterMs: 2, rttMs: 10 });
    expect(m.quality!.mos).toBeGreaterThan(4.3);
    expect(monitorStatusSchema.safeParse(m).success).toBe(true);
  });

  it('when audio stops arriving, the last reading is withdrawn instead of shown as current', async () => {
    const h = await started({}, { qualityWindowMs: 200 });
    await h.phone.startMonitor({ target: '1001', mode: 'monitor' });
    await until(() => h.phone.status().monitor?.quality !== undefined, 'a quality window');
    h.media.inbound = 'none';
    await until(() => h.phone.status().monitor?.quality === undefined, 'the reading withdrawn');
    expect(h.phone.status().monitor?.qualityPeriod?.windows).toBeGreaterThan(0);
  });

  it('one packet in three lost is poor, and the period keeps it after the leg ends', async () => {
    const h = await started({}, { qualityWindowMs: 200 });
    h.media.path = { lostPerReport: 1, jitterSeconds: 0.03 };
    await h.phone.startMonitor({ target: '1001', mode: 'monitor' });
    await until(() => h.phone.status().monitor?.quality !== undefined, 'a quality window');
    expect(h.phone.status().monitor?.quality).toMatchObject({ rating: 'poor', lossPercent: 33.33, jitterMs: 30 });
    await h.phone.end();
    const ended = h.phone.status().monitor!;
    expect(ended.state).toBe('ended');
    expect(ended.quality).toBeUndefined();
    expect(ended.qualityPeriod).toMatchObject({ worstRating: 'poor', lossPercentHighest: 33.33 });
  });
});
