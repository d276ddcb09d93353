/**
 * The auto-answer profile through JsSIP: the in-process UAS plays the SIP
 * server the phone is registered with, relaying the platform's (or an
 * attacker's) INVITE. Only the INVITE carrying the fresh monitor token of a
 * request this supervisor made is answered; everything else is declined,
 * reported, and never gets a peer connection (so never a live microphone).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { asteriskChanSpy, autoAnswer, type PbxProfile } from '../../../main/phone/pbxProfiles';
import { fakeSdp } from './support/fakeMediaHost';
import { inProcessPhone, until, type Harness } from './support/inProcessPhone';

let h: Harness | undefined;
afterEach(async () => {
  await h?.phone.unregister();
  h = undefined;
});

/** Below the proxy's own Via: what the sender wrote. The proxy is the in-process server, demo-pbx.invalid. */
const appServerVia: [string, string] = ['Via', 'SIP/2.0/UDP cc-app.example.com:5060;branch=z9hG4bKapp0001'];
const forgedBottomVia: [string, string] = ['Via', 'SIP/2.0/UDP demo-pbx.invalid:5060;branch=z9hG4bKforged1'];
const forgedReceived: [string, string] = ['Via', 'SIP/2.0/UDP 203.0.113.66:5060;received=demo-pbx.invalid;branch=z9hG4bKforged2'];
const pleaseAnswer: [string, string] = ['Answer-Mode', 'Auto'];
const tokenHeader = (token: string | undefined): [string, string] => ['X-Spyglass-Monitor', token ?? 'missing'];

let clock = 1_800_000_000_000;
async function platform(profile: PbxProfile = autoAnswer({ monitorTokenTtlMs: 10_000 })) {
  h = inProcessPhone({ profile, now: () => clock });
  await h.phone.register(h.account);
  const contact = h.uas.registrations.get('sup1');
  if (!contact) throw new Error('not registered');
  return { h, contact };
}

const peersCreated = (h: Harness) => h.media.calls.filter((c) => c.method === 'create').length;

