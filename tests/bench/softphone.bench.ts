/**
 * Softphone benchmark on the SIP lab (Kamailio + sipp on loopback).
 *
 * Prints `name: value` lines:
 *  - jssip_vs_sipp_setup_ratio: JsSIP's call setup (INVITE sent -> 200 OK
 *    received, as JsSIP sees it) divided by sipp's own (same measure, read
 *    from sipp's message trace), same Kamailio, same feature server, same run.
 *  - monitor_click_to_200ok_fakepc_p50_ms / _p95_ms: from the startMonitor
 *    command to an active leg (200 OK + ACK), with the signalling-only fake
 *    peer connection — NOT click-to-audio: no real media flows in this mode.
 *  - monitor_click_to_audio_p50_ms / _p95_ms: the full path, when Chromium is
 *    installed: startMonitor in Node -> JsSIP -> RemotePeerConnection -> the
 *    renderer media module in headless Chromium -> Kamailio -> a werift
 *    feature server that sends audio as soon as ICE/DTLS connect; stops at the
 *    first inbound RTP packet counted by Chromium's getStats (polled over the
 *    bridge every few ms, so it includes up to one poll of latency). On
 *    loopback most of it is werift's DTLS handshake (~130-250 ms), i.e. the
 *    lab server, not the softphone; the softphone's own share is getUserMedia
 *    (now in parallel with the offer), ~30 ms of ICE grace and the IPC hops.
 *  - monitor_click_to_audio_turn_p50_ms / _p95_ms (issue 17 item 6): the same
 *    measure in the network lab's namespaces (tests/lab/support/networkLab.ts):
 *    the seat behind a NAT, relay-only ICE through coturn over UDP, Kamailio
 *    and the werift feature server in the PBX namespace; measured inside the
 *    seat's process. Needs root (network namespaces), iptables and coturn.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { asteriskChanSpy } from '../../main/phone/pbxProfiles';
import { writeScenario } from '../lab/support/featureServerScenario';
import { labPhone } from '../lab/support/labPhone';
import { existsSync } from 'node:fs';
import { JsSipSoftphone } from '../../main/phone/softphone';
import { CHROMIUM, startChromiumMediaHost } from '../lab/support/chromiumMediaHost';
import { freeUdpPort, hasBinary, registerSippUser, startKamailio, startSipp, type Kamailio } from '../lab/support/processes';
import { startWeriftFeatureServer } from '../lab/support/weriftFeatureServer';
import { labVerdict, type LabTool } from '../lab/support/labTools';
import { netnsUnavailableReason } from '../lab/support/netns';
import { PBX_STUN, PBX_WS_URL, startNetworkLab, turnIce } from '../lab/support/networkLab';

const RUNS = 20;
const DIALLED = '*2229000';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const median = (xs: number[]) => pct(xs, 50);
const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

/** INVITE-sent -> 200-received per call, from sipp's -trace_msg log (microsecond timestamps). */
function sippSetupTimes(dir: string): number[] {
  const file = readdirSync(dir).find((f) => f.endsWith('_messages.log'));
  if (!file) throw new Error('no sipp message trace');
  const text = readFileSync(join(dir, file), 'utf8');
  const blocks = text.split(/^-{10,}\s*/m).filter(Boolean);
  const sent = new Map<string, number>();
  const out: number[] = [];
  for (const b of blocks) {
    const ts = /^(\d{4}-\d\d-\d\d\s+\d\d:\d\d:\d\d\.\d+)/.exec(b)?.[1];
    if (!ts) continue;
    const t = Date.parse(ts.replace(/\s+/, 'T').slice(0, 23)) + Number('0.' + (ts.split('.')[1] ?? '0').slice(3));
    const callId = /Call-ID:\s*(\S+)/i.exec(b)?.[1];
    if (!callId) continue;
    if (/message sent[\s\S]*?^INVITE /m.test(b)) sent.set(callId, t);
    else if (/message received[\s\S]*?^SIP\/2\.0 200[\s\S]*CSeq:\s*1 INVITE/m.test(b) && sent.has(callId)) {
      out.push(t - sent.get(callId)!);
      sent.delete(callId);
    }
  }
  return out;
}

