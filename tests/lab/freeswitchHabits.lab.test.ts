/**
 * FreeSWITCH's habits on the wire (issue 18 item 6), against the lab server in
 * FreeSWITCH mode (support/chanSpyServer.ts, pbx: 'freeswitch'): eavesdrop's
 * digits per src/switch_ivr_async.c, INFO digits answered 200 OK and ignored
 * without liberal-dtmf, an empty spymap lookup hanging up at once, CN in the
 * answer. The supervisor is the real renderer media module in headless
 * Chromium; signalling is JsSIP through Kamailio. The profile is the one
 * Settings gives for `freeswitch-eavesdrop` (its own defaults: 88 + RFC 2833).
 */
import { describe, expect, it } from 'vitest';
import { freeswitchEavesdrop, profileSettingDefaults, type DialPlanProfile } from '../../main/phone/pbxProfiles';
import { HEARD, until, useChanSpyBench } from './support/chanSpyBench';
import type { ChanSpyOptions } from './support/chanSpyServer';
import { labUnavailableReason } from './support/processes';

const skip = labUnavailableReason(['kamailio', 'sipp', 'chromium'], 'audio lab');
if (skip) console.warn(skip);


/** What a supervisor gets who only picks the profile: its own feature code and DTMF method (item 1). */
const pickedProfile = (overrides: Partial<DialPlanProfile> = {}): DialPlanProfile => {
  const d = profileSettingDefaults('freeswitch-eavesdrop');
  return freeswitchEavesdrop({ featureCode: d['phone.featureCode'], dtmfMethod: d['phone.dtmfMethod'], ...overrides });
};

describe.skipIf(!!skip)('FreeSWITCH habits on the wire (Chromium supervisor, eavesdrop-like lab server)', () => {
  const bench = useChanSpyBench(3000);

  const setup = (opts: ChanSpyOptions = {}, profile: DialPlanProfile = pickedProfile()) =>
    bench.setup((extension) => `${profile.featureCode}${extension}`, { pbx: 'freeswitch', ...opts }, profile);

  it('the picked profile dials 88<ext>; starting in coach (2) reaches only the agent, barge (3) both, back to listen (0)', async () => {
    const { extension, server, phone } = await setup();
    const m = await phone.startMonitor({ target: extension, mode: 'coach' });
    expect(m).toMatchObject({ state: 'active', mode: 'coach', micLive: true });
    await until(() => server.mode() === 'coach', 'eavesdrop talking to the eavesdropped leg');
    let ears = await server.measureEars(1500);
    expect(ears.agent).toBeGreaterThan(HEARD);
    expect(ears.customer).toBe(0);
    await phone.setMode('barge');
    await until(() => server.mode() === 'barge', 'eavesdrop talking to both');
    ears = await server.measureEars(1500);
    expect(ears.customer).toBeGreaterThan(HEARD);
    await phone.setMode('monitor');
    await until(() => server.mode() === 'monitor', 'eavesdrop listening');
    expect(server.ignoredInfo).toEqual([]);
  });

  it('INFO digits without liberal-dtmf are not sent (FreeSWITCH would answer 200 OK and ignore them): the mode fails, mic off, nobody hears', async () => {
    const { extension, server, phone } = await setup({}, pickedProfile({ dtmfMethod: 'info' }));
    await phone.startMonitor({ target: extension, mode: 'monitor' });
    await expect(phone.setMode('coach')).rejects.toThrow(/^Coaching did not start: FreeSWITCH ignores SIP INFO digits/);
    expect(phone.status().monitor).toMatchObject({ state: 'active', mode: 'monitor', micLive: false, problem: { code: 'DTMF_FAILED' } });
    expect(await bench.media.micLive()).toBe(false);
    expect(server.mode()).toBe('monitor');
    const ears = await server.measureEars(1000);
    expect(ears.agent).toBe(0);
  });

  it('why: INFO to a FreeSWITCH without liberal-dtmf is answered 200 OK and ignored — a wrong "liberal-dtmf" statement cannot be caught on the wire', async () => {
    const { extension, server, phone } = await setup({ liberalDtmf: false }, pickedProfile({ dtmfMethod: 'info', liberalDtmf: true }));
    await phone.startMonitor({ target: extension, mode: 'monitor' });
    await phone.setMode('coach'); // every INFO got its 200 OK
    expect(server.ignoredInfo).toEqual(['2']);
    expect(server.mode()).toBe('monitor');
  });

  it('INFO with liberal-dtmf stated and set on the PBX: coach reaches the agent', async () => {
    const { extension, server, phone } = await setup({ liberalDtmf: true }, pickedProfile({ dtmfMethod: 'info', liberalDtmf: true }));
    await phone.startMonitor({ target: extension, mode: 'monitor' });
    expect(await phone.setMode('coach')).toMatchObject({ mode: 'coach', micLive: true });
    await until(() => server.mode() === 'coach', 'eavesdrop took the INFO digit');
    expect((await server.measureEars(1500)).agent).toBeGreaterThan(HEARD);
  });

  it('an extension with nothing to spy on (empty spymap): hung up at once, the reason says so', async () => {
    const { extension, phone } = await setup({ idle: true });
    await phone.startMonitor({ target: extension, mode: 'monitor' });
    await until(() => phone.status().monitor?.state === 'ended', 'monitor ended by the PBX');
    expect(phone.status().monitor).toMatchObject({ endedBy: 'far-end', micLive: false, problem: { code: 'NOT_FOUND' } });
    expect(phone.status().monitor?.problem?.message).toBe(`The PBX hung up right after answering: nothing to spy on — is agent ${extension} on a call?`);
  });

  it('CN in the answer (suppress-cng=false): Spyglass does not offer comfort noise, so its audio never stops during silence', async () => {
    const { extension, server, phone } = await setup({ comfortNoise: true });
    await phone.startMonitor({ target: extension, mode: 'monitor' });
    await until(() => phone.status().monitor?.audio === 'flowing', 'audio flowing');
    const before = server.supervisorPackets().all;
    await new Promise((r) => setTimeout(r, 2000));
    const sent = server.supervisorPackets();
    expect(server.answerSdp()).not.toMatch(/CN\/8000/);
    expect(sent.comfortNoise).toBe(0);
    expect(sent.all - before).toBeGreaterThan(50); // a 20 ms packet every frame, not a few SID frames
  });
});
