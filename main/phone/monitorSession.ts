/**
 * One supervisor monitor leg: starts in monitor, coach or barge, switches
 * modes on the same leg by sending the profile's digits, ends only its own
 * leg, ends by itself when the far end hangs up, and never leaves the
 * microphone live outside coach/barge.
 *
 * Microphone rule (enforced in `applyMic`): live only when the mode is coach
 * or barge AND the leg is established AND not on hold AND the PBX confirmed
 * the mode's digits. The renderer creates the track disabled; JsSIP's own mute
 * flag is kept in step so its hold/unhold logic never re-enables it behind our back.
 *
 * Digits (issue 16 found 1-2, issue 18 found 2-3): on asterisk-chanspy they wait
 * until ChanSpy has begun spying (legAudio.ts digitGate: inbound audio started,
 * or a bounded fallback) and are sent again once if spying began only after
 * them; RFC 2833 digits wait for DTLS in the media host and need telephone-event
 * in the PBX's answer; INFO digits need a 2xx for every tone. A failed send
 * fails the mode change (ModeChangeError), leaves the mic off and the leg in
 * monitor, never a mode the UI would show as live while nobody hears.
 */
import { EventEmitter } from 'node:events';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { SupervisionMode } from '../../preload/contract/domain';
import type { InboundAudio, MonitorStatus, PhoneProblem } from '../../preload/contract/phone';
import {
  audioProblem,
  audioVerdict,
  digitGate,
  hasTelephoneEvent,
  initialLegAudio,
  legConnected,
  observeInbound,
  type AudioVerdict,
  type LegAudio,
} from './legAudio';
import { withoutComfortNoise } from './offerSdp';
import { REATTACH_AUDIO_WAIT_MS, REATTACH_HOST_WAIT_MS, reattachProblem, type ReattachFailure } from './reattach';
import { reofferDialog } from './reoffer';
import { continueOrigin, type SdpOrigin } from './sdpOrigin';
import { immediateHangupProblem, isEarlyMedia, refusedStartProblem, unansweredProblem } from './monitorStart';
import { dtmfForModeChange, infoDigitsRefusal, micLiveIn, monitorDialString, type DtmfStep, type PbxProfile } from './pbxProfiles';
import { problemFromCall } from './phoneProblems';
import { iceRestartRefused, LEG_RECOVERY_GRACE_MS, legLostTooLong, modeWaitsForNetwork } from './networkProblems';
import type { RemotePeerConnection } from './remotePeerConnection';
import type { CallQuality, CallQualityPeriod } from '../../preload/contract/quality';
import { addToPeriod, qualityOfWindow, QUALITY_WINDOW_MS, type QualitySample } from './qualityWindow';

type EndedBy = NonNullable<MonitorStatus['endedBy']>;

export interface MonitorSessionInit {
  id: string;
  target: string;
  profile: PbxProfile;
  mode: SupervisionMode;
  /**
   * JsSIP does not trickle ICE: it waits for gathering to complete before
   * sending the INVITE. Chromium gathers UDP host candidates at once but TCP
   * ones ~100 ms later, which a PBX media path never uses. Send this long
   * after the first UDP candidate instead (null = wait for completion).
   */
  iceGatheringGraceMs?: number | null;
  /** How often call quality is measured (default QUALITY_WINDOW_MS). */
  qualityWindowMs?: number;
  /** Clock (default Date.now); the audio and digit rules take time as an argument. */
  now?: () => number;
  /** asterisk-chanspy: send the digits anyway this long after the answer if no audio came (default 1500 ms). */
  spyStartFallbackMs?: number;
  /** Start with the playback muted (the monitored call is on hold on a channel spy; see setPlaybackMuted). */
  playbackMuted?: boolean;
  /** Re-attach bounds (reattach.ts): waiting for a page to host the audio again, then for audio on the new peer. */
  reattachHostWaitMs?: number;
  reattachAudioWaitMs?: number;
  /**
   * Outgoing legs: cancel (with the reason) when the PBX has not answered this
   * long after the start (monitorStart.ts). Undefined = no bound (incoming auto-answer legs are answered by us).
   */
  answerTimeoutMs?: number;
}

const DTMF_SEND_TIMEOUT_MS = 3000;
const AUDIO_CHECK_MS = 250;

/** A mode change the PBX did not (or could not) take: the leg stays, in monitor, mic off. */
export class ModeChangeError extends Error {
  constructor(readonly problem: PhoneProblem) {
    super(problem.message);
    this.name = 'ModeChangeError';
  }
}

