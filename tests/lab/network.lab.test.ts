/**
 * A real network between the seat and the PBX (issue 17 items 5): Linux
 * network namespaces made by this test — the seat behind a NAT, the PBX
 * (Kamailio + the ChanSpy-like lab feature server) and coturn — joined by
 * veth pairs through a router namespace. The seat is the real softphone
 * (JsSIP, reconnect keeper, main's network watch) with the real renderer
 * media module in headless Chromium, both inside the seat's namespace.
 *
 * Proves: with direct UDP blocked, audio flows through TURN over UDP and TCP
 * and who hears whom is unchanged; with 5 % loss and 30 ms jitter towards
 * the seat, audio still flows and the call-quality indicator drops below
 * "good"; with the seat's link cut for 10 s, the phone re-registers once it
 * is back, its status said what happened throughout, and a monitor leg that
 * was barging stays paused with the mic off, then moves onto the returned
 * network by ICE restart (re-INVITE with new ICE credentials) and is heard again.
 *
 * Everything is created with names unique to the run and removed by the test
 * (namespaces take their veths and iptables rules with them); processes are
 * stopped by PID. Needs root: where namespaces cannot be made, it says so
 * and skips, or fails with CI=true.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PhoneStatus } from '../../preload/contract/phone';
import { describePhone } from '../../renderer/src/store/phone/selectors';
import { LAB_IPS, netnsUnavailableReason, type LabNetwork } from './support/netns';
import { PBX_STUN, PBX_WS_URL, startNetworkLab, turnIce, type NetworkLab, type SeatEvent } from './support/networkLab';
import { startNsChild, type NsChild } from './support/nsChild';
import { labUnavailableReason } from './support/processes';

const skip = netnsUnavailableReason() ?? labUnavailableReason(['kamailio', 'chromium'], 'network lab');
if (skip) console.warn(skip);

const FEATURE = '*2221001';
const TONE_DB = -70; // a tone present in what the supervisor hears
const HEARD = 0.02;

const until = async (cond: () => boolean | Promise<boolean>, what: string, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.skipIf(!!skip)('a real network between the seat and the PBX (namespaces, NAT, TURN)', () => {
  let lab: NetworkLab | undefined;
  let net: LabNetwork;
  let pbx: NsChild | undefined;
  let seat: NsChild<SeatEvent> | undefined;
  let registered = false;
  const status = () => seat!.call<PhoneStatus>('status');

  /** Starts a monitor leg and waits for its audio. */
  const monitor = async () => {
    const m = await seat!.call<{ state: string }>('startMonitor', '1001', 'monitor');
    expect(m.state).toBe('active');
    await until(async () => (await seat!.call<number>('inboundPackets')) > 25, 'audio from the PBX');
  };

  /** The who-hears-whom table of the audibility lab, on whatever path the leg has. */
  const whoHearsWhom = async () => {
    const heard = await seat!.call<Record<string, number>>('tonePeaks', 1000, [500, 1200]);
    expect(heard[500]).toBeGreaterThan(TONE_DB);
    expect(heard[1200]).toBeGreaterThan(TONE_DB);
    let ears = await pbx!.call<{ agent: number; customer: number; fromSupervisor: number }>('measureEars', 1500);
    expect(ears.agent).toBe(0);
    expect(ears.customer).toBe(0);
    await seat!.call('setMode', 'coach');
    await until(async () => (await pbx!.call('mode')) === 'coach', 'the server took the coach digit');
    ears = await pbx!.call('measureEars', 1500);
    expect(ears.agent).toBeGreaterThan(HEARD);
    expect(ears.customer).toBe(0);
    await seat!.call('setMode', 'barge');
    await until(async () => (await pbx!.call('mode')) === 'barge', 'the server took the barge digit');
    ears = await pbx!.call('measureEars', 1500);
    expect(ears.agent).toBeGreaterThan(HEARD);
    expect(ears.customer).toBeGreaterThan(HEARD);
    await seat!.call('setMode', 'monitor');
    await until(async () => (await pbx!.call('mode')) === 'monitor', 'the server took the listen digit');
    await until(async () => !(await seat!.call<boolean>('micLive')), 'mic off in the renderer');
  };

  const register = async () => {
    if (registered) return;
    const s = await seat!.call<PhoneStatus>('register', PBX_WS_URL);
    expect(s.registration).toBe('registered');
    registered = true;
  };

  beforeAll(async () => {
    lab = await startNetworkLab();
    ({ net, pbx, seat } = lab);
    await pbx.call('start', PBX_WS_URL, FEATURE, PBX_STUN);
  }, 60_000);

  afterEach(async () => {
    // Each test leaves a clean seat and link, whatever it asserted.
    await seat?.call('end').catch(() => undefined);
    net?.allowUdp();
    net?.clearSeatDownlink();
    net?.restoreSeatLink();
  });

  afterAll(async () => {
    await lab?.stop();
  }, 30_000);

  it.each(['udp', 'tcp'] as const)('with direct UDP blocked, audio flows through TURN over %s and who hears whom is unchanged', async (transport) => {
    // UDP only to the TURN server's port (udp), or no UDP out of the seat at all (tcp: an office firewall).
    net.blockDirectUdp(transport === 'udp' ? { turnUdpPort: 3478 } : {});
    await seat!.call('setIce', turnIce(transport));
    await register();
    await monitor();
    const path = await seat!.call<{ local?: string; relayProtocol?: string; remoteAddress?: string } | null>('selectedPath');
    expect(path).toMatchObject({ local: 'relay', relayProtocol: transport });
    await until(async () => (await status()).monitor?.relayed === true, 'the status says the audio is relayed');
    expect(describePhone(await status()).text).toMatch(/audio relayed through TURN/);
    await whoHearsWhom();
    await seat!.call('end');
    net.allowUdp();
  }, 60_000);

  it('with 5 % loss and 30 ms jitter towards the seat, audio still flows and the quality indicator drops below good', async () => {
    // tc netem where the kernel has it; otherwise the same impairment in user space on the router (both directions).
    let how: string;
    let ice = turnIce('udp');
    try {
      net.impairSeatDownlink('loss 5% delay 30ms 30ms');
      how = 'tc netem';
    } catch (e) {
      const relay = await startNsChild(net, 'nat', 'impairedRelayProcess.ts');
      lab!.extra.push(relay);
      await relay.call('start', LAB_IPS.routerSeatSide, 3479, LAB_IPS.turn, 3478, 0.05, 30, 30);
      ice = turnIce('udp', LAB_IPS.routerSeatSide, 3479);
      how = `a user-space relay on the router (tc netem unavailable: ${(e as Error).message.replace(/^.*: /, '')})`;
    }
    console.info(`network lab: impairment by ${how}`);
    await seat!.call('setIce', ice);
    await register();
    await monitor();
    // Audio flows: packets keep arriving and both parties are heard.
    const heard = await seat!.call<Record<string, number>>('tonePeaks', 1500, [500, 1200]);
    expect(heard[500]).toBeGreaterThan(TONE_DB);
    expect(heard[1200]).toBeGreaterThan(TONE_DB);
    // Chromium measured the loss and jitter ...
    await new Promise((r) => setTimeout(r, 5000));
    const stats = await seat!.call<{ packetsReceived: number; packetsLost: number; jitter: number }>('inboundStats');
    // Some loss, not a share of it: ~350 packets through a 5 % coin read 1.7 % once in CI (the 2 % this
    // asked for failed by chance; an unimpaired link reads 0). Under 0.5 % (< 2 packets) has odds ~1e-6.
    expect(stats.packetsLost / (stats.packetsLost + stats.packetsReceived)).toBeGreaterThan(0.005);
    expect(stats.jitter).toBeGreaterThan(0.005);
    // ... and the quality indicator (MOS from getStats every 4 s, issue 17 item 4) drops below good. 5 % random
    // loss sits near the good/fair line (MOS ~3.9), so a 4 s window may read 'good' by chance: wait for the drop.
    await until(async () => ['fair', 'poor'].includes((await status()).monitor?.quality?.rating ?? 'good'), 'the indicator below good', 30_000);
    const q = (await status()).monitor!.quality!;
    expect(q.lossPercent).toBeGreaterThan(1);
    await seat!.call('end');
    net.clearSeatDownlink();
  }, 60_000);

  it('with the seat’s link cut for 10 s, the phone re-registers once it is back, the status said what happened, and the monitor leg moved by ICE restart', async () => {
    await seat!.call('setIce', turnIce('udp'));
    await register();
    await until(async () => (await status()).registration === 'registered', 'registered');
    // A leg is up, barging (mic live), when the link goes.
    await monitor();
    await seat!.call('setMode', 'barge');
    await until(async () => (await pbx!.call('mode')) === 'barge', 'the server took the barge digit');
    await until(() => seat!.call<boolean>('micLive'), 'mic live in barge');
    const from = seat!.events.length;
    net.cutSeatLink();
    const cutAt = Date.now();
    await until(async () => (await status()).registration === 'reconnecting', 'the phone noticed the loss', 5000);
    // Never half-live: paused with the microphone off for the whole outage.
    const during = await status();
    expect(during.monitor).toMatchObject({ recovering: true, micLive: false });
    expect(await seat!.call<boolean>('micLive')).toBe(false);
    await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - cutAt))));
    expect(await seat!.call<boolean>('micLive')).toBe(false);
    net.restoreSeatLink();
    await until(async () => (await status()).registration === 'registered', 'registered again', 20_000);
    // The leg moved onto the returned network (re-INVITE, new ICE credentials): audio flows again, barge again.
    await until(async () => (await status()).monitor?.recovering === undefined, 'the leg resumed or ended', 20_000);
    const leg = (await status()).monitor!;
    expect(leg, JSON.stringify(leg)).toMatchObject({ state: 'active', mode: 'barge' });
    const before = await seat!.call<number>('inboundPackets');
    await until(async () => (await seat!.call<number>('inboundPackets')) > before + 25, 'audio after the ICE restart');
    await until(() => seat!.call<boolean>('micLive'), 'mic live again in barge');
    const ears = await pbx!.call<{ agent: number; customer: number }>('measureEars', 1500);
    expect(ears.agent).toBeGreaterThan(HEARD);
    expect(ears.customer).toBeGreaterThan(HEARD);
    await seat!.call('end');
    const s = await status();
    expect(s.reRegisteredAt).toBeDefined();
    expect(describePhone(s, Date.now()).text).toMatch(/^Phone: re-registered/);
    // What the status bar said throughout, in order: the loss and its countdown, then "re-registered".
    const said = seat!.events
      .slice(from)
      .filter((e): e is { at: number; status: PhoneStatus } => !!e.status)
      .map((e) => describePhone(e.status, e.at).text);
    const lost = said.findIndex((t) => /^Phone: Network lost — reconnecting (in \d+ s|now)/.test(t));
    expect(lost, said.join('\n')).toBeGreaterThanOrEqual(0);
    expect(said.slice(lost).some((t) => /reconnecting in \d+ s/.test(t))).toBe(true);
    expect(said.findIndex((t) => /^Phone: re-registered/.test(t))).toBeGreaterThan(lost);
    expect(said.slice(lost).every((t) => !/^Phone: ready/.test(t))).toBe(true);
    const trouble = seat!.events.slice(from).filter((e) => e.status?.monitor?.recovering).length;
    expect(trouble).toBeGreaterThan(0);
    expect(seat!.events.slice(from).map((e) => e.network).filter(Boolean)).toEqual(expect.arrayContaining(['offline', 'online']));
  }, 60_000);
});
