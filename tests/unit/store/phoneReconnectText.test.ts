import { describe, expect, it } from 'vitest';
import type { PhoneStatus } from '../../../preload/contract/phone';
import { describePhone, monitorTrouble, RE_REGISTERED_SHOWN_MS } from '../../../renderer/src/store/phone/selectors';

const base: PhoneStatus = { registration: 'registered', server: 'wss://pbx.example.com:8089/ws', monitor: null };
const now = 1_000_000;

describe('the status bar says what the phone does about a lost connection', () => {
  it('counts down to the next attempt and says why', () => {
    const s: PhoneStatus = { ...base, registration: 'reconnecting', lostBecause: 'offline', offline: true, reconnectAttempt: 2, retryAt: now + 3200 };
    expect(describePhone(s, now)).toEqual({ text: 'Phone: Network lost — reconnecting in 4 s (attempt 2)', problem: true });
    expect(describePhone(s, now + 3000).text).toBe('Phone: Network lost — reconnecting in 1 s (attempt 2)');
    expect(describePhone({ ...s, retryAt: undefined }, now).text).toBe('Phone: Network lost — reconnecting now… (attempt 2)');
    expect(describePhone({ ...s, offline: undefined, lostBecause: 'sleep', reconnectAttempt: undefined, retryAt: now }, now).text).toBe('Phone: Woke from sleep — reconnecting now…');
    expect(describePhone({ ...s, offline: undefined, lostBecause: 'connection', retryAt: now + 1000 }, now).text).toBe(
      'Phone: Connection to the PBX lost — reconnecting in 1 s (attempt 2)',
    );
  });

  it('says "re-registered" for a minute after coming back, then "ready"', () => {
    const s: PhoneStatus = { ...base, reRegisteredAt: now };
    expect(describePhone(s, now + 1000)).toEqual({ text: 'Phone: re-registered (pbx.example.com:8089/ws)', problem: false });
    expect(describePhone(s, now + RE_REGISTERED_SHOWN_MS + 1).text).toBe('Phone: ready (pbx.example.com:8089/ws)');
    expect(describePhone(base, now).text).toBe('Phone: ready (pbx.example.com:8089/ws)');
  });

  it('says a paused leg is paused with the mic off', () => {
    const s: PhoneStatus = {
      ...base,
      registration: 'reconnecting',
      monitor: { id: 'm1', target: '1001', profileId: 'asterisk-chanspy', state: 'active', mode: 'barge', micLive: false, recovering: true },
    };
    expect(monitorTrouble(s)).toBe('Network lost: your monitoring is paused, microphone off, until the phone reconnects.');
  });
});
