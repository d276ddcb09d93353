/**
 * The softphone service the core calls: one JsSIP user agent in main
 * (plain Node, never `electron`), registration with digest auth, automatic
 * re-registration and reconnect with backoff (connectionKeeper.ts, not
 * JsSIP's own recovery: it also reconnects at once after sleep or a network
 * change), and at most one monitor leg at a time, which a short outage pauses
 * instead of ending (ICE restart on return). Media goes through a MediaHost.
 */
import { EventEmitter } from 'node:events';
import * as JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { SupervisionMode } from '../../preload/contract/domain';
import type { MonitorStatus, PhoneProblem, PhoneStatus } from '../../preload/contract/phone';
import { callerOf, decideIncomingInvite, jssipHeaders } from './autoAnswer';
import type { MediaHost } from './mediaHost';
import { MonitorSession } from './monitorSession';
import { DEFAULT_ANSWER_TIMEOUT_SECONDS } from './monitorStart';
import { issueMonitorRequest, mintMonitorToken, spendMonitorRequest, type MonitorRequest } from './monitorToken';
import { NodeWsSocket, type SocketErrorInfo } from './nodeWsSocket';
import { monitorTargetUri, type PbxProfile } from './pbxProfiles';
import { problemFromRegistration, problemFromSocket } from './phoneProblems';
import { RemotePeerConnection } from './remotePeerConnection';
import type { IceConfig } from '../../preload/contract/ice';
import { iceGatheringGraceMs } from './iceConfig';
import { installJsSipWebRtcGlobals, pcConfigWith, withJsSipWindow } from './webrtcShim';
import { ConnectionKeeper, type KeeperTimers, type KeeperTransport, type KeeperView } from './connectionKeeper';
import { DEFAULT_RECONNECT_POLICY } from './reconnectBackoff';
import type { NetworkEvent } from './networkEvents';

/** JsSIP's own transport recovery is switched off (ConnectionKeeper does it): its timer never fires first. */
const JSSIP_RECOVERY_OFF_SEC = 86_400;

export interface SipAccount {
  /** ws:// or wss:// URL of the PBX/proxy WebSocket transport. */
  wsUrl: string;
  /** sip:user@domain; the domain is also where feature codes are dialled. */
  uri: string;
  password: string;
  authorizationUser?: string;
  displayName?: string;
  registerExpiresSec?: number;
  /** wss:// only: verify the certificate (default true). */
  rejectUnauthorized?: boolean;
  ca?: string | string[];
  profile: PbxProfile;
  /** See MonitorSessionInit.iceGatheringGraceMs (default by the ICE servers, iceConfig.ts iceGatheringGraceMs; null waits for full gathering). */
  iceGatheringGraceMs?: number | null;
  /** How long the PBX has to answer a dial-plan monitor call (default DEFAULT_ANSWER_TIMEOUT_SECONDS). */
  answerTimeoutMs?: number;
  /** How often the leg's call quality is measured (default QUALITY_WINDOW_MS; tests shorten it). */
  qualityWindowMs?: number;
  /** Reconnect backoff bounds in seconds (reconnectBackoff.ts: doubling from min to max, up to 30 % sooner). */
  reconnectMinSec?: number;
  reconnectMaxSec?: number;
}

/** What JsSIP needs from a socket, plus an optional last error for messages. */
export interface PhoneSocket {
  via_transport: string;
  readonly url: string;
  readonly sip_uri: string;
  connect(): void;
  disconnect(): void;
  send(message: string): boolean;
  isConnected(): boolean;
  isConnecting(): boolean;
  onconnect: () => void;
  ondisconnect: (error: boolean, code?: number, reason?: string) => void;
  ondata: (data: string) => void;
  lastError?: SocketErrorInfo | null;
}

export interface StartMonitorRequest {
  /** Agent extension (dial-plan profiles) or a label for the call (auto-answer). */
  target: string;
  mode: SupervisionMode;
  /** Override the account's profile for this call. */
  profile?: PbxProfile;
}

