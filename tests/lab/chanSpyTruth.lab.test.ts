/**
 * The UI claims only what is true on the wire (issue 16 found 1-3), against a
 * lab server with ChanSpy's real habits (support/chanSpyServer.ts): digits in
 * its initial wait are thrown away, an idle extension is silent, Opus without
 * a translator carries nothing. The supervisor is the real renderer media
 * module in headless Chromium, signalling is JsSIP through Kamailio.
 */
import { describe, expect, it } from 'vitest';
import { asteriskChanSpy, freeswitchEavesdrop, type DialPlanProfile } from '../../main/phone/pbxProfiles';
import { HEARD, until, useChanSpyBench } from './support/chanSpyBench';
import type { ChanSpyOptions } from './support/chanSpyServer';
import { labUnavailableReason } from './support/processes';

const skip = labUnavailableReason(['kamailio', 'sipp', 'chromium'], 'audio lab');
if (skip) console.warn(skip);


describe.skipIf(!!skip)('ChanSpy truth on the wire (Chromium supervisor, ChanSpy-like lab server)', () => {
  const bench = useChanSpyBench(2000);

  /** A fresh ChanSpy-like server for one extension and a registered supervisor phone. */
  const setup = (opts: ChanSpyOptions = {}, dtmfMethod: 'info' | 'rfc2833' = 'info', profile: DialPlanProfile = asteriskChanSpy({ dtmfMethod })) =>
    bench.setup((extension) => `*222${extension}`, opts, profile);

  it('starting in coach reaches the agent: the digit is held until ChanSpy began spying', async () => {
    const { extension, server, phone } = await setup();
    const m = await phone.startMonitor({ target: extension, mode: 'coach' });
    expect(m).toMatchObject({ state: 'active', mode: 'coach', micLive: true });
    expect(server.swallowed).toEqual([]); // the old code's digit came ~30 ms after answer and was thrown away
    await until(() => server.mode() === 'coach', 'ChanSpy in whisper');
    const ears = await server.measureEars(1500);
    expect(ears.agent).toBeGreaterThan(HEARD);
    expect(ears.customer).toBe(0);
  });

  it('an early switch to barge works: both parties hear the supervisor', async () => {
    const { extension, server, phone } = await setup();
    await phone.startMonitor({ target: extension, mode: 'monitor' });
    expect(await phone.setMode('barge')).toMatchObject({ mode: 'barge', micLive: true });
    await until(() => server.mode() === 'barge', 'ChanSpy in barge');
    const ears = await server.measureEars(1500);
    expect(ears.agent).toBeGreaterThan(HEARD);
    expect(ears.customer).toBeGreaterThan(HEARD);
  });

  it('starting in coach on an idle extension: sent on the fallback (swallowed), said again once spying begins', async () => {
    const { extension, server, phone } = await setup({ idle: true });
    const m = await phone.startMonitor({ target: extension, mode: 'coach' });
    expect(m.mode).toBe('coach');
    expect(server.swallowed).toEqual(['5']); // ChanSpy was still looking for a channel
    server.startSpiedCall();
    await until(() => server.mode() === 'coach', 'ChanSpy in whisper after the digit was said again');
    expect(server.log.filter((l) => l.startsWith('DTMF end'))).toHaveLength(2); // once more, not a stream of digits
    expect((await server.measureEars(1500)).agent).toBeGreaterThan(HEARD);
  });

  it('RFC 2833 (dtmf_mode=rfc4733): starting in barge reaches both parties — the digit waits for DTLS and for spying', async () => {
    const { extension, server, phone } = await setup({ rfc4733: true }, 'rfc2833');
    const m = await phone.startMonitor({ target: extension, mode: 'barge' });
    expect(m).toMatchObject({ mode: 'barge', micLive: true });
    await until(() => server.mode() === 'barge', 'ChanSpy in barge');
    expect(server.swallowed).toEqual([]);
    const ears = await server.measureEars(1500);
    expect(ears.agent).toBeGreaterThan(HEARD);
    expect(ears.customer).toBeGreaterThan(HEARD);
  });

  it('RFC 2833 on a PBX that takes digits at once (the eavesdrop profile, no spying gate): an early digit waits for DTLS instead of being refused', async () => {
    // FreeSWITCH-like: no initial digit wait; only Chromium's canInsertDTMF (DTLS) stands between answer and digit.
    const profile = freeswitchEavesdrop({ featureCode: '*222', digits: { monitor: '4', coach: '5', barge: '6' } });
    const { extension, server, phone } = await setup({ rfc4733: true, answerWaitMs: 0, digitWaitMs: 0 }, 'rfc2833', profile);
    const m = await phone.startMonitor({ target: extension, mode: 'barge' });
    expect(m).toMatchObject({ mode: 'barge', micLive: true });
    await until(() => server.mode() === 'barge', 'the PBX in barge');
  });

  it('a failed digit send (RFC 2833, no telephone-event negotiated) fails the mode, mic disabled, nobody hears', async () => {
    const { extension, server, phone } = await setup({}, 'rfc2833');
    await phone.startMonitor({ target: extension, mode: 'monitor' });
    await expect(phone.setMode('coach')).rejects.toThrow(/^Coaching did not start: the PBX did not agree to RFC 2833 digits/);
    expect(phone.status().monitor).toMatchObject({ state: 'active', mode: 'monitor', micLive: false, problem: { code: 'DTMF_FAILED' } });
    expect(await bench.media.micLive()).toBe(false);
    const ears = await server.measureEars(1000);
    expect(ears.fromSupervisor).toBeLessThan(0.005);
    expect(ears.agent).toBe(0);
  });

  it('a codec ChanSpy cannot translate (Opus only): the leg says "No audio from the PBX"', async () => {
    const { extension, phone } = await setup({ codec: 'opus-only' });
    await phone.startMonitor({ target: extension, mode: 'monitor' });
    await until(() => phone.status().monitor?.audio === 'none', 'no-audio verdict');
    expect(phone.status().monitor?.audioProblem?.message).toMatch(/^No audio from the PBX — check the codec \(ulaw\/alaw\)/);
  });

  it('an idle extension says "No audio from the PBX", and it clears when the extension gets a call', async () => {
    const { extension, server, phone } = await setup({ idle: true });
    await phone.startMonitor({ target: extension, mode: 'monitor' });
    await until(() => phone.status().monitor?.audio === 'none', 'no-audio verdict');
    expect(phone.status().monitor?.audioProblem?.code).toBe('NO_AUDIO');
    server.startSpiedCall();
    await until(() => phone.status().monitor?.audio === 'flowing', 'audio flowing');
    expect(phone.status().monitor?.audioProblem).toBeUndefined();
    const heard = await bench.media.tonePeaks(800, [500, 1200]);
    expect(heard[500]).toBeGreaterThan(-70);
  });
});