const modeWords: Record<SupervisionMode, string> = { monitor: 'Listening', coach: 'Coaching', barge: 'Barging in' };

export class MonitorSession extends EventEmitter {
  private state: MonitorStatus['state'] = 'connecting';
  private mode: SupervisionMode;
  private established = false;
  private held = false;
  private endedBy: EndedBy | undefined;
  private problem: PhoneProblem | undefined;
  private switching: Promise<void> = Promise.resolve();
  private audio: LegAudio = initialLegAudio();
  private verdict: AudioVerdict = 'waiting';
  /** From the selected candidate pair (renderer getStats): media through a TURN relay; undefined until ICE chose one. */
  private relayed: boolean | undefined;
  /** Call quality (issue 17 item 4): the report that opened the current window, the last window, the leg so far. */
  private qualityFrom: QualitySample | null = null;
  private quality: CallQuality | undefined;
  private qualityPeriod: CallQualityPeriod | undefined;
  private audioTimer: NodeJS.Timeout | null = null;
  /** Wakes digit senders waiting for ChanSpy to begin spying. */
  private readonly spyingWaiters = new Set<() => void>();
  /** Digits went out on the fallback, before any audio: send them once more when spying begins. */
  private resendOnSpying: SupervisionMode | null = null;
  /** The mode the PBX has taken (its digits were delivered); the mic follows this, never a wish. */
  private pbxMode: SupervisionMode = 'monitor';
  /** The PBX sent early media (183 with SDP) and has not answered yet. */
  private earlyMedia = false;
  private answeredAt: number | null = null;
  private answerTimer: NodeJS.Timeout | null = null;
  /** What the supervisor's speaker plays of this leg is silenced (privacy mute on hold). */
  private playbackMuted: boolean;
  /**
   * Re-attach (reattach.ts): the page holding this leg's peer went away. Until audio arrives on
   * the peer re-created in the next page, the leg is reattaching and the microphone stays off.
   */
  private mediaDetached = false;
  /** The re-INVITE with the new peer's offer was answered and applied. */
  private reoffered = false;
  /** Bumped by every detach, so a superseded attempt (a second reload) gives up quietly. */
  private reattachGeneration = 0;
  private reattachTimer: NodeJS.Timeout | null = null;
  /** The o= line of the last SDP we sent in this dialog (sdpOrigin.ts). */
  private sdpOrigin: SdpOrigin | null = null;
  /** The SIP connection dropped with the leg up: mic off, dialog kept for an ICE restart (pauseForNetwork). */
  private networkPaused = false;
  private networkTimer: NodeJS.Timeout | null = null;
  /** Our ICE-restart re-INVITE is out: if the leg ends now, the PBX refused it. */
  private iceRestarting = false;
  /** Resolves once the leg is active (with its first mode applied or refused), failed or ended. */
  readonly settled: Promise<MonitorStatus>;
  /** Resolves when the leg is over (ended or failed). */
  readonly finished: Promise<MonitorStatus>;

  constructor(
    private readonly init: MonitorSessionInit,
    readonly session: RTCSession,
  ) {
    super();
    this.mode = init.mode;
    this.playbackMuted = init.playbackMuted ?? false;
    this.settled = new Promise((resolve) => {
      const done = () => resolve(this.status());
      this.once('active', done);
      this.once('finished', done);
    });
    this.finished = new Promise((resolve) => this.once('finished', () => resolve(this.status())));
    this.wire();
  }

  status(): MonitorStatus {
    const s: MonitorStatus = {
      id: this.init.id,
      target: this.init.target,
      profileId: this.init.profile.id,
      state: this.state,
      mode: this.mode,
      // What main last told the renderer, not what it wishes: the status bar must never understate a live mic.
      micLive: !this.isOver && (this.peer?.micEnabled ?? false),
    };
    if (this.earlyMedia && this.state === 'connecting') s.earlyMedia = true;
    if (this.endedBy) s.endedBy = this.endedBy;
    if (this.problem) s.problem = this.problem;
    if (this.networkPaused && !this.isOver) s.recovering = true;
    if (this.mediaDetached && !this.isOver) s.reattaching = true;
    if (this.established && !this.isOver && !this.networkPaused && !this.mediaDetached) {
      s.audio = this.verdict;
      const p = audioProblem(this.verdict);
      if (p) s.audioProblem = p;
      if (this.relayed !== undefined) s.relayed = this.relayed;
      if (this.quality) s.quality = this.quality;
    }
    // Kept after the leg ends: the timeline records the period from the final status.
    if (this.qualityPeriod) s.qualityPeriod = this.qualityPeriod;
    return s;
  }

