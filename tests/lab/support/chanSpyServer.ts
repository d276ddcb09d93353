/**
 * A lab feature server that behaves like Asterisk ChanSpy, for audio checks.
 * A JsSIP UA on werift (PCMU only, so it can mix in JS) registered at
 * Kamailio under the dialled feature string. It hosts two virtual call
 * parties — the agent (500 Hz tone) and the customer (1200 Hz tone) — and:
 *  - sends the supervisor the agent + customer mix; while the agent holds the
 *    customer, what a real ChanSpy sends (docs/asterisk/proof-2026-12-01.md
 *    §3.1): the held customer, who still reaches the agent's channel, and no
 *    agent (the holding phone sends nothing). FreeSWITCH mode keeps the old
 *    "only the picked party" (not measured there);
 *  - switches mode on SIP INFO digits (4 listen, 5 whisper, 6 barge);
 *  - mixes what it receives from the supervisor into the agent's ear in
 *    whisper and barge, and into the customer's ear in barge only, and
 *    records how loud the supervisor is in each ear.
 *
 * And ChanSpy's real habits (docs/asterisk/chanspy-findings.md, measured on a
 * real Asterisk), so CI sees them:
 *  - after the 200 OK, __ast_answer waits up to 500 ms for the supervisor's
 *    first media frame (RTP or a digit), then ast_waitfordigit(100): a digit
 *    end in either wait is thrown away ("DTMF end '6' received" then
 *    "Spying on channel …" with no mode change). Only once spying has begun do
 *    4/5/6 switch modes, and only then does any RTP go to the supervisor;
 *  - an idle extension (no call to spy on): answered, no RTP at all, digits
 *    swallowed; spying starts by itself when the extension gets a call;
 *  - `codec: 'opus-only'`: Asterisk with allow=opus,ulaw picks the Opus the
 *    browser prefers and, without a translator, drops every frame: an
 *    established leg with no RTP in either direction.
 *
 * `pbx: 'freeswitch'` gives it FreeSWITCH eavesdrop's habits instead (src/switch_ivr_async.c,
 * mod_sofia; issue 18): spying begins at the answer (the dialplan answers, eavesdrop attaches
 * at once, no digit wait); digits 0 listen, 1 talk to the other leg (the customer, when the
 * agent's channel is the one eavesdropped), 2 talk to the eavesdropped leg (the agent), 3 both,
 * * leave (BYE); telephone-event always negotiated, so SIP INFO digits are answered 200 OK and
 * ignored ("IGNORE INFO DTMF") unless `liberalDtmf`; an idle extension (nothing in spymap)
 * hangs up ~100 ms after the answer; `comfortNoise` puts CN in the answer when offered
 * (suppress-cng=false), and counts the CN packets the supervisor sends.
 * DTLS as Asterisk does it: the answer is a=setup:active (the server is the DTLS client) and
 * the ClientHello leaves when ICE completes, without werift's 100 ms sleep (weriftDtlsHello.ts).
 * `timeline` records when each leg's steps happened here, for bench:click's breakdown.
 * werift is test-only; production media stays in the renderer.
 */
import * as JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import { RTCRtpCodecParameters, RtpHeader, RtpPacket, RTCPeerConnection as WeriftPC } from 'werift';
import { NodeWsSocket } from '../../../main/phone/nodeWsSocket';
import { installJsSipWebRtcGlobals, pcConfigWith } from '../../../main/phone/webrtcShim';
import { rms, ulawDecode, ulawEncode } from './g711';
import { helloAtIceCompletion } from './weriftDtlsHello';

/** 'customer': FreeSWITCH digit 1, only the other leg (the customer) hears the supervisor. */
type Mode = 'monitor' | 'coach' | 'barge' | 'customer';
const DIGITS: Record<string, Mode> = { '4': 'monitor', '5': 'coach', '6': 'barge' };
const FREESWITCH_DIGITS: Record<string, Mode> = { '0': 'monitor', '1': 'customer', '2': 'coach', '3': 'barge' };
const FRAME = 160; // 20 ms at 8 kHz

export interface EarLevels {
  /** Loudest supervisor contribution heard by the agent / customer in the window (0..1). */
  agent: number;
  customer: number;
  /** Loudest frame received from the supervisor at all (0..1), mixed or not. */
  fromSupervisor: number;
}

