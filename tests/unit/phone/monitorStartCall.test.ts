/**
 * A monitor start cannot hang, and a start that goes nowhere says why (issue
 * 18 found 4, 6), through the real JsSIP softphone and the in-process UAS.
 * The 183-only case runs in the lab (tests/lab/softphone.lab.test.ts: sipp sends the 183).
 */
import { describe, expect, it } from 'vitest';
import type { InviteDecision } from '../../../main/phone/demoPbx/sipUas';
import { freeswitchEavesdrop } from '../../../main/phone/pbxProfiles';
import { fakeSdp } from './support/fakeMediaHost';
import { phonePerTest, until, type Harness, type InProcessPhoneOptions } from './support/inProcessPhone';

const phones = phonePerTest();
const started = (opts: InProcessPhoneOptions = {}, answerTimeoutMs?: number) =>
  phones.started(opts, answerTimeoutMs === undefined ? {} : { answerTimeoutMs });

describe('monitor start on a dial-plan PBX', () => {
  it('a PBX that never answers: the start ends with the reason (CANCEL on the wire), mic off', async () => {
    const { phone, media, uas } = await started({ onInvite: () => new Promise<InviteDecision>(() => undefined) }, 300);
    const m = await phone.startMonitor({ target: '1001', mode: 'barge' });
    expect(m).toMatchObject({ state: 'failed', endedBy: 'error', micLive: false, problem: { code: 'UNAVAILABLE', message: 'The PBX did not answer the monitor call within 0.3 s.' } });
    await until(() => uas.log.some((l) => l.startsWith('> CANCEL')), 'CANCEL');
    expect(media.micLive()).toBe(false);
    expect(phone.status().registration).toBe('registered');
  });

  it('an answer in time is not cut short by the bound', async () => {
    const { phone } = await started({}, 300);
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    await new Promise((r) => setTimeout(r, 400));
    expect(phone.status().monitor).toMatchObject({ state: 'active' });
  });

  it('an immediate far-end hang-up with no audio says there is nothing to spy on', async () => {
    const { phone, media, uas, lastCall } = await started({ profile: freeswitchEavesdrop() });
    media.inbound = 'none';
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    uas.hangUp(lastCall()!);
    await until(() => phone.status().monitor?.state === 'ended', 'monitor ended');
    expect(phone.status().monitor).toMatchObject({
      endedBy: 'far-end',
      micLive: false,
      problem: { code: 'NOT_FOUND', message: 'The PBX hung up right after answering: nothing to spy on — is agent 1001 on a call?' },
    });
    expect(phone.status().monitor?.problem?.action).toMatch(/mod_hash/);
  });

  it('a BYE right behind the 200 OK (FreeSWITCH: answer, eavesdrop on an empty spymap, hangup) says the same', async () => {
    const ref: { uas?: Harness['uas'] } = {};
    const { phone, media, uas } = await started({
      profile: freeswitchEavesdrop(),
      onInvite: (call) => {
        setTimeout(() => ref.uas?.hangUp(call), 10); // BYE right behind the 200 OK, before our ACK
        return { answerSdp: fakeSdp('sendrecv', 50000) };
      },
    });
    ref.uas = uas;
    media.inbound = 'none';
    // The renderer is still applying the answer when the BYE arrives (as with FreeSWITCH on a real Chromium).
    const request = media.request.bind(media);
    media.request = async (pcId, method, args) => {
      if (method === 'setRemoteDescription') await new Promise((r) => setTimeout(r, 50));
      return request(pcId, method, args);
    };
    const m = await phone.startMonitor({ target: '1001', mode: 'monitor' });
    await until(() => phone.status().monitor?.state === 'ended', 'monitor ended');
    expect(m.state === 'ended' || m.state === 'active').toBe(true);
    expect(phone.status().monitor).toMatchObject({ endedBy: 'far-end', problem: { code: 'NOT_FOUND' } });
  });

  it.each([
    [404, 'Not Found', 'NOT_FOUND', 'Feature code lookup failed: the PBX does not know 881001 (404).'],
    [480, 'Temporarily Unavailable', 'NOT_FOUND', 'Nothing to spy on at 1001 (480): is the agent on a call?'],
    [488, 'Not Acceptable Here', 'MEDIA_FAILED', 'The PBX found no audio path it accepts (488): no usable network address (ICE candidate) or codec in common.'],
  ])('a %i final response says what it likely means', async (status, reason, code, message) => {
    const { phone } = await started({ profile: freeswitchEavesdrop(), onInvite: () => ({ reject: { status, reason } }) });
    const m = await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(m).toMatchObject({ state: 'failed', problem: { code, message } });
  });
});

describe('INFO digits on FreeSWITCH (answered 200 OK and ignored without liberal-dtmf)', () => {
  it('are refused without liberal-dtmf: the mode fails with the reason, no INFO on the wire, mic off', async () => {
    const { phone, media, lastCall } = await started({ profile: freeswitchEavesdrop({ dtmfMethod: 'info' }) });
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    await expect(phone.setMode('coach')).rejects.toThrow(/^Coaching did not start: FreeSWITCH ignores SIP INFO digits/);
    expect(phone.status().monitor).toMatchObject({ state: 'active', mode: 'monitor', micLive: false, problem: { code: 'DTMF_FAILED' } });
    expect(phone.status().monitor?.problem?.action).toMatch(/liberal-dtmf/);
    expect(lastCall()!.digits).toEqual([]);
    expect(media.micLive()).toBe(false);
  });

  it('are sent when the user states the PBX has liberal-dtmf', async () => {
    const { phone, media, lastCall } = await started({ profile: freeswitchEavesdrop({ dtmfMethod: 'info', liberalDtmf: true }) });
    await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(await phone.setMode('coach')).toMatchObject({ mode: 'coach', micLive: true });
    expect(lastCall()!.digits).toEqual(['2']);
    expect(media.micLive()).toBe(true);
  });
});
