/**
 * One SDP session per dialog (RFC 3264 §8): every later offer or answer we
 * send keeps the o= line's session id and increments its version. A peer
 * connection re-created after a reload (reattach.ts) starts a new session id
 * and version of its own; sent as is, a PBX may take it for a different
 * session or, comparing versions only, for no change at all. Pure; linear in
 * the SDP's length; keeps the line endings.
 */

export interface SdpOrigin {
  sessionId: string;
  /** Decimal, up to 2^63: kept as text, compared and incremented as a BigInt. */
  version: string;
}

const ORIGIN = /^o=(\S+) (\d{1,20}) (\d{1,20}) (\S+ \S+ \S+)$/;

/** The o= line's session id and version, or null when there is no well-formed one. */
export function originOf(sdp: string): SdpOrigin | null {
  for (const line of sdp.split(/\r?\n/)) {
    if (!line.startsWith('o=')) continue;
    const m = ORIGIN.exec(line);
    return m ? { sessionId: m[2]!, version: m[3]! } : null;
  }
  return null;
}

/**
 * The SDP to send after `previous` (null: the dialog's first one, sent as is).
 * Same session id: as is, unless its version does not move forward. Another
 * session id (a new peer connection): rewritten to the previous session id,
 * version + 1. Returns the origin to remember for the next one.
 */
export function continueOrigin(sdp: string, previous: SdpOrigin | null): { sdp: string; origin: SdpOrigin | null } {
  const current = originOf(sdp);
  if (!current) return { sdp, origin: previous };
  if (!previous) return { sdp, origin: current };
  if (current.sessionId === previous.sessionId && BigInt(current.version) > BigInt(previous.version)) return { sdp, origin: current };
  if (current.sessionId === previous.sessionId && current.version === previous.version) return { sdp, origin: current };
  const next: SdpOrigin = { sessionId: previous.sessionId, version: (BigInt(previous.version) + 1n).toString() };
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  let done = false;
  const lines = sdp.split(/\r?\n/).map((line) => {
    if (done || !line.startsWith('o=')) return line;
    done = true;
    const m = ORIGIN.exec(line)!;
    return `o=${m[1]} ${next.sessionId} ${next.version} ${m[4]}`;
  });
  return { sdp: lines.join(eol), origin: next };
}