  get isOver(): boolean {
    return this.state === 'ended' || this.state === 'failed';
  }

  /** The leg's audio is being moved to a new page (reattach.ts): no mode changes, mic off. */
  get isReattaching(): boolean {
    return this.mediaDetached && !this.isOver;
  }

  /** The renderer-side peer, once JsSIP created it. */
  get peer(): RemotePeerConnection | null {
    return (this.session.connection as unknown as RemotePeerConnection | undefined) ?? null;
  }

  /**
   * Switch mode on the same leg. Resolves when the PBX has taken the digits;
   * rejects with ModeChangeError (leg in monitor, mic off) when it could not.
   */
  setMode(mode: SupervisionMode): Promise<MonitorStatus> {
    const run = async () => {
      if (this.isOver) throw new Error('The monitor session has ended.');
      if (this.mediaDetached) throw new Error('your audio is reconnecting after the window reloaded; switch modes once monitoring resumes');
      if (this.networkPaused) throw new ModeChangeError(modeWaitsForNetwork);
      const from = this.mode;
      if (from === mode) return;
      this.mode = mode;
      // Going quieter: mute first, then tell the PBX; going louder: tell the PBX first.
      if (!micLiveIn(mode)) this.applyMic();
      if (this.established) await this.applyModeOnPbx(from, mode);
      this.applyMic();
    };
    const done = this.switching.then(run, run);
    this.switching = done.catch(() => undefined);
    return done.then(() => this.status());
  }

  /**
   * Silence (or restore) the leg's playback in the media host. The PBX keeps
   * sending; the supervisor hears nothing of it. A peer that does not exist yet
   * gets it when JsSIP creates it. If the media host refuses, the leg cannot be
   * kept from playing a held customer, so it is ended with the reason.
   */
  setPlaybackMuted(muted: boolean): void {
    if (this.isOver || this.playbackMuted === muted) return;
    this.playbackMuted = muted;
    this.applyPlaybackMute();
    this.emit('change', this.status());
  }

  private applyPlaybackMute(): void {
    const pc = this.peer;
    if (!pc?.setPlaybackMuted) return;
    const wanted = this.playbackMuted;
    pc.setPlaybackMuted(wanted).catch((e: Error) => {
      // While the audio is being moved (reattach) there is nothing playing to mute: it is applied again on resume.
      if (!wanted || this.isOver || this.mediaDetached) return;
      this.endedBy = 'error';
      this.problem = {
        code: 'MEDIA_FAILED',
        message: `Spyglass could not mute the held customer on your monitoring leg (${e.message}), so it ended the leg.`,
        action: 'Start monitoring again once the call is resumed.',
      };
      this.end();
    });
  }

  /** The handset: BYE (or CANCEL) on the supervisor's own leg only. */
  end(): void {
    if (this.isOver) return;
    this.endedBy ??= 'supervisor';
    this.forceMicOff();
    try {
      this.session.terminate();
    } catch {
      this.finish('ended');
    }
  }

  /** The SIP transport dropped: the dialog cannot be trusted any more. */
  connectionLost(): void {
    if (this.isOver) return;
    this.endedBy = 'connection-lost';
    this.problem = problemFromCall('Connection Error');
    this.forceMicOff();
    try {
      this.session.terminate();
    } catch {
      /* JsSIP may refuse in some states; we end our side regardless */
    }
    this.finish('ended');
  }

  /**
   * The SIP connection dropped. An established leg is paused, microphone off,
   * its dialog kept so the phone can move it onto the network that comes back
   * (restartIce); if none does within `graceMs`, it ends with the reason. A leg
   * still being set up cannot be recovered: it ends at once.
   */
  pauseForNetwork(graceMs = LEG_RECOVERY_GRACE_MS): void {
    if (this.isOver) return;
    if (!this.established) return this.connectionLost();
    if (this.networkPaused) return;
    this.networkPaused = true;
    this.applyMic();
    this.networkTimer = setTimeout(() => this.endForNetwork(legLostTooLong(graceMs)), graceMs);
    this.networkTimer.unref?.();
  }

  get pausedForNetwork(): boolean {
    return this.networkPaused && !this.isOver;
  }

  /**
   * The phone registered again: re-INVITE with new ICE credentials so media
   * follows the new path. The leg resumes (mic back to what the mode allows)
   * when the PBX answers 2xx; a refusal ends it (JsSIP sends the BYE) with the reason.
   */
  restartIce(): void {
    if (this.isOver || !this.networkPaused || this.iceRestarting) return;
    this.iceRestarting = true;
    let sent = false;
    try {
      sent = this.session.renegotiate({ rtcOfferConstraints: { iceRestart: true } } as never, () => {
        this.iceRestarting = false;
        this.resumeAfterNetwork();
      });
    } catch {
      sent = false;
    }
    if (!sent) this.endForNetwork(iceRestartRefused);
  }