/** What the platform must be given for the monitor leg (Connector.startSupervision). */
export interface MonitorPreparation {
  /** Auto-answer profile only: the single-use token the platform's INVITE must carry. */
  monitorToken?: string;
}

/** An INVITE the phone declined (not a leg this supervisor asked for). */
export interface DeclinedCall {
  /** The caller as written in From, cleaned for display (callerLabel). */
  caller: string;
  status: number;
  reason: string;
}

export interface Softphone {
  register(account: SipAccount): Promise<PhoneStatus>;
  unregister(): Promise<PhoneStatus>;
  status(): PhoneStatus;
  onStatus(listener: (status: PhoneStatus) => void): () => void;
  /**
   * Before the connector asks the platform to add the supervisor: on the
   * auto-answer profile, mint the token the platform's INVITE must carry (it
   * may arrive before startMonitor is called). Replaces any earlier request.
   */
  prepareMonitor(req: StartMonitorRequest): MonitorPreparation;
  /** The connector call failed: the prepared token answers nothing any more. */
  withdrawMonitorRequest(): void;
  startMonitor(req: StartMonitorRequest): Promise<MonitorStatus>;
  setMode(mode: SupervisionMode): Promise<MonitorStatus>;
  /** The handset: ends the supervisor's leg only. */
  end(): Promise<void>;
}

export class PhoneError extends Error {
  constructor(readonly problem: PhoneProblem) {
    super(problem.message);
    this.name = 'PhoneError';
  }
}

export interface SoftphoneDeps {
  mediaHost: MediaHost;
  /** Socket factory; defaults to NodeWsSocket (ws/wss). The demo PBX passes an in-process socket. */
  createSocket?: (account: SipAccount) => PhoneSocket;
  /** Told about every INVITE that was declined, so the supervisor can be. */
  onDeclinedCall?: (call: DeclinedCall) => void;
  /** Clock for monitor-token expiry (default Date.now). */
  now?: () => number;
  log?: (line: string) => void;
  /** STUN/TURN servers and transport policy for each new peer, read when the peer is made (default: none, all paths). */
  iceConfig?: () => IceConfig;
  /** Re-attach bounds after the media host went away (default: reattach.ts). */
  reattachBounds?: { hostWaitMs?: number; audioWaitMs?: number };
  /** Reconnect timers and jitter source (tests: a fake clock; default real timers, Math.random). */
  timers?: KeeperTimers;
  random?: () => number;
  /** How long a monitor leg paused by a network loss waits for the phone to come back (default LEG_RECOVERY_GRACE_MS). */
  legRecoveryGraceMs?: number;
}

let monitorCounter = 0;

export class JsSipSoftphone implements Softphone {
  private readonly events = new EventEmitter();
  private ua: JsSIP.UA | null = null;
  private socket: PhoneSocket | null = null;
  private keeper: ConnectionKeeper | null = null;
  private account: SipAccount | null = null;
  private monitor: MonitorSession | null = null;
  /** The privacy mute the core asked for (setPlaybackMuted); a leg set up meanwhile starts with it. */
  private playbackMuted = false;
  private current: PhoneStatus = { registration: 'unregistered', monitor: null };
  /** Auto-answer profile: the one monitor request the platform may call back on. */
  private pending: PendingMonitorCall | null = null;

  constructor(private readonly deps: SoftphoneDeps) {
    installJsSipWebRtcGlobals();
  }

  status(): PhoneStatus {
    return { ...this.current, monitor: this.monitor ? this.monitor.status() : this.current.monitor };
  }

  onStatus(listener: (s: PhoneStatus) => void): () => void {
    this.events.on('status', listener);
    return () => this.events.off('status', listener);
  }

  /** The JsSIP UA, for tests and diagnostics. */
  get userAgent(): JsSIP.UA | null {
    return this.ua;
  }
  get transport(): PhoneSocket | null {
    return this.socket;
  }

