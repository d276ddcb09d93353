import { describe, expect, it, vi } from 'vitest';
import type { NetworkEvent } from '../../../main/phone/networkEvents';

vi.mock('electron', () => import('./fakeElectron'));

describe('powerMonitor to the phone', () => {
  it('forwards suspend and resume, and an unlock only after a long lock', async () => {
    const { powerMonitor } = await import('./fakeElectron');
    const { forwardPowerEvents } = await import('../../../main/electron/powerEvents');
    let now = 0;
    const seen: NetworkEvent[] = [];
    forwardPowerEvents((e) => seen.push(e), () => now);
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    powerMonitor.emit('lock-screen');
    now += 5_000;
    powerMonitor.emit('unlock-screen'); // a short lock: nothing to reconnect
    powerMonitor.emit('lock-screen');
    now += 10 * 60_000;
    powerMonitor.emit('unlock-screen');
    expect(seen.map((e) => e.kind)).toEqual(['suspend', 'resume', 'visible-after-gap']);
    expect(seen.every((e) => e.source.startsWith('powerMonitor'))).toBe(true);
  });
});
