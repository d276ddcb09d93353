/**
 * Main-process stand-in for RTCPeerConnection that forwards every call to a
 * real RTCPeerConnection in the renderer through a MediaHost. It implements
 * exactly the surface jssip@3.13.8 RTCSession uses (research/sip-feasibility.md
 * "Everything RTCSession.js touches"):
 *  - the constructor is synchronous (JsSIP needs the object at once), so the
 *    renderer-side creation is queued and every method waits for it;
 *  - state getters read the latest seq-numbered snapshot the renderer sends
 *    with every result and event;
 *  - events are re-emitted after their snapshot is applied, so JsSIP reads a
 *    localDescription that already holds the gathered candidates;
 *  - getSenders() proxies track.enabled and dtmf.insertDTMF over the bridge.
 */
import { EventEmitter } from 'node:events';
import type { MediaEvent, MediaMethod, MediaResult, PcSnapshot, SessionDescriptionInit } from '../../preload/contract/phone';
import type { MediaHost } from './mediaHost';

export class PlainSessionDescription {
  readonly type: SessionDescriptionInit['type'];
  readonly sdp: string;
  constructor(init: { type: SessionDescriptionInit['type']; sdp: string }) {
    this.type = init.type;
    this.sdp = init.sdp;
  }
  toJSON(): SessionDescriptionInit {
    return { type: this.type, sdp: this.sdp };
  }
}

const initialSnapshot = (): PcSnapshot => ({
  seq: 0,
  signalingState: 'stable',
  iceGatheringState: 'new',
  iceConnectionState: 'new',
  connectionState: 'new',
  localDescription: null,
  remoteDescription: null,
  senders: [],
});

let pcCounter = 0;

export interface RemoteSender {
  track: { kind: string; enabled: boolean } | null;
  dtmf: { toneBuffer: string; insertDTMF(tones: string, duration?: number, gap?: number): void } | null;
}

export class RemotePeerConnection extends EventEmitter {
  readonly id: string;
  /** The last error the renderer reported (getUserMedia refused, bad SDP...), for user-facing messages. */
  lastError: Error | null = null;
  private snap: PcSnapshot = initialSnapshot();
  private ready: Promise<unknown>;
  private readonly config: Record<string, unknown>;
  private readonly unsubscribe: () => void;
  private closed = false;
  /** Renderer events waiting to be re-emitted (onRendererEvent). */
  private readonly queuedEvents: MediaEvent[] = [];

  constructor(
    private readonly host: MediaHost,
    config: Record<string, unknown> = {},
    idPrefix = 'pc',
  ) {
    super();
    this.id = `${idPrefix}${++pcCounter}-${process.pid}`;
    this.config = config;
    this.unsubscribe = host.onEvent((e) => {
      if (e.pcId === this.id) this.onRendererEvent(e);
    });
    this.ready = host.request(this.id, 'create', [config]).then((r) => this.apply(r.snapshot));
    this.ready.catch((e: Error) => (this.lastError = e));
  }

  /**
   * The media host that held the real peer went away (a reloaded page) and a new one attached:
   * make a fresh RTCPeerConnection there under the same id. Its snapshots count from the start
   * again, so the old page's state is dropped; the microphone starts disabled (the renderer's
   * rule). The caller re-offers it to the PBX (reoffer.ts). Rejects with the host's reason.
   */
  async recreate(): Promise<void> {
    if (this.closed) throw new Error('the peer connection is closed');
    this.snap = initialSnapshot();
    this.lastError = null;
    this.ready = this.host.request(this.id, 'create', [this.config]).then((r) => this.apply(r.snapshot));
    this.ready.catch((e: Error) => (this.lastError = e));
    await this.ready;
  }

  private apply(s: PcSnapshot | undefined): void {
    if (s && s.seq > this.snap.seq && !this.closed) this.snap = s;
  }

