/**
 * One supervisor monitor leg: starts in monitor, coach or barge, switches
 * modes on the same leg by sending the profile's digits, ends only its own
 * leg, ends by itself when the far end hangs up, and never leaves the
 * microphone live outside coach/barge.
 *
 * Microphone rule (enforced in `applyMic`): live only when the mode is coach
 * or barge AND the leg is established AND not on hold. The renderer creates
 * the track disabled; JsSIP's own mute flag is kept in step so its hold/unhold
 * logic never re-enables it behind our back.
 */
import { EventEmitter } from 'node:events';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { SupervisionMode } from '../../preload/contract/domain';
import type { MonitorStatus, PhoneProblem } from '../../preload/contract/phone';
import { dtmfForModeChange, micLiveIn, type PbxProfile } from './pbxProfiles';
import { problemFromCall } from './phoneProblems';
import type { RemotePeerConnection } from './remotePeerConnection';

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
}

const DTMF_SEND_TIMEOUT_MS = 3000;

export class MonitorSession extends EventEmitter {
  private state: MonitorStatus['state'] = 'connecting';
  private mode: SupervisionMode;
  private established = false;
  private held = false;
  private endedBy: EndedBy | undefined;
  private problem: PhoneProblem | undefined;
  private switching: Promise<void> = Promise.resolve();
  /** Resolves once the leg is active, failed or ended. */
  readonly settled: Promise<MonitorStatus>;
  /** Resolves when the leg is over (ended or failed). */
  readonly finished: Promise<MonitorStatus>;

  constructor(
    private readonly init: MonitorSessionInit,
    readonly session: RTCSession,
  ) {
    super();
    this.mode = init.mode;
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
    if (this.endedBy) s.endedBy = this.endedBy;
    if (this.problem) s.problem = this.problem;
    return s;
  }

  get isOver(): boolean {
    return this.state === 'ended' || this.state === 'failed';
  }

  /** The renderer-side peer, once JsSIP created it. */
  get peer(): RemotePeerConnection | null {
    return (this.session.connection as unknown as RemotePeerConnection | undefined) ?? null;
  }

  /** Switch mode on the same leg. Resolves when the PBX has been told. */
  setMode(mode: SupervisionMode): Promise<MonitorStatus> {
    const run = async () => {
      if (this.isOver) throw new Error('The monitor session has ended.');
      const from = this.mode;
      if (from === mode) return;
      this.mode = mode;
      // Going quieter: mute first, then tell the PBX; going louder: tell the PBX first.
      if (!micLiveIn(mode)) this.applyMic();
      if (this.established) {
        this.setState('switching');
        await this.sendDigits(from, mode);
        if (!this.isOver) this.setState(this.held ? 'held' : 'active');
      }
      this.applyMic();
    };
    this.switching = this.switching.then(run, run);
    return this.switching.then(() => this.status());
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
    s.on('confirmed', () => {
      this.established = true;
      this.setState('active');
      const initial = this.mode;
      if (initial !== 'monitor') {
        this.switching = this.switching.then(async () => {
          this.setState('switching');
          await this.sendDigits(null, initial);
          if (!this.isOver) this.setState(this.held ? 'held' : 'active');
          this.applyMic();
        });
      }
      this.applyMic();
      this.emit('active');
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
        this.problem ??= problemFromCall(e.cause, (e.message as { status_code?: number } | undefined)?.status_code, this.peer?.lastError?.message);
      }
      this.finish(this.endedBy === 'supervisor' && !this.problem ? 'ended' : 'failed');
    });
    s.on('ended', (e) => {
      if (e.cause === 'Connection Error') this.endedBy ??= 'connection-lost';
      if (!this.endedBy) this.endedBy = e.originator === 'remote' ? 'far-end' : 'supervisor';
      if (e.cause !== 'Terminated' && e.cause !== 'Canceled' && !this.problem) {
        this.problem = problemFromCall(e.cause, undefined, this.peer?.lastError?.message);
        if (e.originator !== 'remote' && this.endedBy === 'supervisor') this.endedBy = 'error';
      }
      this.finish('ended');
    });
  }

  private async sendDigits(from: SupervisionMode | null, to: SupervisionMode): Promise<void> {
    if (this.init.profile.kind === 'auto-answer') return; // the connector switches modes on such platforms
    const step = dtmfForModeChange(this.init.profile, from, to);
    if (!step) return;
    if (step.transportType === 'RFC2833') {
      this.session.sendDTMF(step.tones, { transportType: 'RFC2833', duration: step.duration, interToneGap: step.interToneGap } as never);
      return;
    }
    // SIP INFO: JsSIP paces the tones itself and reports each one as a local newDTMF.
    await new Promise<void>((resolve) => {
      let left = step.tones.replace(/,/g, '').length;
      const timer = setTimeout(finish, DTMF_SEND_TIMEOUT_MS + left * (step.duration + step.interToneGap));
      const onDtmf = (e: { originator: string }) => {
        if (e.originator === 'local' && --left <= 0) finish();
      };
      function finish(this: void) {
        clearTimeout(timer);
        sess.off('newDTMF', onDtmf as never);
        resolve();
      }
      const sess = this.session;
      sess.on('newDTMF', onDtmf as never);
      try {
        sess.sendDTMF(step.tones, { transportType: 'INFO', duration: step.duration, interToneGap: step.interToneGap } as never);
      } catch {
        finish();
      }
    });
  }

  private micShouldBeLive(): boolean {
    return micLiveIn(this.mode) && this.established && !this.held && !this.isOver && this.state !== 'switching';
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

  private setState(state: MonitorStatus['state']): void {
    if (this.isOver || this.state === state) return;
    this.state = state;
    this.emit('change', this.status());
  }

  private finish(state: 'ended' | 'failed'): void {
    if (this.isOver) return;
    this.forceMicOff();
    this.state = state;
    this.emit('change', this.status());
    this.emit('finished');
  }
}