export interface ChanSpyOptions {
  /** The spied extension has no call: spying never begins (until startSpiedCall). */
  idle?: boolean;
  /** 'opus-only': answers with Opus and sends nothing (no translator). */
  codec?: 'pcmu' | 'opus-only';
  /** ChanSpy's digit wait after the answer wait (default 100 ms). */
  digitWaitMs?: number;
  /** __ast_answer's wait for the supervisor's first frame (default 500 ms; 0 = none, like a PBX with no wait). */
  answerWaitMs?: number;
  /** dtmf_mode=rfc4733: also negotiate telephone-event and take digits from RTP (INFO digits work either way). */
  rfc4733?: boolean;
  /** Behave like FreeSWITCH eavesdrop instead of Asterisk ChanSpy (see above). */
  pbx?: 'asterisk' | 'freeswitch';
  /** FreeSWITCH: the Sofia profile has liberal-dtmf=true (INFO digits are taken). */
  liberalDtmf?: boolean;
  /** FreeSWITCH: suppress-cng=false, CN (payload 13) in the answer when the offer has it. */
  comfortNoise?: boolean;
  /** werift's STUN server (default: Google's, a 5 s DNS timeout per answer where there is no DNS, e.g. the network lab). */
  stunServer?: string;
}

/**
 * When each step of a leg happened here, wall clock (Date.now()): comparable with another
 * process's Date.now() on this machine. (Not timeOrigin + performance.now(): each process fixes
 * its timeOrigin when it starts, and a clock step in between shifts one against the other.)
 */
export interface LegTimeline {
  inviteAt: number;
  answerSdpAt?: number;
  iceConnectedAt?: number;
  dtlsConnectedAt?: number;
  firstToneAt?: number;
}

export interface ChanSpyServer {
  /** Per leg, in arrival order (for benchmarks' breakdowns). */
  timeline: LegTimeline[];
  mode(): Mode;
  /** ChanSpy found the channel and is spying ("Spying on channel ..."). */
  spying(): boolean;
  /** Digits thrown away because they came before spying began. */
  swallowed: string[];
  /** FreeSWITCH: INFO digits answered 200 OK and ignored (no liberal-dtmf). */
  ignoredInfo: string[];
  /** Every digit taken, and how it came: a SIP INFO or an RFC 4733 event in RTP. */
  digits: { tone: string; via: 'info' | 'rtp' }[];
  /** RTP packets from the supervisor: all, and comfort noise (CN) among them. */
  supervisorPackets(): { all: number; comfortNoise: number };
  /** The answer the server gave (SDP), to check what was negotiated. */
  answerSdp(): string | undefined;
  /** The idle extension now has a call: spying begins (after the digit wait). */
  startSpiedCall(): void;
  /** What it would have logged, like Asterisk's verbose log. */
  log: string[];
  /** The agent puts the customer on hold: ChanSpy then sends only the held customer (FreeSWITCH mode: only `picked`). */
  setCustomerOnHold(onHold: boolean): void;
  /** Reset and then read the ear levels over the next `ms`. */
  measureEars(ms: number): Promise<EarLevels>;
  sessions: RTCSession[];
  stop(): Promise<void>;
}

