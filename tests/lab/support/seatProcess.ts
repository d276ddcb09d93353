/**
 * The supervisor's seat inside the lab's "seat" namespace, behind the NAT:
 * the real softphone (JsSIP, the reconnect keeper, main's network watch) and
 * the real renderer media module in headless Chromium, exactly as the
 * desktop app joins them. Driven by the test through nsChild.ts; every phone
 * status is pushed to the test with the time it was shown.
 */
import { asteriskChanSpy } from '../../../main/phone/pbxProfiles';
import { startNetworkWatch } from '../../../main/phone/networkWatch';
import { JsSipSoftphone } from '../../../main/phone/softphone';
import type { IceConfig } from '../../../preload/contract/ice';
import type { PhoneStatus } from '../../../preload/contract/phone';
import type { SupervisionMode } from '../../../preload/contract/domain';
import { startChromiumMediaHost, type ChromiumMediaHost } from './chromiumMediaHost';
import { serveParent } from './nsChild';

let media: ChromiumMediaHost | undefined;
let phone: JsSipSoftphone | undefined;
let stopWatch: (() => void) | undefined;
let ice: IceConfig = { iceServers: [], iceTransportPolicy: 'all' };

const pcId = (): string => {
  const id = (phone?.activeMonitor?.peer as unknown as { id?: string } | null)?.id;
  if (!id) throw new Error('no monitor peer');
  return id;
};

const handlers = {
  ping: () => 'pong',
  async start() {
    media = await startChromiumMediaHost();
    phone = new JsSipSoftphone({ mediaHost: media.host, iceConfig: () => ice, log: (l) => push({ log: l }) });
    phone.onStatus((status: PhoneStatus) => push({ at: Date.now(), status }));
    // Main's own look at the interfaces (both hosts do this): the link going down is seen here.
    stopWatch = startNetworkWatch((e) => {
      push({ at: Date.now(), network: e.kind });
      phone?.networkEvent(e);
    }, { intervalMs: 500 });
    return true;
  },
  setIce(config: IceConfig) {
    ice = config;
  },
  async register(wsUrl: string) {
    const s = await phone!.register({ wsUrl, uri: `sip:sup1@${new URL(wsUrl).hostname}`, password: 'secret', profile: asteriskChanSpy(), reconnectMinSec: 1, reconnectMaxSec: 4 });
    return s;
  },
  status: () => phone!.status(),
  startMonitor: (target: string, mode: SupervisionMode) => phone!.startMonitor({ target, mode }),
  setMode: (mode: SupervisionMode) => phone!.setMode(mode).catch((e: Error) => ({ error: e.message })),
  end: () => phone!.end(),
  inboundPackets: () => media!.inboundPackets(pcId()),
  micLive: () => media!.micLive(),
  tonePeaks: (ms: number, freqs: number[]) => media!.tonePeaks(ms, freqs),
  /** The selected candidate pair as Chromium has it: local and remote candidate types and protocol. */
  async selectedPath() {
    const id = pcId();
    return media!.page.evaluate(async (id) => {
      const host = (globalThis as unknown as { labMedia: { host: { peer(id: string): RTCPeerConnection | undefined } } }).labMedia.host;
      const pc = host.peer(id);
      if (!pc) return null;
      const stats = await pc.getStats();
      let pair: { localCandidateId?: string; remoteCandidateId?: string } | undefined;
      stats.forEach((r: { type: string; selected?: boolean; nominated?: boolean; state?: string; localCandidateId?: string; remoteCandidateId?: string }) => {
        if (r.type === 'candidate-pair' && r.state === 'succeeded' && (r.nominated || r.selected)) pair = r;
      });
      if (!pair) return null;
      const local = stats.get(pair.localCandidateId!) as { candidateType?: string; relayProtocol?: string; protocol?: string } | undefined;
      const remote = stats.get(pair.remoteCandidateId!) as { candidateType?: string; address?: string } | undefined;
      return { local: local?.candidateType, relayProtocol: local?.relayProtocol, remote: remote?.candidateType, remoteAddress: remote?.address };
    }, id);
  },
  /** Inbound RTP loss and jitter as Chromium measured them (cumulative). */
  async inboundStats() {
    const id = pcId();
    return media!.page.evaluate(async (id) => {
      const host = (globalThis as unknown as { labMedia: { host: { peer(id: string): RTCPeerConnection | undefined } } }).labMedia.host;
      const pc = host.peer(id);
      let out = { packetsReceived: 0, packetsLost: 0, jitter: 0 };
      (await pc!.getStats()).forEach((r: { type: string; kind?: string; packetsReceived?: number; packetsLost?: number; jitter?: number }) => {
        if (r.type === 'inbound-rtp' && r.kind === 'audio') out = { packetsReceived: r.packetsReceived ?? 0, packetsLost: r.packetsLost ?? 0, jitter: r.jitter ?? 0 };
      });
      return out;
    }, id);
  },
  /**
   * bench:softphone: `runs` monitor starts on `target`, each from the start
   * command to the first inbound RTP packet Chromium counts (measured here, in
   * the seat, so the test's IPC is not in the figure). Mic must stay off.
   */
  async clickToAudio(target: string, runs: number) {
    const samples: number[] = [];
    const paths: string[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const m = await phone!.startMonitor({ target, mode: 'monitor' });
      if (m.state !== 'active') throw new Error(`monitor ${i} did not start: ${JSON.stringify(m)}`);
      const id = pcId();
      const deadline = Date.now() + 10_000;
      while ((await media!.inboundPackets(id)) <= 0) {
        if (Date.now() > deadline) throw new Error(`no audio on monitor ${i}`);
      }
      samples.push(performance.now() - t0);
      if (await media!.micLive()) throw new Error('microphone live in monitor mode');
      const path = await handlers.selectedPath();
      paths.push(`${path?.local ?? '?'}/${path?.relayProtocol ?? '-'}`);
      await phone!.end();
    }
    return { samples, paths };
  },
  async stop() {
    stopWatch?.();
    await phone?.unregister().catch(() => undefined);
    await media?.close().catch(() => undefined);
    setImmediate(() => process.exit(0));
  },
};
const { push } = serveParent(handlers);