  /**
   * The snapshot is applied at once; the event itself is re-emitted on a later
   * macrotask, in order. A transport may hand over a method's result and the
   * events behind it in one synchronous turn (ws emits every frame of one read
   * back to back), while JsSIP attaches its icecandidate listener a few promise
   * hops after setLocalDescription resolves: emitted at once, the first UDP
   * candidates reached nobody and the INVITE waited for gathering to complete
   * (Chromium's TCP candidates, ~120 ms later; bench:click).
   */
  private onRendererEvent(e: MediaEvent): void {
    this.apply(e.snapshot);
    this.queuedEvents.push(e);
    if (this.queuedEvents.length === 1) setImmediate(() => this.emitQueuedEvents());
  }

  private emitQueuedEvents(): void {
    for (const e of this.queuedEvents.splice(0)) this.emitRendererEvent(e);
  }

  private emitRendererEvent(e: MediaEvent): void {
    if (e.type === 'inboundaudio') {
      // Ours, not an RTCPeerConnection event: JsSIP never listens for it.
      if (e.inbound) this.emit('inboundaudio', e.inbound);
      return;
    }
    const ev = e.type === 'icecandidate' ? { type: e.type, candidate: e.candidate ?? null } : { type: e.type };
    this.emit(e.type, ev);
  }

  private async call(method: MediaMethod, args: unknown[]): Promise<MediaResult> {
    // Sent at once, not after create's round trip: the pipe to the media host is ordered and the
    // host makes the peer as soon as 'create' arrives, so JsSIP's createOffer follows it without
    // waiting for main to hear back (one main <-> page round trip less per leg; bench:click).
    // If create failed, its error is the one reported (this request then fails as well).
    const pending = this.host.request(this.id, method, args);
    pending.catch(() => undefined);
    await this.ready;
    try {
      const r = await pending;
      this.apply(r.snapshot);
      return r;
    } catch (e) {
      this.lastError = e as Error;
      throw e;
    }
  }

  // ---- what JsSIP reads
  get signalingState(): PcSnapshot['signalingState'] {
    return this.snap.signalingState;
  }
  get iceGatheringState(): PcSnapshot['iceGatheringState'] {
    return this.snap.iceGatheringState;
  }
  get iceConnectionState(): PcSnapshot['iceConnectionState'] {
    return this.snap.iceConnectionState;
  }
  get connectionState(): PcSnapshot['connectionState'] {
    return this.snap.connectionState;
  }
  get localDescription(): PlainSessionDescription | null {
    return this.snap.localDescription && new PlainSessionDescription(this.snap.localDescription);
  }
  get remoteDescription(): PlainSessionDescription | null {
    return this.snap.remoteDescription && new PlainSessionDescription(this.snap.remoteDescription);
  }

  addEventListener(type: string, fn: (...a: unknown[]) => void): void {
    this.on(type, fn);
  }
  removeEventListener(type: string, fn: (...a: unknown[]) => void): void {
    this.off(type, fn);
  }

  async createOffer(options?: Record<string, unknown> | null): Promise<SessionDescriptionInit> {
    const r = await this.call('createOffer', [options ?? {}]);
    if (!r.desc) throw new Error('media host returned no offer');
    return r.desc;
  }
  async createAnswer(options?: Record<string, unknown> | null): Promise<SessionDescriptionInit> {
    const r = await this.call('createAnswer', [options ?? {}]);
    if (!r.desc) throw new Error('media host returned no answer');
    return r.desc;
  }
  async setLocalDescription(desc: SessionDescriptionInit): Promise<void> {
    await this.call('setLocalDescription', [{ type: desc.type, sdp: desc.sdp }]);
  }
  async setRemoteDescription(desc: SessionDescriptionInit): Promise<void> {
    await this.call('setRemoteDescription', [{ type: desc.type, sdp: desc.sdp }]);
  }