  private resumeAfterNetwork(): void {
    if (this.isOver || !this.networkPaused) return;
    this.networkPaused = false;
    if (this.networkTimer) clearTimeout(this.networkTimer);
    this.networkTimer = null;
    this.applyMic();
  }

  private endForNetwork(problem: PhoneProblem): void {
    if (this.isOver) return;
    this.endedBy = 'connection-lost';
    this.problem = problem;
    this.forceMicOff();
    try {
      this.session.terminate();
    } catch {
      /* no transport: JsSIP may refuse; our side ends regardless */
    }
    this.finish('ended');
  }

  /**
   * The page (or media window) hosting this leg's peer went away. An established leg waits, mic
   * off and reattaching, for the next one to attach (reattach()); none within the bound ends it.
   * A leg still connecting cannot be re-offered: it ends.
   */
  mediaDetachedFromHost(): void {
    if (this.isOver) return;
    if (!this.established) return this.mediaLost();
    const waitMs = this.init.reattachHostWaitMs ?? REATTACH_HOST_WAIT_MS;
    this.detach();
    this.armReattachTimer({ kind: 'no-host', waitedMs: waitMs }, waitMs);
  }

  /**
   * A media host attached without this leg's peer (the reloaded page): make the peer there, offer
   * it to the PBX in a re-INVITE of this dialog, and resume — mode and mic as the PBX has them —
   * only once audio arrives on it. Any failure ends the leg cleanly with the reason.
   */
  reattach(): void {
    if (this.isOver) return;
    const pc = this.peer;
    if (!this.established || !pc?.recreate) return this.mediaLost();
    this.detach();
    const generation = this.reattachGeneration;
    const waitMs = this.init.reattachAudioWaitMs ?? REATTACH_AUDIO_WAIT_MS;
    this.armReattachTimer({ kind: 'no-audio', waitedMs: waitMs }, waitMs);
    const current = () => !this.isOver && generation === this.reattachGeneration;
    void (async () => {
      try {
        await pc.recreate();
      } catch (e) {
        if (current()) this.reattachFailed({ kind: 'peer', reason: (e as Error).message });
        return;
      }
      if (!current()) return;
      if (this.playbackMuted) this.applyPlaybackMute();
      // The new peer's stats count from zero: judge its audio from now.
      this.audio = legConnected(initialLegAudio(), this.now());
      this.verdict = 'waiting';
      this.relayed = undefined;
      const result = await reofferDialog(this.session);
      if (!current()) return;
      if (!result.ok) return this.reattachFailed(result);
      this.reoffered = true;
      this.resumeIfAudio();
    })();
  }

  /** The renderer-side peer is gone (media window crashed or reloaded): end the leg cleanly. */
  mediaLost(): void {
    if (this.isOver) return;
    this.endedBy = 'error';
    this.problem = {
      code: 'MEDIA_FAILED',
      message: 'The audio for this monitor was lost (the app window reloaded or crashed).',
      action: 'Start monitoring again.',
    };
    this.forceMicOff();
    try {
      this.session.terminate();
    } catch {
      /* ended anyway */
    }
    this.finish('ended');
  }

  // ---------------------------------------------------------------- internals

