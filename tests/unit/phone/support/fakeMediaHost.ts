/**
 * A MediaHost with signalling-only fake peer connections (port of
 * research/sip/lib/fake-pc.js): plain RTP/AVP SDP with telephone-event, ICE
 * "gathering" that completes after a tick, a disabled audio sender with DTMF.
 * Records what the renderer would have been told (mic on/off, insertDTMF).
 */
import type { InboundAudio, MediaEvent, MediaMethod, MediaResult, PcSnapshot, SessionDescriptionInit } from '../../../../preload/contract/phone';
import type { MediaHost } from '../../../../main/phone/mediaHost';

let portSeq = 40000;

export function fakeSdp(direction: string, port: number): string {
  return [
    'v=0',
    `o=- ${port} 1 IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=audio ${port} RTP/AVP 0 101`,
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-16',
    `a=${direction}`,
    '',
  ].join('\r\n');
}
const dirOf = (sdp: string | undefined) => /a=(sendrecv|sendonly|recvonly|inactive)/.exec(sdp ?? '')?.[1] ?? 'sendrecv';
const answerDir: Record<string, string> = { sendrecv: 'sendrecv', sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' };

interface FakePc {
  snap: PcSnapshot;
  port: number;
}

export class FakeMediaHost implements MediaHost {
  readonly pcs = new Map<string, FakePc>();
  readonly calls: { pcId: string; method: MediaMethod; args: unknown[] }[] = [];
  readonly dtmf: { pcId: string; tones: string }[] = [];
  /** Every mic on/off the renderer was asked for, in order. */
  readonly micChanges: { pcId: string; enabled: boolean }[] = [];
  private readonly listeners = new Set<(e: MediaEvent) => void>();
  private seq = 0;
  /** Demo far-end calls: answer (with the offer it got), mode changes, close. */
  readonly demo: { id: string; event: string; offer?: string; voices?: unknown }[] = [];
  /** Make `create` fail (e.g. microphone refused). */
  failCreate: string | null = null;
  /** The microphone could not be opened: turning it on fails. */
  failMic: string | null = null;
  /** Make ICE fail right after the remote description is set. */
  failIce = false;
  /** What the PBX sends once connected: audio packets (reported like the renderer does), or nothing. */
  inbound: 'flowing' | 'none' = 'flowing';
  /** The local candidate type of the selected pair, reported with the inbound audio like the renderer does. */
  localCandidateType: InboundAudio['localCandidateType'];
  /** What getStats would say of the path (call quality): packets lost per report, jitter and round trip now. */
  path: { lostPerReport: number; jitterSeconds?: number; roundTripTimeSeconds?: number } = { lostPerReport: 0 };
  /** Per peer: whether its playback is muted (the privacy mute), as the renderer would hold it. */
  readonly playbackMuted = new Map<string, boolean>();
  /** Make setPlaybackMuted fail with this reason. */
  failPlaybackMute: string | null = null;
  /** Make RFC 2833 insertDTMF fail with this reason (e.g. canInsertDTMF stayed false). */
  failDtmf: string | null = null;
  private readonly reporters = new Map<string, NodeJS.Timeout>();

  onEvent(listener: (e: MediaEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True if any live peer currently has its microphone enabled. */
  micLive(): boolean {
    return [...this.pcs.values()].some((p) => p.snap.signalingState !== 'closed' && p.snap.senders.some((s) => s.enabled));
  }

  async request(pcId: string, method: MediaMethod, args: unknown[]): Promise<MediaResult> {
    this.calls.push({ pcId, method, args });
    await new Promise((r) => setImmediate(r));
    if (method === 'create') {
      if (this.failCreate) throw new Error(this.failCreate);
      const pc: FakePc = {
        port: (portSeq += 2),
        snap: {
          seq: ++this.seq,
          signalingState: 'stable',
          iceGatheringState: 'new',
          iceConnectionState: 'new',
          connectionState: 'new',
          localDescription: null,
          remoteDescription: null,
          senders: [{ kind: 'audio', enabled: false, hasDtmf: true }],
        },
      };
      this.pcs.set(pcId, pc);
      return { snapshot: pc.snap };
    }
    const pc = this.pcs.get(pcId) ?? (method.startsWith('demo') ? ({} as FakePc) : undefined);
    if (!pc) throw new Error(`no peer ${pcId}`);
    const bump = (patch: Partial<PcSnapshot>) => {
      pc.snap = { ...pc.snap, ...patch, seq: ++this.seq };
      return pc.snap;
    };
    switch (method) {
      case 'createOffer':
        // An ICE restart gathers afresh, as Chromium does (JsSIP waits for the new candidates).
        if ((args[0] as { iceRestart?: boolean } | undefined)?.iceRestart) bump({ iceGatheringState: 'new' });
        return { desc: { type: 'offer', sdp: fakeSdp('sendrecv', pc.port) }, snapshot: bump({}) };
      case 'createAnswer':
        return { desc: { type: 'answer', sdp: fakeSdp(answerDir[dirOf(pc.snap.remoteDescription?.sdp)] ?? 'sendrecv', pc.port) }, snapshot: bump({}) };
      case 'setLocalDescription': {
        const d = args[0] as SessionDescriptionInit;
        const snap = bump({ localDescription: d, signalingState: d.type === 'offer' ? 'have-local-offer' : 'stable' });
        if (pc.snap.iceGatheringState !== 'complete') {
          bump({ iceGatheringState: 'gathering' });
          setTimeout(() => {
            this.emit(pcId, 'icecandidate', bump({}), { candidate: `candidate:1 1 udp 1 127.0.0.1 ${pc.port} typ host`, sdpMid: '0', sdpMLineIndex: 0 });
            this.emit(pcId, 'icegatheringstatechange', bump({ iceGatheringState: 'complete' }));
            this.emit(pcId, 'icecandidate', bump({}), null);
          }, 2);
        }
        return { snapshot: snap };
      }
      case 'setRemoteDescription': {
        const d = args[0] as SessionDescriptionInit;
        const snap = bump({ remoteDescription: d, signalingState: d.type === 'offer' ? 'have-remote-offer' : 'stable' });
        setTimeout(() => {
          if (this.failIce) this.emit(pcId, 'iceconnectionstatechange', bump({ iceConnectionState: 'failed', connectionState: 'failed' }));
          else if (pc.snap.iceConnectionState === 'new') {
            this.emit(pcId, 'iceconnectionstatechange', bump({ iceConnectionState: 'connected', connectionState: 'connected' }));
            this.startInboundReports(pcId, pc);
          }
        }, 2);
        return { snapshot: snap };
      }
      case 'setTrackEnabled': {
        const [i, enabled] = args as [number, boolean];
        if (enabled && this.failMic) throw new Error(`Microphone unavailable: ${this.failMic}`);
        this.micChanges.push({ pcId, enabled });
        const senders = pc.snap.senders.map((s, k) => (k === i ? { ...s, enabled } : s));
        return { snapshot: bump({ senders }) };
      }
      case 'setPlaybackMuted':
        if (this.failPlaybackMute) throw new Error(this.failPlaybackMute);
        this.playbackMuted.set(pcId, args[0] === true);
        return { snapshot: bump({}) };
      case 'insertDTMF':
        if (this.failDtmf) throw new Error(this.failDtmf);
        this.dtmf.push({ pcId, tones: String(args[1]) });
        return {};
      case 'demoAnswer':
        this.demo.push({ id: pcId, event: 'answer', offer: String(args[0]), ...(args[1] ? { voices: args[1] } : {}) });
        return { desc: { type: 'answer', sdp: fakeSdp('sendrecv', 52000) } };
      case 'demoSetMode':
        this.demo.push({ id: pcId, event: String(args[0]) });
        return {};
      case 'demoSetVoices':
        this.demo.push({ id: pcId, event: `voices ${JSON.stringify(args[0])}` });
        return {};
      case 'demoClose':
        this.demo.push({ id: pcId, event: 'close' });
        return {};
      case 'close':
        clearInterval(this.reporters.get(pcId));
        this.reporters.delete(pcId);
        bump({ signalingState: 'closed', iceConnectionState: 'closed', connectionState: 'closed', senders: pc.snap.senders.map((s) => ({ ...s, enabled: false })) });
        return {};
      default:
        throw new Error(`fake media host: ${method} not supported`);
    }
  }

  /** The page hosting the peers reloaded: every peer, its microphone and its reports are gone. */
  reload(): void {
    for (const t of this.reporters.values()) clearInterval(t);
    this.reporters.clear();
    this.pcs.clear();
    this.playbackMuted.clear();
  }

  /** Like the renderer: cumulative inbound-audio stats every 50 ms (packets only while `inbound` is 'flowing'). */
  private startInboundReports(pcId: string, pc: FakePc): void {
    let packets = 0;
    let lost = 0;
    const timer = setInterval(() => {
      if (this.inbound === 'flowing') {
        packets += 2;
        lost += this.path.lostPerReport;
      }
      const { jitterSeconds, roundTripTimeSeconds } = this.path;
      const e: MediaEvent = {
        pcId,
        type: 'inboundaudio',
        snapshot: pc.snap,
        inbound: {
          packetsReceived: packets,
          totalAudioEnergy: packets * 1e-3,
          totalSamplesDuration: packets * 0.02,
          ...(this.localCandidateType ? { localCandidateType: this.localCandidateType } : {}),
          packetsLost: lost,
          ...(jitterSeconds === undefined ? {} : { jitterSeconds }),
          ...(roundTripTimeSeconds === undefined ? {} : { roundTripTimeSeconds }),
        },
      };
      for (const l of this.listeners) l(e);
    }, 50);
    timer.unref?.();
    this.reporters.set(pcId, timer);
  }

  private emit(pcId: string, type: MediaEvent['type'], snapshot: PcSnapshot, candidate?: MediaEvent['candidate']): void {
    const e: MediaEvent = { pcId, type, snapshot };
    if (type === 'icecandidate') e.candidate = candidate ?? null;
    for (const l of this.listeners) l(e);
  }
}
