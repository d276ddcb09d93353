import { createHash } from 'node:crypto';
import type { SupervisionMode } from '../../preload/contract';
import { CommandError } from '../../preload/contract';
import type { AudioDevices, PhoneStatus } from '../../preload/contract/phone';
import type { Handlers } from '../core/dispatch';
import type { Logger } from '../core/logger';
import type { EventSink } from '../core/SupervisorCore';
import type { VoicePhone } from '../core/VoicePhone';
import type { ConfigService } from '../config/ConfigService';
import { DemoPbx } from '../phone/demoPbx/demoPbx';
import { demoDirectory, type DemoDirectoryView } from '../phone/demoPbx/demoDirectory';
import { demoVoicesFor } from '../phone/demoPbx/demoVoices';
import { createMediaHostChannel, type MediaHostChannel } from '../phone/mediaHost';
import { asteriskChanSpy, autoAnswer, freeswitchEavesdrop, pbxMixingOf, type PbxProfile } from '../phone/pbxProfiles';
import { declinedCallNotice, gateDeclinedNotice, type NoticeGate } from '../phone/autoAnswer';
import { phoneHandlers } from '../phone/phoneHandlers';
import { ModeChangeError } from '../phone/monitorSession';
import { NodeWsSocket } from '../phone/nodeWsSocket';
import type { TrustAdvice } from '../phone/tls/certificateProblem';
import { createTrustStore, type TrustStore } from '../phone/tls/trustStore';
import { trustView } from '../phone/tls/trustView';
import { TurnRestSource } from '../phone/turnRestSource';
import { iceConfigFrom } from '../phone/iceConfig';
import type { IceConfig } from '../../preload/contract/ice';
import { JsSipSoftphone, PhoneError, type SipAccount } from '../phone/softphone';
import type { NetworkEvent } from '../phone/networkEvents';
import { startNetworkWatch } from '../phone/networkWatch';

export interface PhoneWiring {
  voice: VoicePhone;
  handlers: Handlers;
  /** Call once the core exists: events go out through it. */
  connect(
    emitStatus: (status: PhoneStatus) => void,
    emitRequest: (sink: EventSink, request: unknown) => void,
    emitDevices: (sink: EventSink, devices: AudioDevices) => void,
    /** A notice for the supervisor (e.g. a declined unrequested call). */
    notify?: (text: string) => void,
  ): void;
  /** A screen went away; if it hosted the media, its peers are gone. */
  screenClosed(sink: EventSink): void;
  /** Demo mode: the demo PBX answers from the core's view of the contact center (unknown extension 404, coached elsewhere 486). */
  lookUpCallsIn(view: () => DemoDirectoryView): void;
  start(): Promise<void>;
  /** The host saw the machine sleep or wake, or the network change (Electron's powerMonitor; main's own watch). */
  network(event: NetworkEvent): void;
  /**
   * The SIP password was set or cleared: register again with it. (Profile,
   * server, user, feature code and DTMF method are followed through settings.)
   */
  accountChanged(): Promise<void>;
}

/**
 * Joins the JsSIP softphone to the core. In demo mode the softphone
 * registers with the in-process demo PBX; otherwise with the PBX from
 * settings/IT policy. Media runs in whichever screen announced itself with
 * `media:hostReady` (a hidden media window in Electron, the page in a browser).
 */