  private wire(): void {
    const s = this.session;
    // JsSIP ends the session when any of its transactions, even a finished INFO, sees the
    // transport drop. An established leg is paused instead (pauseForNetwork) and kept for an ICE restart.
    const js = s as unknown as { onTransportError(): void };
    const onTransportError = js.onTransportError.bind(s);
    js.onTransportError = () => {
      if (!this.established || this.isOver) onTransportError();
    };
    const grace = this.init.iceGatheringGraceMs === undefined ? 30 : this.init.iceGatheringGraceMs;
    if (grace !== null) {
      const scheduled = new WeakSet<() => void>();
      s.on('icecandidate', (e: { candidate: unknown; ready: () => void }) => {
        const line = (e.candidate as { candidate?: string } | null)?.candidate ?? '';
        if (!/ udp /i.test(line) || scheduled.has(e.ready)) return;
        scheduled.add(e.ready);
        setTimeout(e.ready, grace);
      });
    }
    const onPeer = (pc: unknown) => {
      // Before any media flows: JsSIP's mute flag on, so unhold never enables the mic.
      s.mute({ audio: true });
      if (this.playbackMuted) this.applyPlaybackMute();
      (pc as Partial<EventEmitter>).on?.('inboundaudio', (report: InboundAudio) => this.onInboundAudio(report));
      (pc as Partial<EventEmitter>).on?.('micerror', (err: Error) => {
        this.problem = {
          code: 'MEDIA_FAILED',
          message: `Microphone unavailable (${err.message.replace(/^Microphone unavailable: /, '')}): the agent and customer cannot hear you.`,
          action: 'Check the microphone in Settings; listening continues.',
        };
        this.emit('change', this.status());
      });
    };
    // ua.call() creates the peer (and emits 'peerconnection') before this object exists.
    if (s.connection) onPeer(s.connection);
    else s.on('peerconnection', (e: { peerconnection: unknown }) => onPeer(e.peerconnection));
    if (this.init.answerTimeoutMs !== undefined) this.boundTheAnswer(this.init.answerTimeoutMs);
    // No comfort noise in our offer: CN in the answer makes Chromium stop sending audio during silence (offerSdp.ts).
    s.on('sdp', (e: { originator: string; type: string; sdp: string }) => {
      if (e.originator === 'local' && e.type === 'offer') e.sdp = withoutComfortNoise(e.sdp);
      // One SDP session for the dialog, even after the peer was re-created in a reloaded page.
      if (e.originator === 'local') {
        const next = continueOrigin(e.sdp, this.sdpOrigin);
        e.sdp = next.sdp;
        this.sdpOrigin = next.origin;
      }
    });
    s.on('progress', (e: { originator: string; response?: { status_code?: number; body?: string } | null }) => {
      if (e.originator !== 'remote' || !e.response?.status_code) return;
      if (!isEarlyMedia(e.response.status_code, !!e.response.body) || this.earlyMedia) return;
      this.earlyMedia = true;
      this.emit('change', this.status());
    });
    s.on('confirmed', () => {
      this.established = true;
      this.answeredAt = this.now();
      this.clearAnswerTimer();
      this.audio = legConnected(this.audio, this.now());
      this.audioTimer = setInterval(() => this.checkAudio(), AUDIO_CHECK_MS);
      this.audioTimer.unref?.();
      const initial = this.mode;
      this.setState(initial === 'monitor' ? 'active' : 'switching');
      this.applyMic();
      if (initial === 'monitor') {
        this.emit('active');
        return;
      }
      // Starting in coach/barge: 'active' (startMonitor resolves) only once the PBX took the digits or refused them.
      const first = this.switching.then(async () => {
        await this.applyModeOnPbx(null, initial).catch(() => undefined);
        this.applyMic();
      });
      this.switching = first;
      void first.then(() => this.emit('active'));
    });
    s.on('hold', () => {
      this.held = true;
      if (!this.isOver && this.state !== 'switching') this.setState('held');
      this.applyMic();
    });
    s.on('unhold', () => {
      this.held = false;
      if (!this.isOver && this.state !== 'switching') this.setState('active');
      this.applyMic();
    });
    // Any re-INVITE may renegotiate senders: re-assert the rule afterwards.
    s.on('reinvite', () => setImmediate(() => this.applyMic()));
    s.on('failed', (e) => {
      if (e.cause === 'Connection Error') this.endedBy ??= 'connection-lost';
      this.endedBy ??= e.originator === 'local' ? 'supervisor' : 'error';
      if (e.originator !== 'local' || e.cause !== 'Canceled') {
        const status = (e.message as { status_code?: number } | undefined)?.status_code;
        if (e.originator === 'remote') this.problem ??= this.refusedStart(status) ?? undefined;
        this.problem ??= problemFromCall(e.cause, (e.message as { status_code?: number } | undefined)?.status_code, this.peer?.lastError?.message);
      }
      this.finish(this.endedBy === 'supervisor' && !this.problem ? 'ended' : 'failed');
    });
    s.on('ended', (e) => {
      if (this.iceRestarting) {
        this.endedBy ??= 'connection-lost';
        this.problem ??= iceRestartRefused;
      }
      if (e.cause === 'Connection Error') this.endedBy ??= 'connection-lost';
      if (!this.endedBy) this.endedBy = e.originator === 'remote' ? 'far-end' : 'supervisor';
      if (e.originator === 'remote' && e.cause === 'Terminated' && this.init.profile.kind !== 'auto-answer') {
        // Gone within a second of the answer, no audio ever: the feature code found nothing to spy on (monitorStart.ts).
        // FreeSWITCH sends that BYE with the 200 OK: it can arrive before our ACK ('confirmed'), i.e. at once.
        const answeredAt = this.answeredAt ?? this.now();
        this.problem ??= immediateHangupProblem(this.init.profile.kind, this.init.target, answeredAt, this.now(), this.audio.firstPacketAt !== null) ?? undefined;
      }
      if (e.cause !== 'Terminated' && e.cause !== 'Canceled' && !this.problem) {
        this.problem = problemFromCall(e.cause, undefined, this.peer?.lastError?.message);
        if (e.originator !== 'remote' && this.endedBy === 'supervisor') this.endedBy = 'error';
      }
      this.finish('ended');
    });
  }

