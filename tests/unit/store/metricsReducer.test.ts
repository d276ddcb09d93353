import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../../preload/contract';
import { initialMetricsState } from '../../../renderer/src/store/metrics/initialState';
import { metricsReducer } from '../../../renderer/src/store/metrics/reducer';

const snap = (at: number) => ({ at }) as MetricsSnapshot;

describe('metrics slice', () => {
  it('keeps the newest snapshot: a late one (reconnect race) does not replace it', () => {
    const s1 = metricsReducer(initialMetricsState, { type: 'metrics/snapshot', snapshot: snap(2000) });
    expect(metricsReducer(s1, { type: 'metrics/snapshot', snapshot: snap(1000) }).snapshot?.at).toBe(2000);
    expect(metricsReducer(s1, { type: 'metrics/snapshot', snapshot: snap(3000) }).snapshot?.at).toBe(3000);
  });

  it('the picked interval is kept across snapshots; picking the same one changes nothing', () => {
    const s1 = metricsReducer(initialMetricsState, { type: 'metrics/interval', interval: '30m' });
    expect(metricsReducer(s1, { type: 'metrics/snapshot', snapshot: snap(1) }).interval).toBe('30m');
    expect(metricsReducer(s1, { type: 'metrics/interval', interval: '30m' })).toBe(s1);
  });
});
