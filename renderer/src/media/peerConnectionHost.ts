/**
 * Renderer side of main's RemotePeerConnection (port of
 * research/sip/lib/renderer-pc-bridge.js). Owns the real RTCPeerConnections,
 * the microphone and the playback elements; main only ever sees SDP strings
 * and state snapshots.
 *
 * The microphone track is captured at creation but DISABLED: coach and barge
 * only flip `track.enabled` (no renegotiation), and monitor mode never has a
 * live mic. Capture runs in parallel with the offer, ICE and the INVITE (the
 * audio transceiver exists at once; the track is attached with replaceTrack
 * when getUserMedia resolves), so a slow microphone does not delay listening.
 * Remote audio plays on the chosen output device (setSinkId).
 */
import type { InboundAudio, MediaEvent, MediaRequest, MediaResponse, MediaResult, PcSnapshot, SessionDescriptionInit } from '../../../preload/contract/phone';
import { inboundAudioEventType, pcEventTypes } from '../../../preload/contract/phone';
import { iceConfigSchema } from '../../../preload/contract/ice';
import { waitForCanInsertDtmf, playDtmf } from './dtmfSender';
import { dtlsCertificates } from './dtlsCertificate';

export interface PeerConnectionHostOptions {
  /** Sends a peer-connection event to main (one ordered stream). */
  emit(event: MediaEvent): void;
  /** Chosen devices; '' = system default. */
  devices?: () => { inputId: string; outputId: string };
  /** A remote stream started/stopped playing (for output level meters). */
  onRemoteStream?(pcId: string, stream: MediaStream | null): void;
  /** The local microphone stream of a peer (for input level meters). */
  onLocalStream?(pcId: string, stream: MediaStream | null): void;
  /** Extra methods (the demo PBX far end). */
  extensions?: Partial<Record<MediaRequest['method'], (pcId: string, args: unknown[]) => Promise<MediaResult>>>;
  getUserMedia?: (c: MediaStreamConstraints) => Promise<MediaStream>;
  /** How often inbound audio is reported to main (ms); 0 turns the reports off. */
  inboundReportMs?: number;
}

interface Entry {
  pc: RTCPeerConnection;
  mic: MediaStream | null;
  /** Settles when the microphone is attached (or failed). */
  micReady: Promise<void>;
  micError: string | null;
  /** What main asked for; applied to the track when it arrives. */
  wantMic: boolean;
  /** Main's privacy mute (a held customer on a channel spy): remote audio silenced, applied to tracks as they arrive. */
  playbackMuted: boolean;
  closed: boolean;
  audio: HTMLAudioElement | null;
  /** The inbound-audio report timer. */
  reporter: ReturnType<typeof setInterval> | null;
}

export interface PeerConnectionHost {
  handle(request: MediaRequest): Promise<MediaResponse>;
  pcIds(): string[];
  /** Move playback of every live peer to another output device. */
  setOutputDevice(deviceId: string): Promise<void>;
  /** True if any peer's microphone track is enabled (never in monitor mode). */
  micLive(): boolean;
  /** True if the peer's remote audio is silenced (main's privacy mute). */
  playbackMuted(pcId: string): boolean;
  /** The real peer connection (tests, stats). */
  peer(pcId: string): RTCPeerConnection | undefined;
  closeAll(): void;
}

interface AudioStatsReport {
  type: string;
  kind?: string;
  packetsReceived?: number;
  packetsLost?: number;
  jitter?: number;
  concealedSamples?: number;
  silentConcealedSamples?: number;
  totalSamplesReceived?: number;
  totalAudioEnergy?: number;
  totalSamplesDuration?: number;
  roundTripTime?: number;
  selectedCandidatePairId?: string;
}

/** A finite, non-negative number from a stats report, else undefined (a browser may leave any of them out). */
const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

