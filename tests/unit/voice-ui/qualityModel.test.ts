import { describe, expect, it } from 'vitest';
import { qualityView } from '../../../renderer/src/views/voice/qualityModel';

describe('the toolbar’s call-quality indicator', () => {
  it('says nothing before the first measured window', () => {
    expect(qualityView(undefined)).toBeUndefined();
  });

  it('good: the word, the MOS, and every number in the tooltip; no warning', () => {
    const v = qualityView({ mos: 4.4, rating: 'good', jitterMs: 2.4, lossPercent: 0, rttMs: 3.6, concealedPercent: 0, windowMs: 4000 });
    expect(v).toEqual({
      rating: 'good',
      label: 'Call quality: Good (MOS 4.4)',
      details: 'MOS 4.4 of 4.5 (E-model estimate) · 0.0 % packets lost · jitter 2 ms · round trip 4 ms · 0.0 % of the audio concealed · over the last 4 s',
    });
  });

  it('poor from loss warns with the loss and what to do', () => {
    const v = qualityView({ mos: 3.1, rating: 'poor', jitterMs: 30, lossPercent: 9.5, concealedPercent: 11.2, windowMs: 4000 });
    expect(v?.label).toBe('Call quality: Poor (MOS 3.1)');
    expect(v?.details).toContain('round trip not measured');
    expect(v?.warning).toBe('Call quality is poor: 11.2 % of the audio is lost, so you may miss words. Check your network connection; if it keeps happening, tell IT.');
  });

  it('poor from delay names the delay', () => {
    const v = qualityView({ mos: 3.4, rating: 'poor', jitterMs: 80, lossPercent: 0, rttMs: 600, concealedPercent: 0, windowMs: 4000 });
    expect(v?.warning).toContain('the delay is high (jitter 80 ms, round trip 600 ms)');
  });
});
