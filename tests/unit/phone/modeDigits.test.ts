/**
 * "Live" only when true on the wire (issue 16 found 1-3, issue 18 found 2-3):
 * digits wait until the PBX takes them, a failed send fails the mode with the
 * mic off, and a leg with no audio from the PBX says so.
 */
import { describe, expect, it } from 'vitest';
import { asteriskChanSpy, freeswitchEavesdrop } from '../../../main/phone/pbxProfiles';
import { ModeChangeError } from '../../../main/phone/monitorSession';
import { fakeSdp } from './support/fakeMediaHost';
import { phonePerTest, until } from './support/inProcessPhone';

const { started } = phonePerTest();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const noTelephoneEvent = fakeSdp('sendrecv', 50000).replace(' 0 101', ' 0').replace(/a=rtpmap:101.*\r\na=fmtp:101.*\r\n/, '');

describe('asterisk-chanspy: digits wait until ChanSpy has begun spying', () => {
  it('starting in coach holds the digit while no audio comes from the PBX, then sends it when audio starts', async () => {
    const { phone, media, lastCall } = await started();
    media.inbound = 'none'; // ChanSpy still in its initial digit wait: it sends nothing yet
    const start = phone.startMonitor({ target: '1001', mode: 'coach' });
    await until(() => lastCall()?.state === 'confirmed' || phone.status().monitor?.state === 'switching', 'leg up');
    await sleep(400);
    expect(lastCall()!.digits).toEqual([]); // the old code sent it ~30 ms after the answer: ChanSpy threw it away
    expect(phone.status().monitor).toMatchObject({ micLive: false });
    expect(media.micLive()).toBe(false);
    media.inbound = 'flowing'; // "Spying on channel ...": audio from the spied call
    const m = await start;
    expect(m).toMatchObject({ state: 'active', mode: 'coach', micLive: true });
    expect(lastCall()!.digits).toEqual(['5']);
  });

  it('an early mode switch waits the same way', async () => {
    const { phone, media, lastCall } = await started();
    media.inbound = 'none';
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    const switched = phone.setMode('barge');
    await sleep(300);
    expect(lastCall()!.digits).toEqual([]);
    media.inbound = 'flowing';
    expect(await switched).toMatchObject({ mode: 'barge', micLive: true });
    expect(lastCall()!.digits).toEqual(['6']);
  });

  it('with no audio at all, sends after the bounded fallback, and once more when spying begins', async () => {
    const { phone, media, lastCall } = await started();
    media.inbound = 'none';
    const m = await phone.startMonitor({ target: '1001', mode: 'coach' });
    expect(m).toMatchObject({ mode: 'coach', state: 'active' });
    expect(lastCall()!.digits).toEqual(['5']);
    media.inbound = 'flowing';
    await until(() => lastCall()!.digits.length === 2, 'the digit said again');
    expect(lastCall()!.digits).toEqual(['5', '5']);
    await sleep(300);
    expect(lastCall()!.digits).toHaveLength(2); // once only
  });
});

describe('a failed digit send fails the mode change, mic off', () => {
  it('INFO answered with an error: coach refused with the reason, mic never on', async () => {
    const { phone, media } = await started({ refuseInfo: () => ({ status: 415, reason: 'Unsupported Media Type' }) });
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    const err = await phone.setMode('coach').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModeChangeError);
    expect((err as ModeChangeError).problem.message).toMatch(/^Coaching did not start: the PBX refused digit 5 \(SIP INFO answered 415/);
    expect(phone.status().monitor).toMatchObject({ mode: 'monitor', micLive: false, state: 'active', problem: { code: 'DTMF_FAILED' } });
    expect(media.micChanges.some((c) => c.enabled)).toBe(false);
  });

  it('starting in barge with INFO refused: the leg stays up listening, says why, mic off', async () => {
    const { phone, media } = await started({ refuseInfo: () => ({ status: 501, reason: 'Not Implemented' }) });
    const m = await phone.startMonitor({ target: '1001', mode: 'barge' });
    expect(m).toMatchObject({ state: 'active', mode: 'monitor', micLive: false, problem: { code: 'DTMF_FAILED' } });
    expect(m.problem?.message).toMatch(/^Barging in did not start/);
    expect(media.micChanges.some((c) => c.enabled)).toBe(false);
  });

  it('RFC 2833 with no telephone-event in the answer (dtmf_mode=info on the endpoint): refused, no digit inserted', async () => {
    const { phone, media } = await started({ profile: asteriskChanSpy({ dtmfMethod: 'rfc2833' }), onInvite: () => ({ answerSdp: noTelephoneEvent }) });
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    await expect(phone.setMode('coach')).rejects.toThrow(/no telephone-event in its answer/);
    expect(media.dtmf).toEqual([]);
    expect(phone.status().monitor).toMatchObject({ mode: 'monitor', micLive: false });
    expect(media.micLive()).toBe(false);
  });

  it('RFC 2833 refused by the media host (canInsertDTMF stayed false): refused, never "inserted"', async () => {
    const { phone, media } = await started({ profile: freeswitchEavesdrop() });
    media.failDtmf = 'the audio path to the PBX did not come up within 5000 ms (canInsertDTMF is false: DTLS not up)';
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    const pc = phone.activeMonitor!.peer!;
    const inserted: string[] = [];
    pc.on('dtmfinserted', (t: string) => inserted.push(t));
    await expect(phone.setMode('barge')).rejects.toThrow(/^Barging in did not start: the audio path to the PBX did not come up/);
    expect(inserted).toEqual([]);
    expect(phone.status().monitor).toMatchObject({ mode: 'monitor', micLive: false, problem: { code: 'DTMF_FAILED' } });
    expect(media.micChanges.some((c) => c.enabled)).toBe(false);
    // The next attempt that works clears the reason.
    media.failDtmf = null;
    expect(await phone.setMode('coach')).toMatchObject({ mode: 'coach', micLive: true });
    expect(phone.status().monitor?.problem).toBeUndefined();
  });
});

describe('no audio from the PBX', () => {
  it('says so after 2 s without inbound audio, and clears when audio arrives', async () => {
    const { phone, media } = await started({ profile: freeswitchEavesdrop() });
    media.inbound = 'none';
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(phone.status().monitor?.audio).toBe('waiting');
    await until(() => phone.status().monitor?.audio === 'none', 'no-audio verdict', 5000);
    expect(phone.status().monitor?.audioProblem?.message).toMatch(/^No audio from the PBX — check the codec \(ulaw\/alaw\)/);
    media.inbound = 'flowing';
    await until(() => phone.status().monitor?.audio === 'flowing', 'audio flowing');
    expect(phone.status().monitor?.audioProblem).toBeUndefined();
  });
});