async function main(): Promise<void> {
  // A benchmark that cannot measure fails (always, not only on CI): a quiet
  // exit 0 with no numbers reads as "nothing regressed".
  const tools: LabTool[] = ['kamailio', 'sipp', 'chromium'];
  const verdict = labVerdict(tools.filter((t) => (t === 'chromium' ? !existsSync(CHROMIUM) : !hasBinary(t))), true, 'bench:softphone');
  if (verdict.kind === 'fail') throw new Error(verdict.reason);
  const noNetns = netnsUnavailableReason();
  if (noNetns) throw new Error(`${noNetns.replace(/; skipped$/, '')}: bench:softphone cannot measure monitor_click_to_audio_turn`);
  const kam = await startKamailio();
  const uasPort = await freeUdpPort();
  const uas = await startSipp(writeScenario({ dialled: DIALLED, ending: 'expect-bye' }), kam, [], uasPort, { calls: 2 * RUNS + 2, timeoutSec: 120 });
  try {
    await registerSippUser(DIALLED, uasPort, kam);

    // sipp's own call setup, same proxy, same feature server.
    const uac = await startSipp(join(__dirname, '..', 'lab', 'sipp', 'uac_call.xml'), kam, ['-s', DIALLED, '-l', '1'], undefined, { calls: RUNS, timeoutSec: 60 });
    const uacExit = await uac.exit;
    if (uacExit !== 0) throw new Error(`sipp UAC failed (${uacExit})\n${uac.logs().slice(-2000)}`);
    const sippTimes = sippSetupTimes(uac.dir);

    // JsSIP softphone (fake PC), same target.
    const { phone, account } = labPhone(kam.wsUrl, { profile: asteriskChanSpy({ featureCode: '*222' }) });
    await phone.register(account);
    const clickToActive: number[] = [];
    const jssipSetup: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const started = phone.startMonitor({ target: '9000', mode: 'monitor' });
      const session = phone.activeMonitor?.session;
      let sentAt = 0;
      let okAt = 0;
      session?.on('sending', () => (sentAt = performance.now()));
      session?.on('accepted', () => (okAt = performance.now()));
      const m = await started;
      if (m.state !== 'active') throw new Error(`monitor ${i} did not start: ${JSON.stringify(m)}`);
      clickToActive.push(performance.now() - t0);
      if (sentAt && okAt) jssipSetup.push(okAt - sentAt);
      await phone.end();
    }
    await phone.unregister();

    console.log(`# ${RUNS} runs each; loopback Kamailio ${kam.wsUrl}; sipp baseline samples: ${sippTimes.length}`);
    console.log(`# sipp setup median ${fmt(median(sippTimes))} ms; JsSIP setup median ${fmt(median(jssipSetup))} ms`);
    console.log(`jssip_vs_sipp_setup_ratio: ${fmt(median(jssipSetup) / median(sippTimes))}`);
    console.log('# fake peer connection: signalling only, no audio; this is click-to-200 OK, not click-to-audio');
    console.log(`monitor_click_to_200ok_fakepc_p50_ms: ${fmt(pct(clickToActive, 50))}`);
    console.log(`monitor_click_to_200ok_fakepc_p95_ms: ${fmt(pct(clickToActive, 95))}`);

    await clickToAudio(kam);
    await clickToAudioTurn();
  } finally {
    await uas.stop();
    await kam.stop();
  }
}

async function clickToAudio(kam: Kamailio): Promise<void> {
  const media = await startChromiumMediaHost();
  const server = await startWeriftFeatureServer(kam.wsUrl, '*2229100');
  const phone = new JsSipSoftphone({ mediaHost: media.host });
  try {
    const reg = await phone.register({ wsUrl: kam.wsUrl, uri: 'sip:sup-bench@127.0.0.1', password: 'secret', profile: asteriskChanSpy() });
    if (reg.registration !== 'registered') throw new Error(`supervisor not registered: ${JSON.stringify(reg)}`);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const m = await phone.startMonitor({ target: '9100', mode: 'monitor' });
      if (m.state !== 'active') throw new Error(`audio monitor ${i} did not start: ${JSON.stringify(m)}`);
      const pcId = (phone.activeMonitor!.peer as unknown as { id: string }).id;
      const deadline = Date.now() + 10_000;
      while ((await media.inboundPackets(pcId)) <= 0) {
        if (Date.now() > deadline) throw new Error(`no audio on monitor ${i}`);
      }
      samples.push(performance.now() - t0);
      if (await media.micLive()) throw new Error('microphone live in monitor mode');
      await phone.end();
    }
    console.log(`# click-to-audio: Chromium media host + werift feature server via Kamailio, ${RUNS} runs`);
    console.log(`monitor_click_to_audio_p50_ms: ${fmt(pct(samples, 50))}`);
    console.log(`monitor_click_to_audio_p95_ms: ${fmt(pct(samples, 95))}`);
  } finally {
    await phone.unregister();
    await server.stop();
    await media.close();
  }
}

/** Click-to-audio with relay-only ICE through coturn, the seat behind a NAT (network namespaces). */
async function clickToAudioTurn(): Promise<void> {
  const lab = await startNetworkLab();
  try {
    await lab.pbx.call('startBench', PBX_WS_URL, '*2229100', PBX_STUN);
    await lab.seat.call('setIce', turnIce('udp'));
    const reg = await lab.seat.call<{ registration: string }>('register', PBX_WS_URL);
    if (reg.registration !== 'registered') throw new Error(`seat not registered: ${JSON.stringify(reg)}`);
    const { samples, paths } = await lab.seat.call<{ samples: number[]; paths: string[] }>('clickToAudio', '9100', RUNS);
    if (paths.some((p) => p !== 'relay/udp')) throw new Error(`not every leg was relayed through TURN/udp: ${paths.join(', ')}`);
    console.log(`# click-to-audio through TURN: seat behind a NAT in a network namespace, relay-only ICE via coturn (udp), ${RUNS} runs`);
    console.log(`monitor_click_to_audio_turn_p50_ms: ${fmt(pct(samples, 50))}`);
    console.log(`monitor_click_to_audio_turn_p95_ms: ${fmt(pct(samples, 95))}`);
  } finally {
    await lab.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
