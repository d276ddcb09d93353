/**
 * Monitor tokens: how the auto-answer profile knows an incoming INVITE is the
 * leg this supervisor asked for. Spyglass mints a random token when the
 * supervisor starts monitoring, hands it to the platform with the connector's
 * startSupervision, and answers by itself only the one INVITE that carries it
 * back in `X-Spyglass-Monitor`, within seconds, once.
 *
 * Everything here except minting is pure: time comes in as an argument.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header a platform copies the token into (main/phone/README.md "Auto-answer"). */
export const MONITOR_TOKEN_HEADER = 'X-Spyglass-Monitor';

/** Long enough for the connector call and the platform's INVITE; short enough to be useless later. */
export const DEFAULT_MONITOR_TOKEN_TTL_MS = 10_000;

/** base64url of 32 random bytes is 43 characters; anything far off that is not ours. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/** 256 bits from the OS CSPRNG, base64url (safe in a SIP header and in JSON). */
export function mintMonitorToken(random: (size: number) => Buffer = randomBytes): string {
  return random(32).toString('base64url');
}

export interface MonitorRequest {
  token: string;
  issuedAt: number;
  expiresAt: number;
  /** Single use: once an INVITE matched, the token answers nothing else. */
  used: boolean;
}

export function issueMonitorRequest(token: string, now: number, ttlMs = DEFAULT_MONITOR_TOKEN_TTL_MS): MonitorRequest {
  return { token, issuedAt: now, expiresAt: now + ttlMs, used: false };
}

export type TokenCheck = { ok: true } | { ok: false; reason: string };

/**
 * Does an INVITE carrying `presented` (every value of the token header) match
 * the waiting request at `now`? Compared in constant time over SHA-256 digests,
 * so neither the content nor the length of our token leaks through timing.
 */
export function checkMonitorToken(request: MonitorRequest | null, presented: readonly string[], now: number): TokenCheck {
  if (presented.length === 0) return { ok: false, reason: 'it carries no monitor token' };
  if (presented.length > 1) return { ok: false, reason: 'it carries more than one monitor token' };
  const token = (presented[0] ?? '').trim();
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: 'its monitor token is malformed' };
  if (!request) return { ok: false, reason: 'no monitor request is waiting for a call' };
  if (!tokensEqual(token, request.token)) return { ok: false, reason: 'its monitor token does not match the request' };
  if (request.used) return { ok: false, reason: 'its monitor token was already used (replay)' };
  if (now >= request.expiresAt) return { ok: false, reason: 'its monitor token has expired' };
  return { ok: true };
}

/** The request after an INVITE matched it: the token is spent. */
export const spendMonitorRequest = (request: MonitorRequest): MonitorRequest => ({ ...request, used: true });

function tokensEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
