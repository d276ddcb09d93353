/**
 * A tiny SIP registrar + UAS written against JsSIP's socket interface. It is
 * the demo PBX's signalling (and the far end in unit tests): REGISTER with
 * optional digest auth, INVITE -> 200 with an SDP answer from a hook, ACK,
 * INFO application/dtmf-relay, BYE both ways, a hold re-INVITE, and scripted
 * rejections (486, 403...). Anything it cannot parse is dropped.
 */
import { createHash } from 'node:crypto';
import type { InProcessEndpoint, InProcessSocket } from './inProcessSocket';
import { buildRequest, buildResponse, header, parseSip, randomToken, tagOf, uriOf, userOf, type SipMessage } from './sipMessage';

export interface UasCall {
  callId: string;
  /** R-URI user of the INVITE: the dialled feature code + extension. */
  dialled: string;
  localTag: string;
  remoteFrom: string;
  remoteTarget: string;
  offerSdp: string;
  answerSdp: string;
  state: 'early' | 'confirmed' | 'ended';
  digits: string[];
  connection: InProcessSocket;
  endedBy?: 'caller' | 'pbx';
  cseq: number;
}

export type InviteDecision = { reject: { status: number; reason: string } } | { answerSdp: string };

export interface UasHooks {
  onInvite(call: UasCall): Promise<InviteDecision> | InviteDecision;
  /**
   * A re-INVITE from the supervisor with `offer`: answer it (fresh SDP, e.g. a new media endpoint
   * after the page reloaded) or refuse it (488, 491...). Absent or undefined: our last answer,
   * direction mirrored (a hold).
   */
  onReinvite?(call: UasCall, offer: string): Promise<InviteDecision | undefined> | InviteDecision | undefined;
  onDtmf?(call: UasCall, tone: string): void;
  /** Refuse an INFO digit with this status instead of 200 (a PBX that does not take INFO DTMF). */
  refuseInfo?(call: UasCall): { status: number; reason: string } | undefined;
  onEnded?(call: UasCall): void;
}

