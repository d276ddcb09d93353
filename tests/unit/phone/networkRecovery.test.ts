/**
 * Network loss and sleep on the real softphone (JsSIP) over the in-process
 * SIP server: the reconnect schedule runs on a fake clock, the transport is
 * the in-process socket the test drops and refuses at will.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessSocket } from '../../../main/phone/demoPbx/inProcessSocket';
import { SipUas, type UasCall } from '../../../main/phone/demoPbx/sipUas';
import { asteriskChanSpy } from '../../../main/phone/pbxProfiles';
import { JsSipSoftphone, type SipAccount } from '../../../main/phone/softphone';
import type { PhoneStatus } from '../../../preload/contract/phone';
import { FakeClock } from './support/fakeClock';
import { FakeMediaHost, fakeSdp } from './support/fakeMediaHost';
import { until } from './support/inProcessPhone';

let phones: JsSipSoftphone[] = [];
afterEach(async () => {
  for (const p of phones) await p.unregister();
  phones = [];
});

function rig({ keepCalls = true, graceMs }: { keepCalls?: boolean; graceMs?: number } = {}) {
  let lastCall: UasCall | undefined;
  const uas = new SipUas({
    users: { sup1: 'secret' },
    keepCallsOnDisconnect: keepCalls,
    hooks: {
      onInvite: (call) => {
        lastCall = call;
        return { answerSdp: fakeSdp('sendrecv', 50000) };
      },
    },
  });
  const media = new FakeMediaHost();
  const clock = new FakeClock(Date.now());
  let sock: InProcessSocket | undefined;
  const phone = new JsSipSoftphone({
    mediaHost: media,
    createSocket: () => (sock = new InProcessSocket(uas)),
    timers: clock,
    random: () => 0,
    ...(graceMs !== undefined ? { legRecoveryGraceMs: graceMs } : {}),
  });
  phones.push(phone);
  const seen: PhoneStatus[] = [];
  phone.onStatus((s) => seen.push(s));
  const account: SipAccount = { wsUrl: 'ws://demo-pbx.invalid', uri: 'sip:sup1@demo-pbx.invalid', password: 'secret', profile: asteriskChanSpy(), reconnectMinSec: 1, reconnectMaxSec: 30 };
  const iceRestarts = () => media.calls.filter((c) => c.method === 'createOffer' && (c.args[0] as { iceRestart?: boolean } | undefined)?.iceRestart).length;
  return { uas, media, clock, phone, seen, account, socket: () => sock!, call: () => lastCall!, iceRestarts };
}

const registrations = (r: ReturnType<typeof rig>) => r.uas.log.filter((l) => l.startsWith('> REGISTER')).length;

describe('Network loss with a monitor leg up', () => {
  it('pauses the leg with the mic off, counts down, re-registers and moves the leg by ICE restart', async () => {
    const r = rig();
    await r.phone.register(r.account);
    await r.phone.startMonitor({ target: '1001', mode: 'barge' });
    await until(() => r.media.micLive(), 'mic live in barge');

    r.socket().refuseConnections = true;
    r.socket().drop();
    await until(() => r.phone.status().registration === 'reconnecting', 'reconnecting');
    let s = r.phone.status();
    expect(s).toMatchObject({ lostBecause: 'connection', reconnectAttempt: 1, retryAt: r.clock.now() + 1000 });
    // Never half-live: the leg is paused, not ended, and nobody hears the supervisor.
    expect(s.monitor).toMatchObject({ state: 'active', recovering: true, micLive: false });
    expect(r.media.micLive()).toBe(false);
    await expect(r.phone.setMode('coach')).rejects.toThrow(/network is down/);

    // The first attempt fails (still no network): the next is 2 s away.
    r.clock.advance(1000);
    await until(() => r.phone.status().reconnectAttempt === 2, 'second attempt scheduled');
    expect(r.phone.status().retryAt).toBe(r.clock.now() + 2000);

    // The network returns: the next attempt registers and the leg is moved by a re-INVITE with an ICE restart.
    r.socket().refuseConnections = false;
    const before = registrations(r);
    const invites = r.uas.log.filter((l) => l.startsWith('> INVITE')).length;
    r.clock.advance(2000);
    await until(() => r.phone.status().registration === 'registered', 're-registered');
    expect(registrations(r)).toBeGreaterThan(before);
    s = r.phone.status();
    expect(s.reRegisteredAt).toBe(r.clock.now());
    expect(s.retryAt).toBeUndefined();
    expect(s.lostBecause).toBeUndefined();
    await until(() => r.phone.status().monitor?.recovering === undefined, 'leg resumed');
    expect(r.iceRestarts()).toBe(1);
    expect(r.uas.log.filter((l) => l.startsWith('> INVITE')).length).toBe(invites + 1); // the re-INVITE, same dialog
    expect(r.call().state).not.toBe('ended');
    // Back as it was: barging, mic live again (the PBX kept the mode on the same dialog).
    await until(() => r.media.micLive(), 'mic live again');
    expect(r.phone.status().monitor).toMatchObject({ state: 'active', mode: 'barge', micLive: true });
    // The status said what happened, in order.
    const phases = r.seen.map((x) => `${x.registration}${x.monitor?.recovering ? '+paused' : ''}`);
    expect(phases).toContain('reconnecting+paused');
    expect(phases.lastIndexOf('reconnecting+paused')).toBeLessThan(phases.lastIndexOf('registered'));
  });

  it('ends the leg cleanly with a notice when the PBX refuses the ICE restart (it hung up with the old connection)', async () => {
    const r = rig({ keepCalls: false });
    await r.phone.register(r.account);
    await r.phone.startMonitor({ target: '1001', mode: 'monitor' });
    r.socket().drop();
    await until(() => r.phone.status().registration === 'reconnecting', 'reconnecting');
    expect(r.phone.status().monitor?.recovering).toBe(true);
    r.clock.advance(1000);
    await until(() => r.phone.status().monitor?.state === 'ended', 'leg ended').catch((e) => {
      console.log(JSON.stringify(r.phone.status()), r.uas.log);
      throw e;
    });
    const m = r.phone.status().monitor!;
    expect(m).toMatchObject({ state: 'ended', endedBy: 'connection-lost', micLive: false });
    expect(m.problem?.message).toMatch(/did not take the call onto it \(ICE restart refused\)/);
    expect(r.phone.status().registration).toBe('registered');
    expect(r.media.micLive()).toBe(false);
  });

  it('ends the leg with the reason when the network stays away longer than the grace', async () => {
    const r = rig({ graceMs: 300 });
    await r.phone.register(r.account);
    await r.phone.startMonitor({ target: '1001', mode: 'coach' });
    await until(() => r.media.micLive(), 'mic live in coach');
    r.socket().refuseConnections = true;
    r.socket().drop();
    await until(() => r.phone.status().monitor?.state === 'ended', 'leg ended after the grace', 3000);
    expect(r.phone.status().monitor?.problem?.message).toMatch(/^The network was gone for more than 0 s, so your monitoring leg ended/);
    expect(r.phone.status().monitor?.recovering).toBeUndefined();
    expect(r.media.micLive()).toBe(false);
    expect(r.phone.status().registration).toBe('reconnecting');
  });
});

describe('Sleep and network changes', () => {
  it('on resume from sleep drops the old socket and re-registers at once, saying why', async () => {
    const r = rig();
    await r.phone.register(r.account);
    const first = r.socket();
    r.phone.networkEvent({ kind: 'suspend', source: 'test' });
    r.phone.networkEvent({ kind: 'resume', source: 'test' });
    await until(() => r.phone.status().registration === 'reconnecting', 'reconnecting');
    expect(r.phone.status()).toMatchObject({ lostBecause: 'sleep', retryAt: r.clock.now() });
    expect(first.isConnected()).toBe(false);
    r.clock.advance(0);
    await until(() => r.phone.status().registration === 'registered', 're-registered');
    expect(r.phone.status().reRegisteredAt).toBe(r.clock.now());
  });

  it('offline then online: waits on the schedule while offline, tries at once when the network is back', async () => {
    const r = rig();
    await r.phone.register(r.account);
    r.socket().refuseConnections = true;
    r.phone.networkEvent({ kind: 'offline', source: 'test' });
    await until(() => r.phone.status().registration === 'reconnecting', 'reconnecting');
    expect(r.phone.status()).toMatchObject({ lostBecause: 'offline', offline: true, retryAt: r.clock.now() + 1000 });
    r.socket().refuseConnections = false;
    r.phone.networkEvent({ kind: 'online', source: 'test' });
    await until(() => r.phone.status().registration === 'registered', 're-registered without waiting for the timer');
    expect(r.phone.status().offline).toBeUndefined();
  });
});