  async register(account: SipAccount): Promise<PhoneStatus> {
    if (this.ua) await this.unregister();
    this.account = account;
    const socket = this.deps.createSocket
      ? this.deps.createSocket(account)
      : new NodeWsSocket(account.wsUrl, { rejectUnauthorized: account.rejectUnauthorized ?? true, ca: account.ca });
    this.socket = socket;
    const ua = new JsSIP.UA({
      sockets: [socket as unknown as JsSIP.Socket],
      uri: account.uri,
      password: account.password,
      authorization_user: account.authorizationUser,
      display_name: account.displayName,
      register: true,
      register_expires: account.registerExpiresSec ?? 300,
      session_timers: false,
      connection_recovery_min_interval: JSSIP_RECOVERY_OFF_SEC,
      connection_recovery_max_interval: JSSIP_RECOVERY_OFF_SEC,
      user_agent: 'Spyglass',
    });
    this.ua = ua;
    const server = socket.url;
    const user = account.uri;
    const keeper = new ConnectionKeeper({
      transport: jsSipTransportOf(ua),
      ...(this.deps.timers ? { timers: this.deps.timers } : {}),
      ...(this.deps.random ? { random: this.deps.random } : {}),
      policy: { ...DEFAULT_RECONNECT_POLICY, firstMs: (account.reconnectMinSec ?? 1) * 1000, maxMs: (account.reconnectMaxSec ?? 30) * 1000 },
      onChange: (view) => {
        if (this.ua === ua) this.showKeeper(view);
      },
      log: (line) => this.log(line),
    });
    this.keeper = keeper;
    this.update({ registration: 'connecting', server, user, problem: undefined, ...NO_RECOVERY });

    const firstOutcome = new Promise<void>((resolve) => {
      ua.on('connected', () => {
        if (this.ua === ua) keeper.connected();
      });
      ua.on('registered', () => {
        if (this.ua !== ua) return;
        keeper.registered();
        const back = keeper.current().recoveredAt;
        this.update({ registration: 'registered', problem: undefined, ...NO_RECOVERY, reRegisteredAt: back });
        // A leg paused by the outage moves onto the network that came back.
        if (this.monitor?.pausedForNetwork) this.monitor.restartIce();
        resolve();
      });
      ua.on('registrationFailed', (e) => {
        const code = (e.response as { status_code?: number } | undefined)?.status_code;
        this.update({ registration: 'failed', problem: problemFromRegistration(e.cause, code) });
        resolve();
      });
      ua.on('disconnected', () => {
        if (this.ua !== ua) return;
        cancelJsSipRecovery(ua);
        // Never a half-live leg: paused with the mic off until the phone is back, or ended.
        this.monitor?.pauseForNetwork(this.deps.legRecoveryGraceMs);
        this.update({ registration: 'reconnecting', problem: problemFromSocket(socket.lastError ?? null, server), reRegisteredAt: undefined });
        keeper.disconnected();
        resolve();
      });
      ua.on('unregistered', () => {
        if (this.current.registration === 'registered') this.update({ registration: 'connecting' });
      });
    });
    ua.on('newRTCSession', (e: { originator: string; session: RTCSession; request: unknown }) => {
      if (e.originator === 'remote') this.onIncoming(e.session, e.request as JsSipIncomingRequest);
    });
    ua.start();
    await firstOutcome;
    return this.status();
  }

