/**
 * Just enough SIP parsing and building for the in-process demo PBX: one
 * message per WebSocket frame (RFC 7118), so no stream framing is needed.
 * Malformed input yields null; the caller drops it.
 */

const COMPACT: Record<string, string> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  k: 'supported',
};

export interface SipMessage {
  kind: 'request' | 'response';
  method: string; // request method, or the CSeq method of a response
  uri: string;
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

export function parseSip(text: string): SipMessage | null {
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) return null;
  const head = text.slice(0, split).split('\r\n');
  const body = text.slice(split + 4);
  const start = head.shift() ?? '';
  const headers: [string, string][] = [];
  for (const line of head) {
    if (/^[ \t]/.test(line) && headers.length) {
      const last = headers[headers.length - 1]!;
      last[1] += ' ' + line.trim();
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) return null;
    const raw = line.slice(0, i).trim().toLowerCase();
    headers.push([COMPACT[raw] ?? raw, line.slice(i + 1).trim()]);
  }
  const req = /^([A-Z]+) (\S+) SIP\/2\.0$/.exec(start);
  if (req) {
    return { kind: 'request', method: req[1]!, uri: req[2]!, status: 0, reason: '', headers, body };
  }
  const res = /^SIP\/2\.0 (\d{3}) (.*)$/.exec(start);
  if (res) {
    const cseq = headers.find(([n]) => n === 'cseq')?.[1] ?? '';
    return { kind: 'response', method: cseq.split(/\s+/)[1] ?? '', uri: '', status: Number(res[1]), reason: res[2]!, headers, body };
  }
  return null;
}

export const header = (m: SipMessage, name: string): string | undefined => m.headers.find(([n]) => n === name)?.[1];
export const headers = (m: SipMessage, name: string): string[] => m.headers.filter(([n]) => n === name).map(([, v]) => v);
export const tagOf = (nameAddr: string | undefined): string | undefined => /;\s*tag=([^;>\s]+)/i.exec(nameAddr ?? '')?.[1];
export const uriOf = (nameAddr: string | undefined): string => /<([^>]+)>/.exec(nameAddr ?? '')?.[1] ?? (nameAddr ?? '').split(';')[0]!.trim();
export const userOf = (uri: string): string => /^sips?:([^@;]+)@/.exec(uri)?.[1] ?? '';

export function buildResponse(req: SipMessage, status: number, reason: string, extra: [string, string][] = [], body = '', toTag?: string): string {
  const lines = [`SIP/2.0 ${status} ${reason}`];
  for (const v of headers(req, 'via')) lines.push(`Via: ${v}`);
  for (const v of headers(req, 'record-route')) lines.push(`Record-Route: ${v}`);
  lines.push(`From: ${header(req, 'from')}`);
  const to = header(req, 'to') ?? '';
  lines.push(`To: ${toTag && !tagOf(to) ? `${to};tag=${toTag}` : to}`);
  lines.push(`Call-ID: ${header(req, 'call-id')}`);
  lines.push(`CSeq: ${header(req, 'cseq')}`);
  for (const [n, v] of extra) lines.push(`${n}: ${v}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return lines.join('\r\n') + '\r\n\r\n' + body;
}

export function buildRequest(method: string, uri: string, hdrs: [string, string][], body = ''): string {
  const lines = [`${method} ${uri} SIP/2.0`, ...hdrs.map(([n, v]) => `${n}: ${v}`), `Content-Length: ${Buffer.byteLength(body)}`];
  return lines.join('\r\n') + '\r\n\r\n' + body;
}

export const randomToken = (n = 10): string => Math.random().toString(36).slice(2, 2 + n).padEnd(n, '0');