describe('auto-answer: only the leg this supervisor asked for', () => {
  it('answers a genuine INVITE relayed by the server (bottom Via = the platform app server) carrying the fresh token, mic off', async () => {
    const { h, contact } = await platform();
    const { monitorToken } = h.phone.prepareMonitor({ target: 'call-42', mode: 'monitor' });
    expect(monitorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pending = h.phone.startMonitor({ target: 'call-42', mode: 'monitor' });
    const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51000), [appServerVia, tokenHeader(monitorToken), pleaseAnswer]);
    expect(res.status).toBe(200);
    expect(await pending).toMatchObject({ state: 'active', mode: 'monitor', micLive: false, target: 'call-42', profileId: 'auto-answer' });
    expect(h.media.micLive()).toBe(false);
    expect(h.declined).toEqual([]);
  });

  it('answers the token without any auto-answer hint, and a leg that arrives before startMonitor is the monitor', async () => {
    const { h, contact } = await platform();
    const { monitorToken } = h.phone.prepareMonitor({ target: 'call-43', mode: 'coach' });
    // The platform called while the connector's startSupervision was still running.
    const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51002), [tokenHeader(monitorToken)]);
    expect(res.status).toBe(200);
    const m = await h.phone.startMonitor({ target: 'call-43', mode: 'coach' });
    expect(m).toMatchObject({ state: 'active', mode: 'coach', target: 'call-43' });
    await until(() => h.media.micLive(), 'mic live in coach, as requested');
    await h.phone.end();
    expect(h.media.micLive()).toBe(false);
  });

  it.each([
    ['a forged bottom Via naming the server', forgedBottomVia],
    ['a forged received= naming the server', forgedReceived],
  ])('declines Answer-Mode: Auto with %s while a request waits; the genuine call is still answered', async (_what, via) => {
    const { h, contact } = await platform();
    const { monitorToken } = h.phone.prepareMonitor({ target: 'call-44', mode: 'monitor' });
    const pending = h.phone.startMonitor({ target: 'call-44', mode: 'monitor' });
    const attack = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51004), [via, pleaseAnswer, ['Call-Info', '<sip:demo-pbx.invalid>;answer-after=0']]);
    expect(attack.status).toBe(603);
    expect(h.phone.status().monitor).toBeNull();
    expect(peersCreated(h)).toBe(0);
    expect(h.declined).toEqual([{ caller: 'sip:platform@demo-pbx.invalid', status: 603, reason: expect.stringMatching(/^it carries no monitor token \(it asked to be auto-answered/) }]);
    const genuine = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51006), [appServerVia, tokenHeader(monitorToken)]);
    expect(genuine.status).toBe(200);
    await pending;
    // Barging opens the mic on the requested leg only: it is the one peer there is.
    expect((await h.phone.setMode('barge')).micLive).toBe(true);
    expect(peersCreated(h)).toBe(1);
  });

  it('declines Answer-Mode: Auto from the server itself when nothing was requested, and says so', async () => {
    const { h, contact } = await platform();
    const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51008), [pleaseAnswer]);
    expect(res.status).toBe(603);
    expect(peersCreated(h)).toBe(0);
    expect(h.declined[0]).toMatchObject({ status: 603, reason: expect.stringMatching(/no monitor token/) });
  });

  it('declines a replayed token after its leg ended', async () => {
    const { h, contact } = await platform();
    const { monitorToken } = h.phone.prepareMonitor({ target: 'call-45', mode: 'monitor' });
    const pending = h.phone.startMonitor({ target: 'call-45', mode: 'monitor' });
    expect((await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51010), [tokenHeader(monitorToken), pleaseAnswer])).status).toBe(200);
    await pending;
    await h.phone.end();
    const replay = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51012), [tokenHeader(monitorToken), pleaseAnswer]);
    expect(replay.status).toBe(603);
    expect(h.declined[0]?.reason).toMatch(/already used \(replay\)/);
    expect(h.phone.status().monitor).toMatchObject({ state: 'ended', endedBy: 'supervisor' });
    expect(peersCreated(h)).toBe(1);
  });

  it('declines an expired token', async () => {
    const { h, contact } = await platform();
    const { monitorToken } = h.phone.prepareMonitor({ target: 'call-46', mode: 'barge' });
    clock += 10_000;
    const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51014), [tokenHeader(monitorToken), pleaseAnswer]);
    expect(res.status).toBe(603);
    expect(h.declined[0]?.reason).toMatch(/expired/);
    expect(peersCreated(h)).toBe(0);
    await expect(h.phone.startMonitor({ target: 'call-46', mode: 'barge' })).rejects.toThrow(/did not call the supervisor phone in time/);
  });

  it('declines the token of a withdrawn request (the connector refused the supervision)', async () => {
    const { h, contact } = await platform();
    const { monitorToken } = h.phone.prepareMonitor({ target: 'call-47', mode: 'monitor' });
    h.phone.withdrawMonitorRequest();
    const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51016), [tokenHeader(monitorToken)]);
    expect(res.status).toBe(603);
    await expect(h.phone.startMonitor({ target: 'call-47', mode: 'monitor' })).rejects.toThrow(/not asked to call this phone/);
  });

  it('answers busy to any INVITE while the leg is up, and the mic stays as it was', async () => {
    const { h, contact } = await platform();
    const { monitorToken } = h.phone.prepareMonitor({ target: 'call-48', mode: 'monitor' });
    const pending = h.phone.startMonitor({ target: 'call-48', mode: 'monitor' });
    await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51018), [tokenHeader(monitorToken)]);
    await pending;
    const second = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51020), [tokenHeader(monitorToken), pleaseAnswer]);
    expect(second.status).toBe(486);
    expect(h.media.micChanges.some((c) => c.enabled)).toBe(false);
    expect(h.phone.status().monitor?.state).toBe('active');
  });

  it('allows one pending monitor at a time while waiting for the platform to call', async () => {
    const { h, contact } = await platform();
    const { monitorToken } = h.phone.prepareMonitor({ target: 'a', mode: 'monitor' });
    const first = h.phone.startMonitor({ target: 'a', mode: 'monitor' });
    await expect(h.phone.startMonitor({ target: 'b', mode: 'monitor' })).rejects.toThrow(/already running/);
    await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51022), [tokenHeader(monitorToken)]);
    expect((await first).target).toBe('a');
  });

  it('a dial-plan phone declines every INVITE, auto-answer hints included (no token is ever issued)', async () => {
    const { h, contact } = await platform(asteriskChanSpy());
    expect(h.phone.prepareMonitor({ target: '1001', mode: 'monitor' })).toEqual({});
    const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51024), [pleaseAnswer, forgedBottomVia]);
    expect(res.status).toBe(603);
    expect(peersCreated(h)).toBe(0);
  });
});
