/**
 * Auto-answer detection for platforms that call the supervisor (profile
 * "auto-answer"). An INVITE is answered by itself only when it carries one of
 * the well-known hints AND comes from the configured server, so nobody else on
 * the network can open the supervisor's microphone path by sending a header.
 */

export interface InviteHeaders {
  /** Every value of a header, by lower-case header name. */
  get(name: string): string[];
}

export type AutoAnswerHint = 'call-info-answer-after' | 'alert-info-auto-answer' | 'answer-mode-auto';

/** Which auto-answer hint, if any, the INVITE carries (RFC 5373 Answer-Mode, Call-Info, Alert-Info). */
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

/** Host comparison ignoring case, brackets around IPv6 and a port. */
export function sameHost(a: string, b: string): boolean {
  const norm = (h: string) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\](:\d+)?$/, '$1')
      .replace(/^([^:]+):\d+$/, '$1');
  return norm(a) !== '' && norm(a) === norm(b);
}

export interface AutoAnswerDecision {
  answer: boolean;
  reason: string;
}

/**
 * Decide whether to answer at once. `sourceHost` is where the INVITE really
 * came from (the top Via's received/host as seen by the transport, or the
 * server the WebSocket is connected to); `trustedHost` is the configured server.
 */
export function shouldAutoAnswer(headers: InviteHeaders, sourceHost: string, trustedHost: string): AutoAnswerDecision {
  const hint = autoAnswerHint(headers);
  if (!hint) return { answer: false, reason: 'no auto-answer header' };
  if (!sameHost(sourceHost, trustedHost)) {
    return { answer: false, reason: `auto-answer header from untrusted host ${sourceHost}` };
  }
  return { answer: true, reason: hint };
}

/** Adapter for a JsSIP IncomingRequest (getHeaders returns every value of a header). */
export const jssipHeaders = (request: { getHeaders(name: string): string[] }): InviteHeaders => ({
  get: (name) => request.getHeaders(name) ?? [],
});