/** Cumulative inbound audio over every audio receiver of a peer, with what the call-quality estimate needs (main computes it). */
async function inboundAudio(pc: RTCPeerConnection): Promise<InboundAudio> {
  const out: InboundAudio = { packetsReceived: 0, totalAudioEnergy: 0, totalSamplesDuration: 0 };
  const stats = await pc.getStats().catch(() => null);
  let pairId: string | undefined;
  let lost = 0;
  let concealed = 0;
  let samples = 0;
  let jitter: number | undefined;
  let rtcpRtt: number | undefined;
  stats?.forEach((r: AudioStatsReport) => {
    if (r.type === 'transport' && r.selectedCandidatePairId) pairId = r.selectedCandidatePairId;
    // RTCP receiver reports from the far end: the round trip of the media path itself.
    if (r.type === 'remote-inbound-rtp' && (!r.kind || r.kind === 'audio') && finite(r.roundTripTime) !== undefined) rtcpRtt = r.roundTripTime;
    if (r.type !== 'inbound-rtp' || (r.kind && r.kind !== 'audio')) return;
    out.packetsReceived += r.packetsReceived ?? 0;
    out.totalAudioEnergy += r.totalAudioEnergy ?? 0;
    out.totalSamplesDuration += r.totalSamplesDuration ?? 0;
    lost += typeof r.packetsLost === 'number' && Number.isFinite(r.packetsLost) ? r.packetsLost : 0;
    // Concealed silence (comfort noise, DTX) is not a fault the listener hears.
    concealed += Math.max(0, (finite(r.concealedSamples) ?? 0) - (finite(r.silentConcealedSamples) ?? 0));
    samples += finite(r.totalSamplesReceived) ?? 0;
    const j = finite(r.jitter);
    if (j !== undefined) jitter = Math.max(jitter ?? 0, j);
  });
  out.packetsLost = Math.max(-(2 ** 31), Math.min(2 ** 40, Math.round(lost)));
  out.concealedSamples = Math.min(2 ** 48, Math.round(concealed));
  out.totalSamplesReceived = Math.min(2 ** 48, Math.round(samples));
  // Capped to what the contract takes, so one absurd figure cannot get the whole report refused.
  if (jitter !== undefined) out.jitterSeconds = Math.min(jitter, 1e4);
  // The path ICE selected: is our end a TURN relay? (the status bar says so; only what the stats say).
  const pair = pairId ? (stats?.get(pairId) as { localCandidateId?: string; currentRoundTripTime?: number } | undefined) : undefined;
  const localId = pair?.localCandidateId;
  const type = localId ? (stats?.get(localId) as { candidateType?: string } | undefined)?.candidateType : undefined;
  if (type === 'host' || type === 'srflx' || type === 'prflx' || type === 'relay') out.localCandidateType = type;
  // Without RTCP round trips (some PBXes send no receiver reports), the ICE consent checks measure the same path.
  const rtt = rtcpRtt ?? finite(pair?.currentRoundTripTime);
  if (rtt !== undefined) out.roundTripTimeSeconds = Math.min(rtt, 1e4);
  return out;
}

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export function createPeerConnectionHost(options: PeerConnectionHostOptions): PeerConnectionHost {
  const entries = new Map<string, Entry>();
  let seq = 0;
  const gum = options.getUserMedia ?? ((c: MediaStreamConstraints) => navigator.mediaDevices.getUserMedia(c));
  const dtls = dtlsCertificates();

  const snap = (pc: RTCPeerConnection, entry?: Entry): PcSnapshot => ({
    seq: ++seq,
    signalingState: pc.signalingState,
    iceGatheringState: pc.iceGatheringState,
    iceConnectionState: pc.iceConnectionState,
    connectionState: pc.connectionState,
    localDescription: pc.localDescription && { type: pc.localDescription.type, sdp: pc.localDescription.sdp },
    remoteDescription: pc.remoteDescription && { type: pc.remoteDescription.type, sdp: pc.remoteDescription.sdp },
    senders: pc
      .getSenders()
      .slice(0, 8)
      .map((s) => ({
        // Before getUserMedia resolves the sender has no track yet; it is still the audio sender.
        kind: ((s.track?.kind ?? pc.getTransceivers().find((t) => t.sender === s)?.receiver.track.kind) as 'audio' | 'video' | undefined) ?? null,
        enabled: s.track ? s.track.enabled : (entry?.wantMic ?? false),
        hasDtmf: !!s.dtmf,
      })),
  });
  const snapOf = (pcId: string, pc: RTCPeerConnection) => snap(pc, entries.get(pcId));

  const get = (pcId: string): Entry => {
    const e = entries.get(pcId);
    if (!e) throw new Error(`no peer connection ${pcId}`);
    return e;
  };

  const play = async (entry: Entry, stream: MediaStream) => {
    const audio = (entry.audio ??= new Audio()) as SinkAudio;
    audio.muted = entry.playbackMuted;
    audio.srcObject = stream;
    const out = options.devices?.().outputId ?? '';
    if (out && audio.setSinkId) await audio.setSinkId(out).catch(() => undefined);
    await audio.play().catch(() => undefined);
  };

  const methods: Record<string, (pcId: string, args: unknown[]) => Promise<MediaResult>> = {
    async create(pcId, [config]) {
      if (entries.has(pcId)) throw new Error(`peer connection ${pcId} exists`);
      const inputId = options.devices?.().inputId ?? '';
      // Only checked ICE servers and the transport policy reach Chromium (preload/contract/ice.ts); anything else is dropped.
      const ice = iceConfigSchema.safeParse(config ?? { iceServers: [] });
      if (!ice.success) throw new Error(`The ICE server settings are not usable: ${ice.error.issues.map((i) => i.message).join('; ')}`);
      // Made ahead (dtlsCertificate.ts): createOffer does not wait for a key pair.
      const certificates = dtls.current();
      // A candidate pool of one: Chromium starts gathering now, while main asks for the offer, so the
      // UDP candidates the INVITE waits for are ready when the offer is set (bench:click).
      const pc = new RTCPeerConnection({
        iceServers: ice.data.iceServers,
        iceTransportPolicy: ice.data.iceTransportPolicy,
        iceCandidatePoolSize: 1,
        ...(certificates ? { certificates } : {}),
      });
      const transceiver = pc.addTransceiver('audio', { direction: 'sendrecv' });
      const entry: Entry = { pc, mic: null, micReady: Promise.resolve(), micError: null, wantMic: false, playbackMuted: false, closed: false, audio: null, reporter: null };
      entries.set(pcId, entry);
      entry.micReady = gum({ audio: inputId ? { deviceId: { exact: inputId } } : true, video: false }).then(
        async (mic) => {
          // Disabled before it is ever attached (unless coach/barge was asked for meanwhile).
          for (const t of mic.getTracks()) t.enabled = entry.wantMic;
          if (entry.closed) {
            for (const t of mic.getTracks()) t.stop();
            return;
          }
          entry.mic = mic;
          const track = mic.getAudioTracks()[0];
          if (track) {
            await transceiver.sender.replaceTrack(track);
            // The leg may have been closed while the track was being attached (a call that ends
            // while the leg is still connecting): setStreams on a closed connection throws.
            if (entry.closed || pc.signalingState === 'closed') {
              for (const t of mic.getTracks()) t.stop();
              return;
            }
            transceiver.sender.setStreams?.(mic);
          }
          options.onLocalStream?.(pcId, mic);
        },
        (e: unknown) => {
          entry.micError = String((e as Error)?.message ?? e);
        },
      ).catch((e: unknown) => {
        // Attaching the microphone to a leg that is closing is not an error the user can act on;
        // keep it as the leg's mic error instead of an unhandled rejection in the page.
        if (!entry.closed) entry.micError = String((e as Error)?.message ?? e);
      });
      pc.ontrack = (e) => {
        // A disabled remote track renders silence everywhere it goes: the speaker and the output meter.
        e.track.enabled = !entry.playbackMuted;
        const stream = e.streams[0] ?? new MediaStream([e.track]);
        void play(entry, stream);
        options.onRemoteStream?.(pcId, stream);
      };
      for (const type of pcEventTypes) {
        pc.addEventListener(type, (ev) => {
          const event: MediaEvent = { pcId, type, snapshot: snapOf(pcId, pc) };
          if (type === 'icecandidate') {
            const c = (ev as RTCPeerConnectionIceEvent).candidate;
            event.candidate = c ? { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex } : null;
          }
          options.emit(event);
        });
      }
      // Main cannot see RTP: report what arrives so it can tell "spying began" and "no audio from the PBX".
      const every = options.inboundReportMs ?? 250;
      if (every > 0) {
        entry.reporter = setInterval(() => {
          if (entry.closed || pc.connectionState !== 'connected') return;
          void inboundAudio(pc).then((inbound) => {
            if (!entry.closed) options.emit({ pcId, type: inboundAudioEventType, snapshot: snapOf(pcId, pc), inbound });
          });
        }, every);
      }
      return { snapshot: snapOf(pcId, pc) };
    },
    async createOffer(pcId, [o]) {
      const { pc } = get(pcId);
      const d = await pc.createOffer((o as RTCOfferOptions) ?? {});
      return { desc: { type: d.type as SessionDescriptionInit['type'], sdp: d.sdp ?? '' }, snapshot: snapOf(pcId, pc) };
    },
    async createAnswer(pcId, [o]) {
      const { pc } = get(pcId);
      const d = await pc.createAnswer((o as RTCAnswerOptions) ?? {});
      return { desc: { type: d.type as SessionDescriptionInit['type'], sdp: d.sdp ?? '' }, snapshot: snapOf(pcId, pc) };
    },
    async setLocalDescription(pcId, [d]) {
      const { pc } = get(pcId);
      await pc.setLocalDescription(d as RTCSessionDescriptionInit);
      return { snapshot: snapOf(pcId, pc) };
    },
    async setRemoteDescription(pcId, [d]) {
      const { pc } = get(pcId);
      await pc.setRemoteDescription(d as RTCSessionDescriptionInit);
      return { snapshot: snapOf(pcId, pc) };
    },
    async setTrackEnabled(pcId, [i, enabled]) {
      const entry = get(pcId);
      entry.wantMic = enabled === true;
      const s = entry.pc.getSenders()[Number(i)];
      if (s?.track) s.track.enabled = entry.wantMic;
      if (entry.wantMic && entry.micError) {
        entry.wantMic = false;
        throw new Error(`Microphone unavailable: ${entry.micError}`);
      }
      return { snapshot: snapOf(pcId, entry.pc) };
    },
    async setPlaybackMuted(pcId, [muted]) {
      const entry = get(pcId);
      entry.playbackMuted = muted === true;
      for (const r of entry.pc.getReceivers()) if (r.track.kind === 'audio') r.track.enabled = !entry.playbackMuted;
      if (entry.audio) entry.audio.muted = entry.playbackMuted;
      return { snapshot: snapOf(pcId, entry.pc) };
    },
    async insertDTMF(pcId, [i, tones, duration, gap]) {
      const { pc, micReady } = get(pcId);
      await micReady; // RFC 2833 rides on the audio track
      const s = pc.getSenders()[Number(i)];
      if (!s?.dtmf) throw new Error('this call cannot send RFC 2833 DTMF (no audio sender)');
      // Chromium refuses digits until DTLS is up ("canInsertDTMF is false"): wait for it, bounded.
      await waitForCanInsertDtmf(s.dtmf, () => pc.connectionState);
      // Resolves once every tone has been played out on the wire (tonechange ''), or throws.
      await playDtmf(s.dtmf, String(tones), Number(duration) || 100, Number(gap) || 70);
      return {};
    },
    async close(pcId) {
      const e = entries.get(pcId);
      if (!e) return {};
      closeEntry(pcId, e);
      return {};
    },
  };

  function closeEntry(pcId: string, e: Entry): void {
    e.closed = true;
    e.wantMic = false;
    if (e.reporter) clearInterval(e.reporter);
    for (const t of e.mic?.getTracks() ?? []) {
      t.enabled = false;
      t.stop();
    }
    e.pc.close();
    if (e.audio) {
      e.audio.pause();
      e.audio.srcObject = null;
    }
    entries.delete(pcId);
    options.onLocalStream?.(pcId, null);
    options.onRemoteStream?.(pcId, null);
  }

  return {
    async handle(request) {
      try {
        const fn = options.extensions?.[request.method] ?? methods[request.method];
        if (!fn) throw new Error(`unknown media method ${request.method}`);
        const result = await fn(request.pcId, request.args);
        return { seq: request.seq, ok: true, result };
      } catch (e) {
        return { seq: request.seq, ok: false, error: String((e as Error)?.message ?? e).slice(0, 500) };
      }
    },
    pcIds: () => [...entries.keys()],
    async setOutputDevice(deviceId) {
      for (const e of entries.values()) {
        const a = e.audio as SinkAudio | null;
        if (a?.setSinkId) await a.setSinkId(deviceId).catch(() => undefined);
      }
    },
    micLive: () => [...entries.values()].some((e) => (e.mic?.getTracks() ?? []).some((t) => t.enabled && t.readyState === 'live')),
    playbackMuted: (pcId) => {
      const e = entries.get(pcId);
      return !!e && e.playbackMuted && e.pc.getReceivers().every((r) => r.track.kind !== 'audio' || !r.track.enabled);
    },
    peer: (pcId) => entries.get(pcId)?.pc,
    closeAll() {
      for (const [id, e] of entries) closeEntry(id, e);
    },
  };
}