  /** JsSIP: mute()/hold() write sender.track.enabled; sendDTMF(RFC2833) uses sender.dtmf. */
  getSenders(): RemoteSender[] {
    // Accessor properties cannot be arrow functions, so the setter calls through a bound helper.
    const setEnabled = (i: number, v: boolean) => this.setTrackEnabled(i, v);
    return this.snap.senders.map((s, i) => {
      return {
        track: s.kind
          ? {
              kind: s.kind,
              get enabled() {
                return s.enabled;
              },
              set enabled(v: boolean) {
                s.enabled = !!v;
                void setEnabled(i, !!v);
              },
            }
          : null,
        dtmf: s.hasDtmf
          ? {
              toneBuffer: '',
              // JsSIP's own RFC 2833 path (fire and forget). The monitor uses sendDtmf() to get the result;
              // here a refusal is reported as 'dtmferror', never as inserted.
              insertDTMF: (tones: string, duration?: number, gap?: number) => {
                this.call('insertDTMF', [i, tones, duration ?? 100, gap ?? 70]).then(
                  () => this.emit('dtmfinserted', tones),
                  (e: Error) => this.emit('dtmferror', e),
                );
              },
            }
          : null,
      };
    });
  }

  /**
   * Send RFC 2833 digits on the audio sender and resolve once the renderer
   * has played them out (it first waits, bounded, for DTLS: canInsertDTMF).
   * Rejects with the renderer's reason if they could not be sent.
   */
  async sendDtmf(tones: string, duration: number, gap: number): Promise<void> {
    await this.ready;
    const i = this.snap.senders.findIndex((s) => s.kind === 'audio' && s.hasDtmf);
    if (i < 0) throw new Error('this call has no audio sender that can send RFC 2833 digits');
    await this.call('insertDTMF', [i, tones, duration, gap]);
    this.emit('dtmfinserted', tones);
  }

  /** Whether the renderer's microphone track is enabled, as last reported. */
  get micEnabled(): boolean {
    return this.snap.senders.some((s) => s.kind === 'audio' && s.enabled);
  }

  /**
   * Ask the renderer to turn a sender's track on/off. If turning it on fails
   * (the microphone could not be opened), the sender is marked off again and
   * 'micerror' is emitted so the session can tell the supervisor.
   */
  private setTrackEnabled(i: number, enabled: boolean): Promise<void> {
    return this.call('setTrackEnabled', [i, enabled]).then(
      () => undefined,
      (e: Error) => {
        const s = this.snap.senders[i];
        if (enabled && s) s.enabled = false;
        if (enabled) this.emit('micerror', e);
      },
    );
  }

  /**
   * Silence (or restore) what this peer plays: the renderer disables the
   * remote track, so the speaker and the output meter both go quiet. Rejects
   * with the renderer's reason if it could not.
   */
  async setPlaybackMuted(muted: boolean): Promise<void> {
    await this.call('setPlaybackMuted', [muted]);
  }

  /** Turn the microphone on (coach/barge). */
  enableMic(): void {
    this.snap.senders.forEach((s, i) => {
      if (s.kind === 'audio' && !s.enabled) {
        s.enabled = true;
        void this.setTrackEnabled(i, true);
      }
    });
  }

  /** Force the microphone off, independent of JsSIP's own mute bookkeeping. */
  disableMic(): void {
    this.snap.senders.forEach((s, i) => {
      if (s.kind === 'audio' && s.enabled) {
        s.enabled = false;
        void this.setTrackEnabled(i, false);
      }
    });
  }

  addTrack(): never {
    throw new Error('addTrack() is renderer-side: pass mediaConstraints {audio:false,video:false} to JsSIP');
  }

  close(): void {
    if (this.closed) return;
    this.snap = { ...this.snap, signalingState: 'closed', iceConnectionState: 'closed', connectionState: 'closed' };
    this.closed = true;
    this.ready
      .then(() => this.host.request(this.id, 'close', []))
      .catch(() => undefined)
      .finally(() => this.unsubscribe());
  }
}