export async function startChanSpyServer(
  wsUrl: string,
  dialled: string,
  picked: 'agent' | 'customer' = 'agent',
  options: ChanSpyOptions = {},
): Promise<ChanSpyServer> {
  installJsSipWebRtcGlobals();
  const socket = new NodeWsSocket(wsUrl);
  const ua = new JsSIP.UA({
    sockets: [socket as unknown as JsSIP.Socket],
    uri: `sip:${dialled}@127.0.0.1`,
    authorization_user: 'sup-chanspy',
    password: 'secret',
    register: true,
    session_timers: false,
  });
  let mode: Mode = 'monitor';
  let customerOnHold = false;
  let ears: EarLevels = { agent: 0, customer: 0, fromSupervisor: 0 };
  const sessions: RTCSession[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let phase = 0;
  let idle = options.idle ?? false;
  /** Where ChanSpy is: answer wait, digit wait, looking for the channel (idle loop), spying. */
  let step: 'ringing' | 'answer-wait' | 'digit-wait' | 'looking' | 'spying' = 'ringing';
  let stepTimer: NodeJS.Timeout | undefined;
  const swallowed: string[] = [];
  const ignoredInfo: string[] = [];
  const digits: { tone: string; via: 'info' | 'rtp' }[] = [];
  const log: string[] = [];
  const opusOnly = options.codec === 'opus-only';
  const freeswitch = options.pbx === 'freeswitch';
  const digitModes = freeswitch ? FREESWITCH_DIGITS : DIGITS;
  const packets = { all: 0, comfortNoise: 0 };
  const timeline: LegTimeline[] = [];
  const epochNow = () => Date.now();
  let answer: string | undefined;
  const after = (ms: number, fn: () => void) => {
    if (stepTimer) clearTimeout(stepTimer);
    stepTimer = setTimeout(fn, ms);
    timers.add(stepTimer);
  };
  const lookForChannel = () => {
    step = 'looking';
    if (idle) return; // ChanSpy loops on 100 ms digit waits until the extension has a call
    step = 'spying';
    log.push(freeswitch ? `Eavesdropping on agent ${dialled.replace(/^88/, '')}` : `Spying on channel PJSIP/${dialled.replace(/^\*222/, '')}-00000001`);
  };
  const endDigitWait = () => {
    if (step === 'digit-wait') lookForChannel();
  };
  const endAnswerWait = () => {
    if (step !== 'answer-wait') return;
    step = 'digit-wait';
    after(options.digitWaitMs ?? 100, endDigitWait);
  };

  const toneFrame = (): number[] => {
    const out: number[] = [];
    for (let i = 0; i < FRAME; i++, phase++) {
      const t = phase / 8000;
      const agent = 6000 * Math.sin(2 * Math.PI * 500 * t);
      const customer = 6000 * Math.sin(2 * Math.PI * 1200 * t);
      const held = freeswitch ? (picked === 'agent' ? agent : customer) : customer;
      out.push(customerOnHold ? held : agent + customer);
    }
    return out;
  };

  ua.on('newRTCSession', (e: { originator: string; session: RTCSession }) => {
    if (e.originator !== 'remote') return;
    const session = e.session;
    sessions.push(session);
    const steps: LegTimeline = { inviteAt: epochNow() };
    timeline.push(steps);
    mode = 'monitor';
    step = 'ringing';
    session.on('accepted', () => {
      if (freeswitch) {
        // answer, then eavesdrop(${hash(select/spymap/$1)}): at once; on an empty uuid it returns and the dialplan hangs up.
        if (!idle) return lookForChannel();
        log.push('eavesdrop: no uuid to eavesdrop on');
        after(100, () => session.terminate());
        return;
      }
      // 200 OK sent: __ast_answer waits for the supervisor's first frame, bounded.
      step = 'answer-wait';
      after(options.answerWaitMs ?? 500, endAnswerWait);
    });
    session.on('sdp', (e: { originator: string; sdp: string }) => {
      if (e.originator !== 'local') return;
      answer = e.sdp;
      steps.answerSdpAt ??= epochNow();
    });
    const onDigit = (tone: string, via: 'info' | 'rtp') => {
      digits.push({ tone, via });
      log.push(`DTMF end '${tone}' received`);
      if (step === 'spying') {
        if (freeswitch && tone === '*') {
          session.terminate(); // '*' leaves eavesdrop; the dialplan hangs up
          return;
        }
        if (digitModes[tone]) mode = digitModes[tone]!;
        return;
      }
      // Read by the answer wait (re-queued) or by ast_waitfordigit(): consumed, no mode change,
      // and the digit wait returns at once with it.
      swallowed.push(tone);
      endAnswerWait();
      endDigitWait();
    };
    // JsSIP reports SIP INFO digits here (and has already answered them 200 OK); RTP digits come through onReceiveRtp.
    session.on('newDTMF', (ev: { originator: string; dtmf: { tone: string } }) => {
      if (ev.originator !== 'remote') return;
      if (freeswitch && !options.liberalDtmf) {
        // telephone-event was negotiated (FreeSWITCH always answers with it): sofia ignores INFO DTMF.
        ignoredInfo.push(ev.dtmf.tone);
        log.push(`IGNORE INFO DTMF(${ev.dtmf.tone}) (This channel was not configured to use INFO DTMF!)`);
        return;
      }
      onDigit(ev.dtmf.tone, 'info');
    });
    session.on('peerconnection', (ev) => {
      const pc = ev.peerconnection as unknown as WeriftPC;
      const tr = pc.addTransceiver('audio', { direction: 'sendrecv' });
      const endedEvents = new Set<number>();
      const hook = (track: { onReceiveRtp: { subscribe(f: (p: RtpPacket) => void): void } }) =>
        track.onReceiveRtp.subscribe((rtp) => {
          endAnswerWait(); // the supervisor's first frame (voice or a DTMF begin) ends __ast_answer's wait
          packets.all++;
          if (tr.codecs.some((c) => c.mimeType.toLowerCase() === 'audio/cn' && c.payloadType === rtp.header.payloadType)) {
            packets.comfortNoise++;
            return;
          }
          // werift may keep both of Chromium's telephone-event entries (8 and 48 kHz): any of them is a digit.
          const te = tr.codecs.some((c) => c.mimeType.toLowerCase() === 'audio/telephone-event' && c.payloadType === rtp.header.payloadType);
          if (te && rtp.payload.length >= 4) {
            // RFC 4733: event, E bit; the end packet is sent three times with one timestamp.
            const ended = (rtp.payload[1]! & 0x80) !== 0;
            if (ended && !endedEvents.has(rtp.header.timestamp)) {
              endedEvents.add(rtp.header.timestamp);
              onDigit('0123456789*#'[rtp.payload[0]!] ?? '?', 'rtp');
            }
            return;
          }
          if (rtp.header.payloadType !== 0) return;
          const pcm = Array.from(rtp.payload, ulawDecode);
          const level = rms(pcm);
          ears.fromSupervisor = Math.max(ears.fromSupervisor, level);
          if (mode === 'coach' || mode === 'barge') ears.agent = Math.max(ears.agent, level);
          if (mode === 'barge' || mode === 'customer') ears.customer = Math.max(ears.customer, level);
        });
      pc.onTrack.subscribe(hook as never);
      pc.iceConnectionStateChange.subscribe((s) => {
        if (s === 'connected' || s === 'completed') steps.iceConnectedAt ??= epochNow();
      });
      pc.connectionStateChange.subscribe((s) => {
        if (s === 'connected') steps.dtlsConnectedAt ??= epochNow();
      });
      let seq = 0;
      const timer = setInterval(() => {
        // Nothing reaches the supervisor before spying began, nor ever without a codec path.
        if (pc.connectionState !== 'connected' || step !== 'spying' || opusOnly) return;
        const payload = Buffer.from(toneFrame().map(ulawEncode));
        try {
          steps.firstToneAt ??= epochNow();
          tr.sender.sendRtp(new RtpPacket(new RtpHeader({ payloadType: 0, sequenceNumber: ++seq & 0xffff, timestamp: seq * FRAME, ssrc: tr.sender.ssrc, marker: seq === 1 }), payload));
        } catch {
          /* transport not ready */
        }
      }, 20);
      timers.add(timer);
      const stop = () => {
        clearInterval(timer);
        timers.delete(timer);
      };
      session.on('ended', stop);
      session.on('failed', stop);
    });
    const codec = opusOnly
      ? new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2, payloadType: 111 })
      : new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 });
    const audio = (options.rfc4733 || freeswitch) && !opusOnly ? [codec, new RTCRtpCodecParameters({ mimeType: 'audio/telephone-event', clockRate: 8000, channels: 1, payloadType: 101 })] : [codec];
    if (freeswitch && options.comfortNoise) audio.push(new RTCRtpCodecParameters({ mimeType: 'audio/CN', clockRate: 8000, channels: 1, payloadType: 13 }));
    session.answer({
      mediaConstraints: { audio: false, video: false },
      // Asterisk's DTLS timing: active, ClientHello the moment ICE completes (weriftDtlsHello.ts).
      pcConfig: pcConfigWith((cfg) => helloAtIceCompletion(new WeriftPC({ ...(cfg as object), ...(options.stunServer ? { iceServers: [{ urls: options.stunServer }] } : {}), codecs: { audio, video: [] } } as never))) as never,
    });
  });
  const registered = new Promise<void>((resolve, reject) => {
    ua.once('registered', () => resolve());
    ua.once('registrationFailed', (e) => reject(new Error(`chanspy server registration failed: ${e.cause}`)));
  });
  ua.start();
  await registered;
  return {
    timeline,
    mode: () => mode,
    spying: () => step === 'spying',
    swallowed,
    ignoredInfo,
    digits,
    supervisorPackets: () => ({ ...packets }),
    answerSdp: () => answer,
    log,
    startSpiedCall() {
      idle = false;
      if (step === 'looking') lookForChannel();
    },
    setCustomerOnHold: (v) => (customerOnHold = v),
    async measureEars(ms) {
      ears = { agent: 0, customer: 0, fromSupervisor: 0 };
      await new Promise((r) => setTimeout(r, ms));
      return { ...ears };
    },
    sessions,
    async stop() {
      timers.forEach(clearInterval);
      ua.stop();
      await new Promise((r) => setTimeout(r, 200));
      socket.disconnect();
    },
  };
}
