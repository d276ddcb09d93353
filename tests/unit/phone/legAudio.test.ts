import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  audioProblem,
  audioVerdict,
  digitGate,
  hasTelephoneEvent,
  initialLegAudio,
  legConnected,
  observeInbound,
  type LegAudio,
} from '../../../main/phone/legAudio';

const report = (packetsReceived: number, totalAudioEnergy = packetsReceived * 1e-3, totalSamplesDuration = packetsReceived * 0.02) => ({
  packetsReceived,
  totalAudioEnergy,
  totalSamplesDuration,
});
const connectedAt = (t: number): LegAudio => legConnected(initialLegAudio(), t);

describe('inbound audio verdict (pure, time as an argument)', () => {
  it('waits for 2 s after the answer, then says no audio when no packet came', () => {
    const a = connectedAt(1000);
    expect(audioVerdict(a, 1000)).toBe('waiting');
    expect(audioVerdict(a, 2999)).toBe('waiting');
    expect(audioVerdict(a, 3000)).toBe('none');
    expect(audioProblem('none')?.message).toMatch(/^No audio from the PBX — check the codec \(ulaw\/alaw\)/);
  });

  it('flows once packets with sound arrive, and says so again 2 s after they stop', () => {
    let a = connectedAt(0);
    a = observeInbound(a, report(0), 250);
    a = observeInbound(a, report(10), 500);
    expect(audioVerdict(a, 500)).toBe('flowing');
    expect(audioProblem('flowing')).toBeUndefined();
    a = observeInbound(a, report(10), 2400); // no new packets
    expect(audioVerdict(a, 2400)).toBe('flowing');
    expect(audioVerdict(a, 2500)).toBe('none');
    a = observeInbound(a, report(20), 2600);
    expect(audioVerdict(a, 2600)).toBe('flowing');
  });

  it('packets of pure digital silence for 10 s are "silent" (an idle spied extension with a silence generator); a pause of a few seconds is not', () => {
    let a = connectedAt(0);
    let n = 0;
    for (let t = 250; t <= 10_000; t += 250) {
      n += 10;
      a = observeInbound(a, report(n, 0, n * 0.02), t);
      if (t === 5000) expect(audioVerdict(a, t)).toBe('waiting');
    }
    expect(audioVerdict(a, 10_000)).toBe('silent');
    expect(audioProblem('silent')?.message).toMatch(/^No audio from the PBX — only silence/);
    a = observeInbound(a, report(n + 10, 0.5, n * 0.02 + 0.2), 10_250);
    expect(audioVerdict(a, 10_250)).toBe('flowing');
    // Sound, then a 3 s pause of digital silence: still flowing.
    for (let t = 10_500; t <= 13_250; t += 250) {
      n += 20;
      a = observeInbound(a, report(n, 0.5, n * 0.02 + 0.2), t);
    }
    expect(audioVerdict(a, 13_250)).toBe('flowing');
  });

  it('restarts deltas when the counters go backwards (a new receiver)', () => {
    let a = connectedAt(0);
    a = observeInbound(a, report(100), 100);
    a = observeInbound(a, report(5), 2500);
    expect(audioVerdict(a, 2500)).toBe('flowing');
  });

  it('never throws and always gives a known verdict for any report series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(10_000), fc.nat(1000), fc.float({ min: 0, max: 100, noNaN: true }), fc.float({ min: 0, max: 100, noNaN: true })), { maxLength: 50 }),
        (series) => {
          let a = connectedAt(0);
          let t = 0;
          for (const [dt, n, e, d] of series) {
            t += dt;
            a = observeInbound(a, report(n, e, d), t);
            expect(['waiting', 'flowing', 'none', 'silent']).toContain(audioVerdict(a, t));
          }
        },
      ),
    );
  });
});

describe('playback muted for privacy (a held customer on a channel spy)', () => {
  it('a long hold under the mute is not "no audio": packets count, their (silenced) level is not judged', () => {
    let a = observeInbound(connectedAt(0), report(10), 250);
    let n = 10;
    for (let t = 500; t <= 30_000; t += 250) {
      n += 10;
      // Chromium measures the energy after the disabled track's zero gain: digital silence while muted.
      a = observeInbound(a, report(n, 0.01, n * 0.02), t, { levelsMeasured: false });
    }
    expect(audioVerdict(a, 30_000)).toBe('flowing');
    // The same reports judged as levels would have been "silent".
    let judged = observeInbound(connectedAt(0), report(10), 250);
    n = 10;
    for (let t = 500; t <= 30_000; t += 250) judged = observeInbound(judged, report((n += 10), 0.01, n * 0.02), t);
    expect(audioVerdict(judged, 30_000)).toBe('silent');
  });
});

describe('digit gate: ChanSpy takes digits only once spying began', () => {
  it('asterisk-chanspy waits for the first inbound packet', () => {
    let a = connectedAt(1000);
    expect(digitGate('asterisk-chanspy', a, 1030)).toEqual({ send: false, retryAt: 2500 });
    a = observeInbound(a, report(3), 1200);
    expect(digitGate('asterisk-chanspy', a, 1200)).toEqual({ send: true, evidence: 'spying' });
  });

  it('falls back after a bounded wait when no audio comes (an idle extension)', () => {
    const a = connectedAt(1000);
    expect(digitGate('asterisk-chanspy', a, 2499).send).toBe(false);
    expect(digitGate('asterisk-chanspy', a, 2500)).toEqual({ send: true, evidence: 'fallback' });
    expect(digitGate('asterisk-chanspy', a, 1100, 300)).toEqual({ send: false, retryAt: 1300 });
  });

  it('other profiles send at once (RFC 2833 readiness is the media host’s DTLS wait)', () => {
    expect(digitGate('freeswitch-eavesdrop', initialLegAudio(), 0)).toEqual({ send: true, evidence: 'not-needed' });
  });
});

describe('telephone-event in the PBX answer', () => {
  it('finds it only in an rtpmap line', () => {
    expect(hasTelephoneEvent('v=0\r\nm=audio 1 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n')).toBe(true);
    expect(hasTelephoneEvent('v=0\r\nm=audio 1 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n')).toBe(false);
    expect(hasTelephoneEvent('s=telephone-event\r\n')).toBe(false);
    expect(hasTelephoneEvent(undefined)).toBe(false);
  });
});