  async unregister(): Promise<PhoneStatus> {
    const ua = this.ua;
    if (!ua) return this.status();
    this.monitor?.end();
    this.withdrawMonitorRequest();
    this.ua = null;
    this.keeper?.stop();
    this.keeper = null;
    const socket = this.socket;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 1500);
      const done = () => {
        clearTimeout(t);
        resolve();
      };
      ua.once('unregistered', done);
      ua.once('registrationFailed', done);
      if (!ua.isRegistered()) done();
      ua.stop();
    });
    // JsSIP keeps the transport up to 2 s for lingering transactions; we are done with it.
    socket?.disconnect();
    ua.removeAllListeners();
    this.update({ registration: 'unregistered', problem: undefined, ...NO_RECOVERY, reRegisteredAt: undefined });
    return this.status();
  }

  /**
   * The host saw the machine sleep or wake, or the network go, come back or
   * change: reconnect at once where that helps (ConnectionKeeper), and say so.
   */
  networkEvent(event: NetworkEvent): void {
    this.keeper?.network(event);
  }

  prepareMonitor(req: StartMonitorRequest): MonitorPreparation {
    const profile = req.profile ?? this.account?.profile;
    if (profile?.kind !== 'auto-answer') return {};
    this.withdrawMonitorRequest();
    const token = mintMonitorToken();
    this.pending = { request: issueMonitorRequest(token, this.now(), profile.monitorTokenTtlMs), req: { ...req, profile }, claimed: false };
    return { monitorToken: token };
  }

  withdrawMonitorRequest(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    p.waiter?.reject(new PhoneError({ code: 'UNAVAILABLE', message: 'The monitor request was withdrawn.', action: 'Start monitoring again.' }));
    // A leg the platform set up for a request nobody went on with is hung up.
    if (p.leg && !p.claimed && !p.leg.isOver) p.leg.end();
  }

  async startMonitor(req: StartMonitorRequest): Promise<MonitorStatus> {
    const ua = this.ua;
    const account = this.account;
    if (!ua || !account || this.current.registration !== 'registered') {
      throw new PhoneError({
        code: 'SERVER_UNREACHABLE',
        message: 'The phone is not registered.',
        action: this.current.problem?.action ?? 'Check the SIP account in Settings.',
      });
    }
    // On the auto-answer profile the platform may already have called: that leg is this monitor, not a busy phone.
    const early = this.pending?.leg;
    if ((this.monitor && !this.monitor.isOver && this.monitor !== early) || this.pending?.waiter) {
      throw new PhoneError({ code: 'BUSY', message: 'A voice monitor is already running.', action: 'End it with the handset first.' });
    }
    const profile = req.profile ?? account.profile;
    let m: MonitorSession;
    if (profile.kind === 'auto-answer') {
      m = await this.claimAutoAnswerLeg();
    } else {
      const uri = monitorTargetUri(profile, req.target, domainOf(account.uri));
      const session = withJsSipWindow(() =>
        ua.call(uri, {
          mediaConstraints: { audio: false, video: false },
          pcConfig: this.pcConfig() as never,
          rtcOfferConstraints: {},
        }),
      );
      const answerTimeoutMs = account.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_SECONDS * 1000;
      m = this.adopt(
        new MonitorSession(
          { id: `mon${++monitorCounter}`, target: req.target, profile, mode: req.mode, iceGatheringGraceMs: account.iceGatheringGraceMs !== undefined ? account.iceGatheringGraceMs : iceGatheringGraceMs(this.iceConfig()), answerTimeoutMs, playbackMuted: this.playbackMuted, qualityWindowMs: account.qualityWindowMs, ...this.reattachInit() },
          session,
        ),
      );
    }
    return m.settled;
  }

  async setMode(mode: SupervisionMode): Promise<MonitorStatus> {
    if (!this.monitor || this.monitor.isOver) {
      throw new PhoneError({ code: 'NOT_FOUND', message: 'No voice monitor is running.', action: 'Start monitoring a call first.' });
    }
    if (this.monitor.isReattaching) {
      throw new PhoneError({
        code: 'UNAVAILABLE',
        message: 'Your monitoring audio is reconnecting after the window reloaded.',
        action: 'Switch modes once the toolbar says monitoring again.',
      });
    }
    return this.monitor.setMode(mode);
  }

  /**
   * Silence (or restore) the monitor leg's playback: Spyglass' own rule-2
   * enforcement while a channel spy still sends a held customer. Remembered for
   * a leg that is being set up.
   */
  setPlaybackMuted(muted: boolean): void {
    this.playbackMuted = muted;
    this.monitor?.setPlaybackMuted(muted);
  }

  async end(): Promise<void> {
    const m = this.monitor;
    if (!m || m.isOver) return;
    m.end();
    await Promise.race([m.finished, new Promise((r) => setTimeout(r, 3000))]);
  }

  /**
   * The renderer's media host (re)attached and holds `pcIds` (`media:hostReady`).
   * A monitor whose peer is not among them (the page reloaded) is moved onto a
   * new peer there with a re-INVITE of its dialog (MonitorSession.reattach).
   */
  mediaHostReady(pcIds: string[]): void {
    const m = this.monitor;
    const id = (m?.peer as { id?: string } | null)?.id;
    if (m && !m.isOver && id && !pcIds.includes(id)) m.reattach();
  }

  /**
   * The screen hosting the media went away (a reload, a closed tab, a crashed
   * media window): the leg waits, microphone off, for the next media host; none
   * within the bound ends it (reattach.ts).
   */
  mediaHostGone(): void {
    const m = this.monitor;
    if (m && !m.isOver) m.mediaDetachedFromHost();
  }

  /** The monitor leg, for tests and the demo. */
  get activeMonitor(): MonitorSession | null {
    return this.monitor;
  }

  // ---------------------------------------------------------------- internals

  /** The keeper's view in the status: attempt, when the next one is, why the connection went. */
  private showKeeper(view: KeeperView): void {
    if (view.phase === 'up' || this.current.registration !== 'reconnecting') {
      if (view.offline !== !!this.current.offline) this.update({ offline: view.offline || undefined });
      return;
    }
    this.update({ reconnectAttempt: view.attempt || undefined, retryAt: view.retryAt, lostBecause: view.cause, offline: view.offline || undefined });
  }

  private reattachInit(): { reattachHostWaitMs?: number; reattachAudioWaitMs?: number } {
    const b = this.deps.reattachBounds;
    return { ...(b?.hostWaitMs !== undefined ? { reattachHostWaitMs: b.hostWaitMs } : {}), ...(b?.audioWaitMs !== undefined ? { reattachAudioWaitMs: b.audioWaitMs } : {}) };
  }

  private iceConfig(): IceConfig {
    return this.deps.iceConfig?.() ?? { iceServers: [], iceTransportPolicy: 'all' };
  }

  private pcConfig(): Record<string, unknown> {
    const ice = this.iceConfig();
    return pcConfigWith((config) => new RemotePeerConnection(this.deps.mediaHost, config), { ...ice });
  }

  private adopt(m: MonitorSession): MonitorSession {
    this.monitor = m;
    m.on('change', () => this.emitStatus());
    m.finished.then((s) => {
      if (this.monitor === m) {
        this.monitor = null;
        this.current = { ...this.current, monitor: s };
        this.emitStatus();
      }
    });
    this.emitStatus();
    return m;
  }

  /**
   * Prepared auto-answer legs are claimed once: at once if the platform's
   * INVITE came while the connector call was still running, otherwise when it
   * comes, or the token expires and nothing will be answered any more.
   */
  private claimAutoAnswerLeg(): Promise<MonitorSession> {
    const p = this.pending;
    if (!p || p.claimed) {
      return Promise.reject(
        new PhoneError({
          code: 'UNAVAILABLE',
          message: 'The platform was not asked to call this phone for this monitor.',
          action: 'Start monitoring again from Spyglass.',
        }),
      );
    }
    p.claimed = true;
    if (p.leg) return Promise.resolve(p.leg);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        p.waiter = undefined;
        reject(
          new PhoneError({
            code: 'UNAVAILABLE',
            message: 'The platform did not call the supervisor phone in time.',
            action: 'Check that the platform knows this supervisor’s SIP address and sends the monitor token, then try again.',
          }),
        );
      }, Math.max(0, p.request.expiresAt - this.now()));
      p.waiter = {
        resolve: (m) => {
          clearTimeout(timer);
          p.waiter = undefined;
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          p.waiter = undefined;
          reject(e);
        },
      };
    });
  }

  /** Answers only the leg this supervisor requested (autoAnswer.ts); everything else is declined and reported. */
  private onIncoming(session: RTCSession, request: JsSipIncomingRequest): void {
    const p = this.pending;
    const decision = decideIncomingInvite({
      headers: jssipHeaders(request),
      overOurConnection: this.cameOverOurConnection(request),
      monitorRequest: p?.request ?? null,
      busy: !!this.monitor && !this.monitor.isOver,
      now: this.now(),
    });
    if (!decision.answer || !p) {
      const status = decision.answer ? 603 : decision.status;
      const reason = decision.answer ? 'no monitor request is waiting for a call' : decision.reason;
      const caller = callerOf(request.from);
      this.log(`declined INVITE from ${caller} with ${status}: ${reason}`);
      session.terminate({ status_code: status, reason_phrase: status === 486 ? 'Busy Here' : 'Decline' });
      this.deps.onDeclinedCall?.({ caller, status, reason });
      return;
    }
    p.request = spendMonitorRequest(p.request);
    const { target, mode, profile } = p.req;
    const leg = this.adopt(new MonitorSession({ id: `mon${++monitorCounter}`, target, profile: profile!, mode, playbackMuted: this.playbackMuted, qualityWindowMs: this.account?.qualityWindowMs, ...this.reattachInit() }, session));
    p.leg = leg;
    session.answer({ mediaConstraints: { audio: false, video: false }, pcConfig: this.pcConfig() as never });
    p.waiter?.resolve(leg);
  }

  /** The INVITE came in on the one socket register() opened to the configured server. */
  private cameOverOurConnection(request: JsSipIncomingRequest): boolean {
    const socket = this.socket;
    // JsSIP's typings omit UA.transport; it is the Transport every incoming request is tagged with.
    const transport = (this.ua as unknown as { transport?: { socket?: unknown } } | null)?.transport;
    return !!socket && !!transport && request.transport === transport && transport.socket === socket && socket.isConnected();
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private update(patch: Partial<PhoneStatus>): void {
    const next = { ...this.current, ...patch };
    for (const k of Object.keys(patch) as (keyof PhoneStatus)[]) if (patch[k] === undefined) delete next[k];
    this.current = next;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.events.emit('status', this.status());
  }

  private log(line: string): void {
    this.deps.log?.(`[phone] ${line}`);
  }
}