export interface SipUasOptions {
  realm?: string;
  /** user -> password; null disables digest auth. */
  users?: Record<string, string> | null;
  hooks: UasHooks;
  host?: string;
  /**
   * Keep calls when the caller's connection drops (a PBX that waits for RTP
   * timeouts, like Asterisk), so a re-INVITE on a new connection can resume
   * them (ICE restart). Default: calls end with their connection.
   */
  keepCallsOnDisconnect?: boolean;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export class SipUas implements InProcessEndpoint {
  readonly calls = new Map<string, UasCall>();
  readonly log: string[] = [];
  private readonly nonce = randomToken(16);
  private readonly host: string;
  private readonly pendingReinvites = new Map<string, (ok: boolean) => void>();
  private readonly pendingInvites = new Map<string, (status: number) => void>();
  /** Contact URIs of registered users, by user name (for callUser). */
  readonly registrations = new Map<string, string>();

  constructor(private readonly options: SipUasOptions) {
    this.host = options.host ?? 'demo-pbx.invalid';
  }

  receive(text: string, reply: (m: string) => void, connection: InProcessSocket): void {
    const msg = parseSip(text);
    if (!msg) {
      this.log.push('dropped malformed message');
      return;
    }
    this.log.push(msg.kind === 'request' ? `> ${msg.method} ${msg.uri}` : `> ${msg.status} ${msg.method}`);
    if (msg.kind === 'response') return this.onResponse(msg, connection);
    switch (msg.method) {
      case 'REGISTER':
        return this.onRegister(msg, reply);
      case 'INVITE':
        return void this.onInvite(msg, reply, connection);
      case 'ACK': {
        const call = this.calls.get(header(msg, 'call-id') ?? '');
        if (call && call.state === 'early') call.state = 'confirmed';
        return;
      }
      case 'INFO':
        return this.onInfo(msg, reply);
      case 'BYE':
        return this.onBye(msg, reply);
      case 'CANCEL':
        return this.onCancel(msg, reply);
      case 'OPTIONS':
        return reply(buildResponse(msg, 200, 'OK'));
      default:
        return reply(buildResponse(msg, 405, 'Method Not Allowed', [['Allow', 'INVITE, ACK, BYE, CANCEL, INFO, OPTIONS, REGISTER']]));
    }
  }

  disconnected(connection: InProcessSocket): void {
    if (this.options.keepCallsOnDisconnect) return;
    for (const call of this.calls.values()) {
      if (call.connection === connection && call.state !== 'ended') this.endCall(call, 'caller');
    }
  }

  /**
   * The platform calls a registered user (auto-answer profiles): sends an
   * INVITE with `extraHeaders` and an SDP offer over `connection`. Resolves
   * with the final status the user agent answered.
   */
  callUser(connection: InProcessSocket, contactUri: string, offerSdp: string, extraHeaders: [string, string][] = [], via = this.host): Promise<{ status: number; call: UasCall }> {
    const callId = randomToken(16);
    const call: UasCall = {
      callId,
      dialled: 'platform',
      localTag: randomToken(),
      remoteFrom: `<${contactUri}>`,
      remoteTarget: contactUri,
      offerSdp,
      answerSdp: offerSdp,
      state: 'early',
      digits: [],
      connection,
      cseq: 1,
    };
    this.calls.set(callId, call);
    return new Promise((resolve) => {
      this.pendingInvites.set(callId, (status) => {
        if (status >= 300) {
          call.state = 'ended';
          this.calls.delete(callId);
        } else call.state = 'confirmed';
        resolve({ status, call });
      });
      const hdrs: [string, string][] = [
        ['Via', `SIP/2.0/WS ${via};branch=z9hG4bK${randomToken(12)}`],
        ['Max-Forwards', '70'],
        ['From', `<sip:platform@${this.host}>;tag=${call.localTag}`],
        ['To', `<${contactUri}>`],
        ['Call-ID', callId],
        ['CSeq', '1 INVITE'],
        ['Contact', this.contact()],
        ...extraHeaders,
        ['Content-Type', 'application/sdp'],
      ];
      connection.deliver(buildRequest('INVITE', contactUri, hdrs, offerSdp));
    });
  }

  /** The PBX hangs up (the monitored call ended). */
  hangUp(call: UasCall): void {
    if (call.state === 'ended') return;
    this.sendInDialog(call, 'BYE');
    this.endCall(call, 'pbx');
  }

  /** The PBX puts the supervisor leg on hold (sendonly re-INVITE). Resolves true when answered 200. */
  hold(call: UasCall): Promise<boolean> {
    const sdp = call.answerSdp.replace(/a=(sendrecv|recvonly)/g, 'a=sendonly').replace(/o=(\S+) (\S+) (\d+)/, (_m, u, s, v) => `o=${u} ${s} ${Number(v) + 1}`);
    call.answerSdp = sdp;
    return new Promise((resolve) => {
      this.pendingReinvites.set(`${call.callId}:${call.cseq + 1}`, resolve);
      this.sendInDialog(call, 'INVITE', sdp);
    });
  }

  // ---------------------------------------------------------------- handlers

  private authorised(msg: SipMessage, reply: (m: string) => void): boolean {
    const users = this.options.users;
    if (!users) return true;
    const realm = this.options.realm ?? 'spyglass-demo';
    const auth = header(msg, 'authorization') ?? header(msg, 'proxy-authorization');
    const p = (k: string) => new RegExp(`${k}="?([^",]+)"?`, 'i').exec(auth ?? '')?.[1];
    const user = p('username');
    const password = user !== undefined ? users[user] : undefined;
    if (auth && user && password !== undefined && p('nonce') === this.nonce) {
      const ha1 = md5(`${user}:${realm}:${password}`);
      const ha2 = md5(`${msg.method}:${p('uri')}`);
      const qop = p('qop');
      const expected = qop ? md5(`${ha1}:${this.nonce}:${p('nc')}:${p('cnonce')}:${qop}:${ha2}`) : md5(`${ha1}:${this.nonce}:${ha2}`);
      if (expected === p('response')) return true;
    }
    reply(buildResponse(msg, 401, 'Unauthorized', [['WWW-Authenticate', `Digest realm="${realm}", nonce="${this.nonce}", algorithm=MD5, qop="auth"`]], '', randomToken()));
    return false;
  }

  private onRegister(msg: SipMessage, reply: (m: string) => void): void {
    if (!this.authorised(msg, reply)) return;
    const contact = header(msg, 'contact') ?? '';
    const user = userOf(uriOf(header(msg, 'to')));
    if (user) this.registrations.set(user, uriOf(contact));
    const expires = /expires=(\d+)/.exec(contact)?.[1] ?? header(msg, 'expires') ?? '300';
    reply(buildResponse(msg, 200, 'OK', [['Contact', `${contact.replace(/;\s*expires=\d+/, '')};expires=${expires}`]], '', randomToken()));
  }

  private async onInvite(msg: SipMessage, reply: (m: string) => void, connection: InProcessSocket): Promise<void> {
    const callId = header(msg, 'call-id') ?? '';
    const existing = this.calls.get(callId);
    if (tagOf(header(msg, 'to')) && (!existing || existing.state === 'ended')) {
      // In-dialog INVITE for a call this server no longer has (e.g. hung up when the caller's connection dropped).
      reply(buildResponse(msg, 481, 'Call/Transaction Does Not Exist'));
      return;
    }
    if (existing && tagOf(header(msg, 'to'))) {
      // re-INVITE from the supervisor: the hook may answer afresh or refuse; otherwise (e.g. JsSIP
      // hold) our last answer, direction mirrored.
      let decision: InviteDecision | undefined;
      try {
        decision = await this.options.hooks.onReinvite?.(existing, msg.body);
      } catch (e) {
        decision = { reject: { status: 500, reason: 'Server Internal Error' } };
        this.log.push(`onReinvite failed: ${(e as Error).message}`);
      }
      if (decision && 'reject' in decision) {
        reply(buildResponse(msg, decision.reject.status, decision.reject.reason));
        return;
      }
      const answer = decision ? decision.answerSdp : mirrorDirection(existing.answerSdp, msg.body);
      existing.offerSdp = msg.body;
      existing.answerSdp = answer;
      // A target refresh: the caller may be on a new connection now (after a network loss).
      existing.connection = connection;
      reply(buildResponse(msg, 200, 'OK', [['Contact', this.contact()], ['Content-Type', 'application/sdp']], answer));
      return;
    }
    if (!this.authorised(msg, reply)) return;
    const call: UasCall = {
      callId,
      dialled: decodeURIComponent(userOf(msg.uri)),
      localTag: randomToken(),
      remoteFrom: header(msg, 'from') ?? '',
      remoteTarget: uriOf(header(msg, 'contact')),
      offerSdp: msg.body,
      answerSdp: '',
      state: 'early',
      digits: [],
      connection,
      cseq: 0,
    };
    reply(buildResponse(msg, 100, 'Trying'));
    if (!msg.body.trim()) {
      reply(buildResponse(msg, 488, 'Not Acceptable Here', [], '', call.localTag));
      return;
    }
    this.calls.set(callId, call);
    let decision: InviteDecision;
    try {
      decision = await this.options.hooks.onInvite(call);
    } catch (e) {
      decision = { reject: { status: 500, reason: 'Server Internal Error' } };
      this.log.push(`onInvite failed: ${(e as Error).message}`);
    }
    if (call.state === 'ended') return; // cancelled meanwhile
    if ('reject' in decision) {
      call.state = 'ended';
      this.calls.delete(callId);
      reply(buildResponse(msg, decision.reject.status, decision.reject.reason, [], '', call.localTag));
      return;
    }
    call.answerSdp = decision.answerSdp;
    reply(buildResponse(msg, 200, 'OK', [['Contact', this.contact()], ['Content-Type', 'application/sdp']], decision.answerSdp, call.localTag));
  }

  private onInfo(msg: SipMessage, reply: (m: string) => void): void {
    const call = this.calls.get(header(msg, 'call-id') ?? '');
    if (!call || call.state === 'ended') return reply(buildResponse(msg, 481, 'Call/Transaction Does Not Exist'));
    const refused = this.options.hooks.refuseInfo?.(call);
    if (refused) return reply(buildResponse(msg, refused.status, refused.reason));
    reply(buildResponse(msg, 200, 'OK'));
    if (/application\/dtmf-relay/i.test(header(msg, 'content-type') ?? '')) {
      const tone = /Signal\s*=\s*(\S)/i.exec(msg.body)?.[1];
      if (tone) {
        call.digits.push(tone);
        this.options.hooks.onDtmf?.(call, tone);
      }
    }
  }

  private onBye(msg: SipMessage, reply: (m: string) => void): void {
    const call = this.calls.get(header(msg, 'call-id') ?? '');
    reply(buildResponse(msg, call ? 200 : 481, call ? 'OK' : 'Call/Transaction Does Not Exist'));
    if (call) this.endCall(call, 'caller');
  }

  private onCancel(msg: SipMessage, reply: (m: string) => void): void {
    const call = this.calls.get(header(msg, 'call-id') ?? '');
    reply(buildResponse(msg, 200, 'OK'));
    if (call && call.state === 'early') this.endCall(call, 'caller');
  }

  private onResponse(msg: SipMessage, connection: InProcessSocket): void {
    const callId = header(msg, 'call-id') ?? '';
    const cseqNum = Number((header(msg, 'cseq') ?? '').split(/\s+/)[0]);
    if (msg.method === 'INVITE' && msg.status >= 200) {
      const call = this.calls.get(callId);
      if (call && msg.status < 300 && msg.body) call.answerSdp = msg.body;
      if (call) {
        call.remoteFrom = header(msg, 'to') ?? call.remoteFrom; // now carries the user agent's tag
        if (msg.status < 300 && header(msg, 'contact')) call.remoteTarget = uriOf(header(msg, 'contact'));
      }
      this.pendingInvites.get(callId)?.(msg.status);
      this.pendingInvites.delete(callId);
      if (call) {
        const ack = buildRequest('ACK', call.remoteTarget, this.dialogHeaders(call, cseqNum, 'ACK'));
        connection.deliver(ack);
      }
      const key = `${callId}:${cseqNum}`;
      this.pendingReinvites.get(key)?.(msg.status === 200);
      this.pendingReinvites.delete(key);
    }
  }

  // ---------------------------------------------------------------- helpers

  private contact(): string {
    return `<sip:pbx@${this.host};transport=ws>`;
  }

  private dialogHeaders(call: UasCall, cseq: number, method: string): [string, string][] {
    const ourTo = call.remoteFrom;
    return [
      ['Via', `SIP/2.0/WS ${this.host};branch=z9hG4bK${randomToken(12)}`],
      ['Max-Forwards', '70'],
      ['From', `<sip:${call.dialled}@${this.host}>;tag=${call.localTag}`],
      ['To', ourTo],
      ['Call-ID', call.callId],
      ['CSeq', `${cseq} ${method}`],
      ['Contact', this.contact()],
    ];
  }

  private sendInDialog(call: UasCall, method: 'BYE' | 'INVITE', sdp = ''): void {
    call.cseq += 1;
    const hdrs = this.dialogHeaders(call, call.cseq, method);
    if (sdp) hdrs.push(['Content-Type', 'application/sdp']);
    call.connection.deliver(buildRequest(method, call.remoteTarget, hdrs, sdp));
  }

  private endCall(call: UasCall, by: 'caller' | 'pbx'): void {
    if (call.state === 'ended') return;
    call.state = 'ended';
    call.endedBy = by;
    this.calls.delete(call.callId);
    this.options.hooks.onEnded?.(call);
  }
}

/** Answer a re-offer with our SDP, mirroring its direction (sendonly -> recvonly...). */
function mirrorDirection(ourSdp: string, offer: string): string {
  const dir = /a=(sendrecv|sendonly|recvonly|inactive)/.exec(offer)?.[1] ?? 'sendrecv';
  const mirrored = ({ sendrecv: 'sendrecv', sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' } as const)[dir as 'sendrecv'];
  const bumped = ourSdp.replace(/o=(\S+) (\S+) (\d+)/, (_m, u, s, v) => `o=${u} ${s} ${Number(v) + 1}`);
  return /a=(sendrecv|sendonly|recvonly|inactive)/.test(bumped)
    ? bumped.replace(/a=(sendrecv|sendonly|recvonly|inactive)/g, `a=${mirrored}`)
    : bumped.replace(/(m=audio[^\r\n]*\r\n)/, `$1a=${mirrored}\r\n`);
}
