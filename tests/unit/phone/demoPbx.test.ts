import { afterEach, describe, expect, it } from 'vitest';
import { DemoPbx } from '../../../main/phone/demoPbx/demoPbx';
import { JsSipSoftphone } from '../../../main/phone/softphone';
import { FakeMediaHost } from './support/fakeMediaHost';
import { until } from './support/inProcessPhone';

let phone: JsSipSoftphone | undefined;
afterEach(async () => {
  await phone?.unregister();
});

function demo(opts: { busy?: string[] } = {}) {
  const media = new FakeMediaHost();
  const pbx = new DemoPbx({ mediaHost: media, isKnownExtension: (e) => e.startsWith('10'), isBusy: (e) => !!opts.busy?.includes(e) });
  phone = new JsSipSoftphone({ mediaHost: media, createSocket: pbx.createSocket });
  return { media, pbx, phone };
}

describe('demo PBX over the in-process SIP transport', () => {
  it('registers without a network and answers a monitor call with the far end fed the supervisor offer', async () => {
    const { media, pbx, phone } = demo();
    expect((await phone.register(pbx.account())).registration).toBe('registered');
    const m = await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(m).toMatchObject({ state: 'active', micLive: false });
    const answer = media.demo.find((d) => d.event === 'answer');
    // The far end answered the very SDP the supervisor's (renderer) peer offered: the real path.
    const supervisorPc = [...media.pcs.values()][0]!;
    expect(answer?.offer).toBe(supervisorPc.snap.localDescription?.sdp);
    expect(pbx.activeLegs()).toMatchObject([{ extension: '1001', mode: 'monitor' }]);
  });

  it('honours mode changes so the meters know who hears the supervisor', async () => {
    const { media, pbx, phone } = demo();
    await phone.register(pbx.account());
    await phone.startMonitor({ target: '1002', mode: 'monitor' });
    await phone.setMode('coach');
    await phone.setMode('barge');
    await phone.setMode('monitor');
    await until(() => media.demo.filter((d) => d.event !== 'answer').length === 3, 'three mode changes');
    expect(media.demo.map((d) => d.event)).toEqual(['answer', 'coach', 'barge', 'monitor']);
    expect(pbx.activeLegs()[0]?.mode).toBe('monitor');
  });

  it('a reloaded page re-offers the leg: a new far end answers it, in the mode the leg was in', async () => {
    const { media, pbx, phone } = demo();
    await phone.register(pbx.account());
    await phone.startMonitor({ target: '1005', mode: 'coach' });
    const first = media.demo.find((d) => d.event === 'answer')!;
    media.reload(); // the page (with the supervisor's peer and the far end) went away
    phone.mediaHostGone();
    phone.mediaHostReady([]);
    await until(() => phone.status().monitor?.reattaching === undefined && phone.status().monitor?.state === 'active', 'resumed');
    const answers = media.demo.filter((d) => d.event === 'answer');
    expect(answers).toHaveLength(2);
    const second = answers[1]!;
    expect(second.id).not.toBe(first.id);
    // The new far end answered the new peer's offer and was told the leg is coaching.
    // (Under the dialog's SDP session: only the o= line differs from what the new peer made.)
    const withoutOrigin = (sdp: string | undefined) => sdp?.replace(/^o=.*$/m, '');
    expect(withoutOrigin(second.offer)).toBe(withoutOrigin([...media.pcs.values()][0]!.snap.localDescription?.sdp));
    expect(second.offer).toMatch(/^o=- \d+ 2 /m);
    expect(media.demo.filter((d) => d.id === second.id).map((d) => d.event)).toEqual(['answer', 'coach']);
    expect(pbx.activeLegs()).toMatchObject([{ extension: '1005', mode: 'coach', farEndId: second.id }]);
    expect(phone.status().monitor).toMatchObject({ mode: 'coach' });
  });

  it('ends the supervisor leg when the demo call ends, and closes the far end', async () => {
    const { media, pbx, phone } = demo();
    await phone.register(pbx.account());
    await phone.startMonitor({ target: '1003', mode: 'coach' });
    pbx.callEnded('1003');
    await until(() => phone.status().monitor?.state === 'ended', 'ended');
    expect(phone.status().monitor).toMatchObject({ endedBy: 'far-end', micLive: false });
    await until(() => media.demo.some((d) => d.event === 'close'), 'far end closed');
    expect(media.micLive()).toBe(false);
  });

  it('plays the voices the call allows: a change reaches the live leg, and a later leg starts with them', async () => {
    const { media, pbx, phone } = demo();
    await phone.register(pbx.account());
    await phone.startMonitor({ target: '1004', mode: 'monitor' });
    expect(media.demo.find((d) => d.event === 'answer')?.voices).toEqual({ agent: true, customer: true });
    // The agent holds; the supervisor picked the customer.
    pbx.followCall({ agent: false, customer: true });
    await until(() => media.demo.some((d) => d.event.startsWith('voices')), 'voices changed');
    expect(media.demo.filter((d) => d.event.startsWith('voices')).map((d) => d.event)).toEqual(['voices {"agent":false,"customer":true}']);
    // Same voices again: nothing to tell the far end.
    pbx.followCall({ agent: false, customer: true });
    await phone.end();
    await phone.startMonitor({ target: '1005', mode: 'monitor' });
    expect(media.demo.filter((d) => d.event === 'answer').map((d) => d.voices)).toEqual([
      { agent: true, customer: true },
      { agent: false, customer: true },
    ]);
    expect(media.demo.filter((d) => d.event.startsWith('voices'))).toHaveLength(1);
  });

  it('refuses unknown extensions and calls someone else monitors', async () => {
    const { pbx, phone } = demo({ busy: ['1009'] });
    await phone.register(pbx.account());
    expect((await phone.startMonitor({ target: '2001', mode: 'monitor' })).problem?.code).toBe('NOT_FOUND');
    expect((await phone.startMonitor({ target: '1009', mode: 'monitor' })).problem?.code).toBe('BUSY');
  });

  it('drops malformed SIP without crashing and keeps serving', async () => {
    const { pbx, phone } = demo();
    await phone.register(pbx.account());
    pbx.uas.receive('garbage\r\n\r\n', () => undefined, pbx.createSocket());
    pbx.uas.receive('INVITE sip:x SIP/2.0\r\nbroken header line\r\n\r\n', () => undefined, pbx.createSocket());
    expect(pbx.uas.log.filter((l) => l === 'dropped malformed message')).toHaveLength(2);
    expect((await phone.startMonitor({ target: '1001', mode: 'monitor' })).state).toBe('active');
  });
});