  /** Cancels the leg with a reason if the PBX has not answered in time: a start never hangs. */
  private boundTheAnswer(ms: number): void {
    this.answerTimer = setTimeout(() => {
      this.answerTimer = null;
      if (this.established || this.isOver) return;
      this.problem = unansweredProblem(this.init.profile.kind, ms, this.earlyMedia);
      this.endedBy = 'error';
      try {
        this.session.terminate(); // CANCEL; JsSIP reports 'failed' (local, Canceled) at once
      } catch {
        this.finish('failed');
      }
    }, ms);
    this.answerTimer.unref?.();
  }

  private clearAnswerTimer(): void {
    if (this.answerTimer) clearTimeout(this.answerTimer);
    this.answerTimer = null;
  }

  private refusedStart(status: number | undefined): ReturnType<typeof refusedStartProblem> {
    const p = this.init.profile;
    if (p.kind === 'auto-answer') return null;
    let dialled = this.init.target;
    try {
      dialled = monitorDialString(p, this.init.target);
    } catch {
      /* the INVITE was never sent with a bad dial string; keep the target */
    }
    return refusedStartProblem(p.kind, this.init.target, dialled, status);
  }

  /**
   * Tell the PBX about a mode change (state 'switching' meanwhile, so the mic
   * stays as it was or off). On failure: mode monitor, mic off, the reason in
   * `problem`, and ModeChangeError thrown.
   */
  private async applyModeOnPbx(from: SupervisionMode | null, to: SupervisionMode): Promise<void> {
    this.setState('switching');
    try {
      const evidence = await this.sendDigits(from, to);
      this.pbxMode = to;
      // ChanSpy may have been still waiting when they went out: say them again once it has begun.
      this.resendOnSpying = evidence === 'fallback' ? to : null;
      if (this.problem?.code === 'DTMF_FAILED') this.problem = undefined;
    } catch (e) {
      if (this.isOver) return;
      this.modeFailed(to, (e as Error).message);
      this.setState(this.held ? 'held' : 'active');
      throw new ModeChangeError(this.problem!);
    }
    if (!this.isOver) this.setState(this.held ? 'held' : 'active');
  }

  private modeFailed(to: SupervisionMode, reason: string): void {
    this.mode = 'monitor';
    this.pbxMode = 'monitor';
    this.resendOnSpying = null;
    this.forceMicOff();
    this.problem = {
      code: 'DTMF_FAILED',
      message: `${modeWords[to]} did not start: ${reason}. Nobody hears you; you are listening only.`,
      action: this.dtmfAction(),
    };
    this.emit('change', this.status());
  }

  private dtmfAction(): string {
    const p = this.init.profile;
    if (p.kind === 'auto-answer') return 'Try again.';
    return p.dtmfMethod === 'rfc2833'
      ? 'Check that the PBX endpoint accepts RFC 2833 digits (Asterisk: dtmf_mode=rfc4733), or pick the INFO DTMF method in Settings; then try again.'
      : p.kind === 'freeswitch-eavesdrop'
        ? 'Pick RFC 2833 in Settings (the profile’s default), or turn on “FreeSWITCH has liberal-dtmf” once your PBX administrator confirms liberal-dtmf=true; then try again.'
        : 'Check that the PBX accepts SIP INFO digits on this endpoint, or pick RFC 2833 in Settings; then try again.';
  }

  /** Sends the digits once the PBX can take them; resolves with why it was ready, throws with a reason. */
  private async sendDigits(from: SupervisionMode | null, to: SupervisionMode): Promise<'spying' | 'fallback' | 'not-needed' | null> {
    if (this.init.profile.kind === 'auto-answer') return null; // the connector switches modes on such platforms
    const step = dtmfForModeChange(this.init.profile, from, to);
    if (!step) return null;
    const evidence = await this.pbxReadyForDigits();
    if (this.isOver) throw new Error('the leg ended');
    await this.sendStep(step);
    return evidence;
  }

