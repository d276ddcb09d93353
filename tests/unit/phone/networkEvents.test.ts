import { describe, expect, it } from 'vitest';
import { causeOf, interfaceChange, interfaceSignature, reconnectsNow, sleptBetween } from '../../../main/phone/networkEvents';

const lo = { address: '127.0.0.1', family: 'IPv4', internal: true };
const wifi = (address: string) => ({ address, family: 'IPv4', internal: false });

describe('network events', () => {
  it('sees the machine go offline, come back and change address; loopback and link-local change nothing', () => {
    const home = interfaceSignature({ lo: [lo], wlan0: [wifi('192.168.1.20'), { address: 'fe80::1', family: 'IPv6', internal: false }] });
    const none = interfaceSignature({ lo: [lo] });
    const office = interfaceSignature({ lo: [lo], wlan0: [wifi('10.4.0.7')] });
    expect(none).toBe('');
    expect(interfaceChange(home, none)).toBe('offline');
    expect(interfaceChange(none, office)).toBe('online');
    expect(interfaceChange(home, office)).toBe('network-changed');
    expect(interfaceChange(home, interfaceSignature({ wlan0: [{ address: 'fe80::2', family: 'IPv6', internal: false }, wifi('192.168.1.20')], lo: [lo] }))).toBeNull();
  });

  it('reads a bounded part of a huge interface table', () => {
    const table: Record<string, { address: string; family: string; internal: boolean }[]> = {};
    for (let i = 0; i < 5000; i++) table[`veth${String(i).padStart(5, '0')}`] = Array.from({ length: 100 }, (_, j) => wifi(`10.${i % 250}.${j}.1`));
    const sig = interfaceSignature(table);
    expect(sig.split(',').length).toBe(256 * 32);
  });

  it('notices a sleep from a late timer tick', () => {
    expect(sleptBetween(0, 2_000, 2_000)).toBe(false);
    expect(sleptBetween(0, 11_000, 2_000)).toBe(false);
    expect(sleptBetween(0, 45_000, 2_000)).toBe(true);
  });

  it('names each event’s cause and which ones reconnect at once', () => {
    expect(causeOf('resume')).toBe('sleep');
    expect(causeOf('visible-after-gap')).toBe('sleep');
    expect(causeOf('offline')).toBe('offline');
    expect(causeOf('network-changed')).toBe('network-change');
    expect(reconnectsNow('offline')).toBe(false);
    expect(reconnectsNow('suspend')).toBe(false);
    expect(reconnectsNow('online')).toBe(true);
  });
});
