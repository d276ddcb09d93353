import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetworkEvent } from '../../../main/phone/networkEvents';
import { startNetworkWatch } from '../../../main/phone/networkWatch';

afterEach(() => {
  vi.useRealTimers();
});

describe('network watch', () => {
  it('reports offline, online and an address change from the interface table, and a sleep from a late tick', () => {
    vi.useFakeTimers();
    let table: Record<string, { address: string; family: string; internal: boolean }[]> = { eth0: [{ address: '10.0.0.2', family: 'IPv4', internal: false }] };
    let clock = 0;
    const events: NetworkEvent[] = [];
    const stop = startNetworkWatch((e) => events.push(e), { intervalMs: 1000, interfaces: () => table, now: () => clock });
    const tick = (ms = 1000) => {
      clock += ms;
      vi.advanceTimersByTime(1000);
    };
    tick();
    expect(events).toEqual([]);
    table = {};
    tick();
    table = { eth0: [{ address: '10.0.0.2', family: 'IPv4', internal: false }] };
    tick();
    table = { wlan0: [{ address: '192.168.5.9', family: 'IPv4', internal: false }] };
    tick();
    tick(60_000); // the machine slept for a minute between two ticks
    expect(events.map((e) => e.kind)).toEqual(['offline', 'online', 'network-changed', 'resume']);
    stop();
    table = {};
    tick();
    expect(events).toHaveLength(4);
  });

  it('a failing interface read is not a change', () => {
    vi.useFakeTimers();
    let fail = false;
    const events: NetworkEvent[] = [];
    const stop = startNetworkWatch((e) => events.push(e), {
      intervalMs: 1000,
      interfaces: () => {
        if (fail) throw new Error('EPERM');
        return { eth0: [{ address: '10.0.0.2', family: 'IPv4', internal: false }] };
      },
      now: () => 0,
    });
    fail = true;
    vi.advanceTimersByTime(3000);
    expect(events).toEqual([]);
    stop();
  });
});