interface JsSipIncomingRequest {
  getHeaders(name: string): string[];
  from?: { uri?: unknown; display_name?: unknown };
  /** JsSIP's Transport the request arrived on (set by the UA before receiveRequest). */
  transport?: unknown;
}

interface PendingMonitorCall {
  request: MonitorRequest;
  req: StartMonitorRequest & { profile: PbxProfile };
  /** The platform's leg, once its INVITE matched the token. */
  leg?: MonitorSession;
  /** startMonitor took this request (once). */
  claimed: boolean;
  waiter?: { resolve: (m: MonitorSession) => void; reject: (e: Error) => void };
}

const NO_RECOVERY = { reconnectAttempt: undefined, retryAt: undefined, lostBecause: undefined, offline: undefined } as const;

/** JsSIP's Transport (one per UA): what ConnectionKeeper drives. Its typings omit `UA.transport`. */
interface JsSipTransport {
  connect(): void;
  disconnect(): void;
  isConnected(): boolean;
  isConnecting(): boolean;
  recovery_timer: ReturnType<typeof setTimeout> | null;
}

const transportOf = (ua: JsSIP.UA): JsSipTransport => (ua as unknown as { transport: JsSipTransport }).transport;

function jsSipTransportOf(ua: JsSIP.UA): KeeperTransport {
  return {
    connect: () => transportOf(ua).connect(),
    drop: () => transportOf(ua).disconnect(),
    isConnected: () => transportOf(ua).isConnected(),
    isConnecting: () => transportOf(ua).isConnecting(),
  };
}

/** JsSIP scheduled its own reconnect (a day away, see JSSIP_RECOVERY_OFF_SEC): ours replaces it. */
function cancelJsSipRecovery(ua: JsSIP.UA): void {
  const t = transportOf(ua);
  if (t.recovery_timer !== null) clearTimeout(t.recovery_timer);
  t.recovery_timer = null;
}

const domainOf = (uri: string): string => {
  const m = /^sips?:(?:[^@]+@)?([^;?>]+)/i.exec(uri);
  if (!m?.[1]) throw new Error(`Invalid SIP URI: ${uri}`);
  return m[1];
};