  private async sendStep(step: DtmfStep): Promise<void> {
    if (step.transportType === 'RFC2833') {
      const pc = this.peer;
      if (!pc?.sendDtmf) throw new Error('this call has no audio path for RFC 2833 digits');
      if (!hasTelephoneEvent(pc.remoteDescription?.sdp)) {
        throw new Error('the PBX did not agree to RFC 2833 digits (no telephone-event in its answer)');
      }
      await pc.sendDtmf(step.tones, step.duration, step.interToneGap);
      return;
    }
    // FreeSWITCH answers INFO 200 OK and ignores it (telephone-event negotiated, no liberal-dtmf): the 200 proves nothing.
    const refusal = infoDigitsRefusal(this.init.profile);
    if (refusal) throw new Error(refusal);
    await this.sendInfoDigits(step);
  }

  /** SIP INFO: JsSIP paces the tones; every one must be answered 2xx. */
  private sendInfoDigits(step: DtmfStep): Promise<void> {
    const sess = this.session;
    return new Promise<void>((resolve, reject) => {
      let left = step.tones.replace(/,/g, '').length;
      const timer = setTimeout(
        () => finish(new Error(`the PBX did not answer the INFO digits within ${DTMF_SEND_TIMEOUT_MS} ms`)),
        DTMF_SEND_TIMEOUT_MS + left * (step.duration + step.interToneGap),
      );
      type Dtmf = EventEmitter & { tone?: string };
      const onDtmf = (e: { originator: string; dtmf: Dtmf }) => {
        if (e.originator !== 'local') return;
        e.dtmf.once('succeeded', () => {
          if (--left <= 0) finish();
        });
        e.dtmf.once('failed', (ev: { response?: { status_code?: number; reason_phrase?: string } }) => {
          const r = ev.response;
          finish(new Error(`the PBX refused digit ${e.dtmf.tone ?? ''} (SIP INFO answered ${r?.status_code ?? 'with an error'}${r?.reason_phrase ? ' ' + r.reason_phrase : ''})`));
        });
      };
      const onOver = () => finish(new Error('the leg ended'));
      let finished = false;
      function finish(err?: Error) {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        sess.off('newDTMF', onDtmf as never);
        sess.off('ended', onOver);
        sess.off('failed', onOver);
        if (err) reject(err);
        else resolve();
      }
      sess.on('newDTMF', onDtmf as never);
      sess.on('ended', onOver);
      sess.on('failed', onOver);
      try {
        sess.sendDTMF(step.tones, { transportType: 'INFO', duration: step.duration, interToneGap: step.interToneGap } as never);
      } catch (e) {
        finish(new Error(`the digits could not be sent (${(e as Error).message})`));
      }
    });
  }

