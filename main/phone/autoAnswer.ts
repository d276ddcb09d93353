/**
 * Which incoming INVITEs the phone answers by itself (profile "auto-answer").
 *
 * Only one: the leg this supervisor asked for moments ago through the
 * connector, recognised by the single-use monitor token (monitorToken.ts) it
 * carries, arriving on the phone's own connection to the configured server.
 * Nothing else a caller writes is trusted: not Via (any Via below the top one
 * is whatever the sender wrote, `received` included), not From, not Contact,
 * and not the auto-answer hints (Answer-Mode, Call-Info answer-after,
 * Alert-Info) either: those only say "please", and anyone can say please.
 * Every other INVITE is declined and the supervisor is told.
 */
import { checkMonitorToken, MONITOR_TOKEN_HEADER, type MonitorRequest } from './monitorToken';

export interface InviteHeaders {
  /** Every value of a header, by header name (case-insensitive). */
  get(name: string): string[];
}

export type AutoAnswerHint = 'call-info-answer-after' | 'alert-info-auto-answer' | 'answer-mode-auto';

/** Which auto-answer hint, if any, the INVITE carries (RFC 5373 Answer-Mode, Call-Info, Alert-Info). Informational only. */
export function autoAnswerHint(headers: InviteHeaders): AutoAnswerHint | null {
  for (const v of headers.get('call-info')) {
    if (/;\s*answer-after\s*=\s*0(?![0-9])/i.test(v)) return 'call-info-answer-after';
  }
  for (const v of headers.get('alert-info')) {
    if (/auto[-_]?answer/i.test(v)) return 'alert-info-auto-answer';
  }
  for (const v of headers.get('answer-mode')) {
    if (/^\s*auto\b/i.test(v)) return 'answer-mode-auto';
  }
  return null;
}

export interface IncomingInvite {
  headers: InviteHeaders;
  /**
   * The INVITE came in on the UA's own socket, the one register() opened to the
   * configured server. With one socket this always holds today; checking it
   * keeps a second transport (or a test double) from becoming a way in.
   */
  overOurConnection: boolean;
  /** The monitor request waiting for the platform's call, if any (auto-answer profile only). */
  monitorRequest: MonitorRequest | null;
  /** A monitor leg is already up. */
  busy: boolean;
  now: number;
}

export type InviteDecision =
  | { answer: true; reason: string }
  | { answer: false; status: 486 | 603; reason: string };

export function decideIncomingInvite(invite: IncomingInvite): InviteDecision {
  const hint = autoAnswerHint(invite.headers);
  const asked = hint ? ` (it asked to be auto-answered: ${hint})` : '';
  if (invite.busy) return { answer: false, status: 486, reason: `a monitor leg is already up${asked}` };
  if (!invite.overOurConnection) return { answer: false, status: 603, reason: `it did not arrive over the connection to the configured server${asked}` };
  const check = checkMonitorToken(invite.monitorRequest, invite.headers.get(MONITOR_TOKEN_HEADER), invite.now);
  if (!check.ok) return { answer: false, status: 603, reason: `${check.reason}${asked}` };
  return { answer: true, reason: 'it carries the monitor token of the request this supervisor just made' };
}

/** Adapter for a JsSIP IncomingRequest (getHeaders returns every value of a header). */
export const jssipHeaders = (request: { getHeaders(name: string): string[] }): InviteHeaders => ({
  get: (name) => request.getHeaders(name) ?? [],
});

const CALLER_MAX = 80;

/**
 * The caller as the supervisor may be shown it: From is written by the
 * caller, so control, format (bidi override, zero-width) characters and lone
 * surrogates go, and the length is capped (in characters, never splitting one).
 */
export function callerLabel(from: unknown): string {
  // Cc controls, Cf format characters (bidi overrides, zero-width, BOM), Cs lone surrogates.
  const clean = String(from ?? '')
    .slice(0, CALLER_MAX * 4)
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
    .trim();
  if (!clean) return 'an unknown caller';
  const chars = Array.from(clean);
  return chars.length > CALLER_MAX ? `${chars.slice(0, CALLER_MAX).join('')}…` : clean;
}

/** "Display name <uri>" of a JsSIP From header (NameAddrHeader), cleaned by callerLabel. */
export function callerOf(from: { display_name?: unknown; uri?: unknown } | undefined): string {
  const uri = String(from?.uri ?? '');
  const name = from?.display_name ? String(from.display_name) : '';
  return callerLabel(name ? `${name} <${uri}>` : uri);
}

/** What the supervisor is told about a call the phone declined. */
export const declinedCallNotice = (caller: string, reason: string, alsoDeclined = 0): string =>
  `Declined an unrequested call from ${caller}: ${reason}.` +
  (alsoDeclined > 0 ? ` ${alsoDeclined} more such call${alsoDeclined === 1 ? ' was' : 's were'} declined since the last notice.` : '');

/** At most one declined-call notice per window, so a flood of INVITEs cannot flood the screen. */
export interface NoticeGate {
  lastAt: number | null;
  suppressed: number;
}
export const DECLINED_NOTICE_WINDOW_MS = 30_000;

export function gateDeclinedNotice(gate: NoticeGate, now: number, windowMs = DECLINED_NOTICE_WINDOW_MS): { notify: boolean; alsoDeclined: number; gate: NoticeGate } {
  if (gate.lastAt === null || now - gate.lastAt >= windowMs) return { notify: true, alsoDeclined: gate.suppressed, gate: { lastAt: now, suppressed: 0 } };
  return { notify: false, alsoDeclined: 0, gate: { lastAt: gate.lastAt, suppressed: gate.suppressed + 1 } };
}