export function createPhoneWiring(
  config: ConfigService,
  log: Logger,
  /** The SIP password: the secret store, else SPYGLASS_SIP_PASSWORD (labs/tests). Never a setting. */
  sipPassword: () => Promise<string | undefined> = async () => process.env.SPYGLASS_SIP_PASSWORD,
  /** The TURN password (static credential): the secret store, else SPYGLASS_TURN_PASSWORD. Never a setting. */
  turnPassword: () => Promise<string | undefined> = async () => process.env.SPYGLASS_TURN_PASSWORD,
  /** Which CAs wss:// trusts: Node's roots, the OS store and the IT policy's phone.caFile (tls/trustStore.ts). */
  trustStore?: TrustStore,
): PhoneWiring {
  let mediaSink: EventSink | undefined;
  let emitRequest: (sink: EventSink, request: unknown) => void = () => {};
  let emitStatus: (status: PhoneStatus) => void = () => {};
  let emitDevices: (sink: EventSink, devices: AudioDevices) => void = () => {};
  let notify: (text: string) => void = () => {};
  let declinedGate: NoticeGate = { lastAt: null, suppressed: 0 };
  // '' is the system default for the media host; settings store 'default'.
  const devices = (): AudioDevices => ({
    inputId: config.get('audio.input') === 'default' ? '' : config.get('audio.input'),
    outputId: config.get('audio.output') === 'default' ? '' : config.get('audio.output'),
  });
  // Whoever hosts the media follows the chosen devices, whichever way they were changed.
  config.onChange(() => {
    if (mediaSink) emitDevices(mediaSink, devices());
  });
  // The SIP account follows settings too (applyAccount below compares, so unrelated settings change nothing).
  config.onChange(() => void applyAccount());

  const channel: MediaHostChannel = createMediaHostChannel((request) => {
    if (!mediaSink) throw new Error('No Spyglass window is hosting audio. Open the Spyglass window, then try again.');
    emitRequest(mediaSink, request);
  });

  const isDemo = () => config.get('phone.profile') === 'demo';
  // composeCore hands the core's view over before anything is dialled; without one the demo PBX answers any extension.
  let directoryView: (() => DemoDirectoryView) | undefined;
  const directory = demoDirectory(() => directoryView?.() ?? { supervisorId: '', agents: new Map(), interactions: new Map() });
  // Always there (cheap, no I/O): the profile can be switched to or from demo without a restart.
  const demoPbx = new DemoPbx({
    mediaHost: channel.host,
    isKnownExtension: (extension) => !directoryView || directory.isKnownExtension(extension),
    isBusy: (extension) => !!directoryView && directory.isBusy(extension),
  });
  // Only the IT policy may add a CA (a user's settings cannot); read at every (re)registration over wss://.
  const trust = trustStore ?? createTrustStore({ policyCaFile: () => (config.isLocked('phone.caFile') ? config.get('phone.caFile') : '') });
  let trustAdvice: TrustAdvice = {};
  let lastTrustProblem = '';
  const softphone = new JsSipSoftphone({
    mediaHost: channel.host,
    createSocket: (account) =>
      account.profile === demoPbx.profile
        ? demoPbx.createSocket()
        : new NodeWsSocket(account.wsUrl, { rejectUnauthorized: account.rejectUnauthorized ?? true, ...(account.ca ? { ca: account.ca } : {}), trust: trustAdvice }),
    log: (line) => log.info(`phone: ${line}`),
    iceConfig: () => iceConfig(),
    // The supervisor hears of every call the phone would not answer (at most one notice per window).
    onDeclinedCall: ({ caller, reason }) => {
      const gated = gateDeclinedNotice(declinedGate, Date.now());
      declinedGate = gated.gate;
      if (gated.notify) notify(declinedCallNotice(caller, reason, gated.alsoDeclined));
    },
  });

  // The SIP password is a secret: never in settings or policy files. Read from the store whenever the account may have changed.
  let password = '';
  const loadPassword = async () => {
    try {
      password = (await sipPassword()) ?? '';
    } catch (e) {
      password = '';
      log.warn(`phone: the SIP password could not be read: ${(e as Error).message}`);
    }
    try {
      turnCredential = (await turnPassword()) || undefined;
    } catch (e) {
      turnCredential = undefined;
      log.warn(`phone: the TURN password could not be read: ${(e as Error).message}`);
    }
  };
  // ICE servers apply to the next peer (no re-registration). The demo PBX's far end is in the same renderer: no servers, all paths.
  let turnCredential: string | undefined;
  let lastIceProblem = '';
  const iceConfig = (): IceConfig => {
    if (isDemo()) return { iceServers: [], iceTransportPolicy: 'all' };
    const r = iceConfigFrom({
      stunServers: config.get('phone.stunServers'),
      turnServers: config.get('phone.turnServers'),
      turnUsername: config.get('phone.turnUsername'),
      turnCredential,
      iceTransportPolicy: config.get('phone.iceTransportPolicy'),
      ...turnRestIce(),
    });
    const problem = r.ok ? r.warnings.join(' ') : r.error;
    if (problem && problem !== lastIceProblem) log.warn(`phone: ${problem}`);
    lastIceProblem = problem;
    return r.config;
  };
  const account = (): SipAccount | null => {
    if (isDemo()) return demoPbx.account();
    const server = config.get('phone.server');
    const user = config.get('phone.user');
    if (!server || !user) return null;
    return {
      wsUrl: server,
      uri: user.startsWith('sip:') ? user : `sip:${user}`,
      password,
      profile: profileFor(config.get('phone.profile'), config),
      answerTimeoutMs: config.get('phone.answerTimeoutSeconds') * 1000,
    };
  };

  const legEnded = new Set<(reason: string) => void>();
  let lastMonitorId: string | undefined;
  // The account the phone last registered with (a digest: the password is part of it), and whether a change waits for the leg to end.
  let registeredKey: string | undefined;
  let changeWaitsForLeg = false;
  const monitoring = () => {
    const m = softphone.status().monitor;
    return !!m && m.state !== 'ended' && m.state !== 'failed';
  };
  /**
   * Registers with the account as settings and the secret store have it now,
   * when it differs from the one in use: a changed profile, server, user,
   * password, feature code or DTMF method applies without a restart. Never
   * under a live monitoring leg (that would drop it): then it waits for the
   * leg to end. Serialized, so quick edits end on the last one.
   */
  let applying: Promise<void> = Promise.resolve();
  const applyAccount = (): Promise<void> => (applying = applying.then(applyAccountNow, applyAccountNow));
  async function applyAccountNow(): Promise<void> {
    await loadPassword();
    const next = account();
    if (next && /^wss:/i.test(next.wsUrl)) await applyTrust(next);
    const key = accountKey(next);
    if (key === registeredKey) return;
    if (monitoring()) {
      if (!changeWaitsForLeg) notify('The new phone settings apply when you stop monitoring; the current call is not interrupted.');
      changeWaitsForLeg = true;
      return;
    }
    const first = registeredKey === undefined;
    registeredKey = key;
    // Bounded (at most ~1.5 s); then the new account registers in the background, so a slow server never blocks the next change.
    await softphone.unregister();
    if (!next) {
      log.info('phone: no SIP account set up; voice monitoring will ask for one.');
      return;
    }
    if (!first) log.info(`phone: registering again as ${next.uri} at ${next.wsUrl} (settings changed).`);
    softphone.register(next).catch((e: Error) => log.warn(`phone: registration failed: ${e.message}`));
  }
  /**
   * TURN REST: ephemeral credentials from IT's service (the seat never holds the shared secret), fetched
   * when the URL is set and refreshed at half their lifetime; trusted like the wss:// server (same CAs).
   */
  const turnRest = new TurnRestSource({
    url: () => (isDemo() ? '' : config.get('phone.turnCredentialsUrl')),
    sipUser: () => config.get('phone.user'),
    ca: async () => (await trust.snapshot()).ca,
    onProblem: (problem) => {
      if (!problem) return log.info('phone: TURN credentials fetched from the TURN credentials service.');
      log.warn(`phone: ${problem}`);
      notify(problem);
    },
  });
  config.onChange(() => void turnRest.follow());
  const turnRestIce = () => turnRest.ice();

  /** The CAs a wss:// account trusts, and the notice when the policy's CA file cannot be used (the other roots still apply). */
  async function applyTrust(next: SipAccount): Promise<void> {
    const snap = await trust.snapshot();
    next.ca = snap.ca;
    const policyCaFile = snap.sources.find((x) => x.kind === 'policy')?.from;
    trustAdvice = {
      policyPath: config.view().policyPath,
      ...(policyCaFile ? { policyCaFile } : {}),
      ...(snap.policyCaProblem ? { policyCaProblem: snap.policyCaProblem } : {}),
    };
    const problem = snap.policyCaProblem ?? '';
    if (problem && problem !== lastTrustProblem) {
      log.warn(`phone: the CA file in the IT policy cannot be used: ${problem}`);
      notify(`The CA file in the IT policy (phone.caFile) cannot be used: ${problem} Servers whose certificates come from that CA are refused until IT fixes it.`);
    }
    if (snap.systemProblem) log.warn(`phone: ${snap.systemProblem}; wss:// trusts Node's bundled roots and the IT policy's CA file only.`);
    lastTrustProblem = problem;
  }
  softphone.onStatus((status) => {
    emitStatus(status);
    if (changeWaitsForLeg && !monitoring()) {
      changeWaitsForLeg = false;
      void applyAccount();
    }
    const m = status.monitor;
    if (m && (m.state === 'ended' || m.state === 'failed') && m.endedBy && m.endedBy !== 'supervisor' && m.id !== lastMonitorId) {
      lastMonitorId = m.id;
      const reason = m.problem ? `${m.problem.message} ${m.problem.action}` : m.endedBy === 'far-end' ? 'The PBX ended your monitoring leg.' : 'Your monitoring leg was lost.';
      legEnded.forEach((l) => l(reason));
    }
  });

  const asCommandError = (e: unknown): never => {
    if (e instanceof PhoneError || e instanceof ModeChangeError) throw new CommandError('UNAVAILABLE', `${e.problem.message} ${e.problem.action}`.trim());
    throw new CommandError('UNAVAILABLE', `The phone could not do that: ${(e as Error).message}`);
  };

  const voice: VoicePhone = {
    // The label is what the leg shows until it is claimed; the agent's station is not known to the platform's call.
    prepareMonitor: (mode) => softphone.prepareMonitor({ target: 'platform call', mode }),
    withdrawMonitorRequest: () => softphone.withdrawMonitorRequest(),
    async startMonitor(target: string, mode: SupervisionMode) {
      if (!mediaSink) throw new CommandError('UNAVAILABLE', 'No Spyglass window is hosting audio. Reopen the Spyglass window, then try again.');
      try {
        const status = await softphone.startMonitor({ target, mode });
        if (status.state === 'failed' || status.state === 'ended') {
          throw new CommandError('UNAVAILABLE', status.problem ? `${status.problem.message} ${status.problem.action}` : 'The monitoring call could not be connected.');
        }
        lastMonitorId = undefined;
        // The leg is up but the PBX did not take the first mode: say what is really in effect.
        if (status.mode !== mode) return { mode: status.mode, notice: status.problem ? `${status.problem.message} ${status.problem.action}` : undefined };
      } catch (e) {
        if (e instanceof CommandError) throw e;
        asCommandError(e);
      }
    },
    async setMode(mode) {
      try {
        await softphone.setMode(mode);
      } catch (e) {
        asCommandError(e);
      }
    },
    currentMode: () => {
      const m = softphone.status().monitor;
      return m && m.state !== 'ended' && m.state !== 'failed' ? m.mode : undefined;
    },
    end: () => softphone.end(),
    followCall: (interaction, picked) => {
      if (isDemo()) demoPbx.followCall(demoVoicesFor(interaction, picked));
    },
    pbxMixing: () => pbxMixingOf(config.get('phone.profile')),
    mutePlayback: (muted) => softphone.setPlaybackMuted(muted),
    onLegEnded(listener) {
      legEnded.add(listener);
      return () => legEnded.delete(listener);
    },
  };

  // Sleep and network changes reconnect a real PBX's phone; the in-process demo PBX has no network to lose.
  const network = (event: NetworkEvent): void => {
    if (isDemo()) return;
    log.info(`phone: network ${event.kind} (${event.source})`);
    softphone.networkEvent(event);
  };
  let stopWatch: (() => void) | undefined;

  const base = phoneHandlers({
    softphone,
    media: channel,
    networkEvent: network,
    account,
    setDevices: (chosen) => {
      config.set('audio.input', chosen.inputId || 'default');
      config.set('audio.output', chosen.outputId || 'default');
      return devices();
    },
  });
  const handlers: Handlers = {
    ...base,
    'phone:trust': async () => trustView(await trust.snapshot()),
    'media:hostReady': (request, context) => {
      // The screen that says it hosts media receives every later media request.
      if (context.source) {
        mediaSink = context.source as EventSink;
        emitDevices(mediaSink, devices());
      }
      return base['media:hostReady']!(request, context);
    },
  };

  return {
    voice,
    handlers,
    connect(statusOut, requestOut, devicesOut, notifyOut) {
      if (notifyOut) notify = notifyOut;
      emitStatus = statusOut;
      emitRequest = requestOut;
      emitDevices = devicesOut;
    },
    lookUpCallsIn(view) {
      directoryView = view;
    },
    screenClosed(sink) {
      if (sink !== mediaSink) return;
      mediaSink = undefined;
      channel.detach('The window hosting audio closed.');
      // The leg waits (mic off) for the next screen to host its audio, then moves there (re-INVITE).
      softphone.mediaHostGone();
    },
    start: () => {
      void turnRest.follow();
      stopWatch ??= startNetworkWatch(network);
      return applyAccount();
    },
    network,
    accountChanged: () => applyAccount(),
  };
}

/** What identifies the account in use; the password only as a digest, so the key can never leak it. */
function accountKey(a: SipAccount | null): string {
  if (!a) return 'none';
  const password = createHash('sha256').update(a.password).digest('hex');
  // A changed CA file in policy registers again too.
  const ca = a.ca ? createHash('sha256').update([a.ca].flat().join('')).digest('hex') : '';
  return JSON.stringify([a.wsUrl, a.uri, password, a.profile, ca]);
}

function profileFor(name: string, config: ConfigService): PbxProfile {
  const featureCode = config.get('phone.featureCode');
  const dtmf = config.get('phone.dtmfMethod');
  switch (name) {
    case 'freeswitch-eavesdrop':
      return freeswitchEavesdrop({ featureCode, dtmfMethod: dtmf, liberalDtmf: config.get('phone.liberalDtmf') });
    case 'auto-answer':
      // Trust comes from the monitor token on our own connection, never from a host name in the INVITE.
      return autoAnswer();
    default:
      return asteriskChanSpy({ featureCode, dtmfMethod: dtmf });
  }
}