  /** Waits (bounded) until the PBX takes digits: digitGate over the inbound audio. */
  private async pbxReadyForDigits(): Promise<'spying' | 'fallback' | 'not-needed'> {
    for (;;) {
      const gate = digitGate(this.init.profile.kind, this.audio, this.now(), this.init.spyStartFallbackMs);
      if (gate.send) return gate.evidence;
      if (this.isOver) throw new Error('the leg ended');
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.spyingWaiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(10, gate.retryAt - this.now()));
        this.spyingWaiters.add(wake);
      });
    }
  }

  private onInboundAudio(report: InboundAudio): void {
    if (this.isOver || !this.established) return;
    const wasSpying = this.audio.firstPacketAt !== null;
    this.audio = observeInbound(this.audio, report, this.now(), { levelsMeasured: !this.playbackMuted });
    const relayed = report.localCandidateType === undefined ? this.relayed : report.localCandidateType === 'relay';
    if (relayed !== this.relayed) {
      this.relayed = relayed;
      this.emit('change', this.status());
    }
    this.measureQuality(report);
    this.checkAudio();
    this.resumeIfAudio();
    if (wasSpying || this.audio.firstPacketAt === null) return;
    for (const wake of [...this.spyingWaiters]) wake();
    const again = this.resendOnSpying;
    this.resendOnSpying = null;
    if (again && again === this.mode) {
      // The digits went out before ChanSpy began spying, so it likely swallowed them: once more.
      this.switching = this.switching.then(async () => {
        if (this.isOver || this.mode !== again) return;
        await this.applyModeOnPbx(null, again).catch(() => undefined);
        this.applyMic();
      });
    }
  }

  /** Every QUALITY_WINDOW_MS of reports: one window's MOS for the toolbar, added to the leg's period. */
  private measureQuality(report: InboundAudio): void {
    const sample = { at: this.now(), report };
    const from = this.qualityFrom;
    if (!from || report.packetsReceived < from.report.packetsReceived) {
      // A new peer (a reload, an ICE restart): its counters start again, and so does the reading.
      this.qualityFrom = sample;
      this.clearQuality();
      return;
    }
    if (sample.at - from.at < (this.init.qualityWindowMs ?? QUALITY_WINDOW_MS)) return;
    this.qualityFrom = sample;
    const q = qualityOfWindow(from, sample);
    if (!q) {
      // A window without audio measures nothing: the last reading is not shown as the current one.
      this.clearQuality();
      return;
    }
    this.quality = q;
    this.qualityPeriod = addToPeriod(this.qualityPeriod, q);
    this.emit('change', this.status());
  }

  private clearQuality(): void {
    if (!this.quality) return;
    this.quality = undefined;
    this.emit('change', this.status());
  }

  private checkAudio(): void {
    if (this.isOver || this.mediaDetached) return;
    const v = audioVerdict(this.audio, this.now());
    if (v === this.verdict) return;
    this.verdict = v;
    this.emit('change', this.status());
  }

  private now(): number {
    return (this.init.now ?? Date.now)();
  }

  private micShouldBeLive(): boolean {
    return micLiveIn(this.mode) && this.pbxMode === this.mode && this.established && !this.held && !this.isOver && this.state !== 'switching' && !this.networkPaused && !this.mediaDetached;
  }

  private applyMic(): void {
    const pc = this.peer;
    if (!pc || this.isOver) return;
    if (this.micShouldBeLive()) {
      // Clear JsSIP's own mute flag (so its unhold logic agrees), then make sure the track is on.
      this.session.unmute({ audio: true });
      pc.enableMic?.();
    } else {
      this.session.mute({ audio: true });
      pc.disableMic?.();
    }
    this.emit('change', this.status());
  }

  private forceMicOff(): void {
    const pc = this.peer;
    try {
      this.session.mute({ audio: true });
    } catch {
      /* no connection yet */
    }
    pc?.disableMic?.();
  }

  /** Mic off, reattaching, audio not judged; any earlier attempt superseded. */
  private detach(): void {
    this.reattachGeneration++;
    this.mediaDetached = true;
    this.reoffered = false;
    this.resendOnSpying = null;
    this.clearReattachTimer();
    this.forceMicOff();
    this.emit('change', this.status());
  }

  /** Audio arrived on the re-offered peer: the leg is what it was, the mic as the PBX's mode says. */
  private resumeIfAudio(): void {
    if (!this.mediaDetached || !this.reoffered || this.isOver || this.audio.firstPacketAt === null) return;
    this.mediaDetached = false;
    this.clearReattachTimer();
    this.checkAudio();
    // A hold that began while the audio was away: the new peer's playback is muted now, or the leg ends.
    if (this.playbackMuted) this.applyPlaybackMute();
    this.applyMic();
  }

  private armReattachTimer(failure: ReattachFailure, ms: number): void {
    this.reattachTimer = setTimeout(() => {
      this.reattachTimer = null;
      if (this.mediaDetached) this.reattachFailed(failure);
    }, ms);
    this.reattachTimer.unref?.();
  }

  private clearReattachTimer(): void {
    if (this.reattachTimer) clearTimeout(this.reattachTimer);
    this.reattachTimer = null;
  }

  /** End the leg (BYE, mic off) with what went wrong: never a leg that looks live and carries nothing. */
  private reattachFailed(failure: ReattachFailure): void {
    if (this.isOver) return;
    this.endedBy = 'error';
    this.problem = reattachProblem(failure);
    this.forceMicOff();
    try {
      this.session.terminate();
    } catch {
      /* ended anyway */
    }
    this.finish('ended');
  }

  private setState(state: MonitorStatus['state']): void {
    if (this.isOver || this.state === state) return;
    this.state = state;
    this.emit('change', this.status());
  }

  private finish(state: 'ended' | 'failed'): void {
    if (this.isOver) return;
    this.clearAnswerTimer();
    this.clearReattachTimer();
    if (this.networkTimer) clearTimeout(this.networkTimer);
    this.networkTimer = null;
    this.networkPaused = false;
    if (this.audioTimer) clearInterval(this.audioTimer);
    this.audioTimer = null;
    for (const wake of [...this.spyingWaiters]) wake();
    this.forceMicOff();
    this.state = state;
    this.emit('change', this.status());
    this.emit('finished');
  }
}
