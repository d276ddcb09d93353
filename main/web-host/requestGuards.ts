import { timingSafeEqual } from 'node:crypto';

/**
 * Pure checks on what a request claims, before anything is served. Each one
 * takes the raw header or request-target as the client sent it and never
 * throws: whatever cannot be read is simply "not allowed".
 */

/** The path and the `token` query parameter of a request-target, or undefined when it is not an origin-form path. */
export function parseRequestTarget(target: string | undefined): { pathname: string; token: string | undefined } | undefined {
  // Only origin-form ("/path?query") is ours; "//host:port/…", "http://…" and "*" are not.
  if (!target || target[0] !== '/' || target.startsWith('//') || target.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(target, 'http://spyglass.invalid');
  } catch {
    return undefined;
  }
  if (url.host !== 'spyglass.invalid') return undefined;
  return { pathname: url.pathname, token: url.searchParams.get('token') ?? undefined };
}

/**
 * The Host header must name this server exactly as the printed URL does (or
 * as localhost): a page served from a rebound DNS name ("evil.example"
 * resolving to 127.0.0.1) sends its own name and is refused.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The origins a page of ours has; a WebSocket from any other page is refused. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * Cookies ignore ports, so two web hosts on one machine would overwrite each
 * other's cookie: the name carries the port.
 */
export function tokenCookieName(port: number): string {
  return `spyglass-token-${port}`;
}

/** The value of one cookie from a Cookie header, or undefined. Linear in the header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Constant-time comparison, so the token cannot be guessed a character at a time. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type TokenCheck = 'valid' | 'missing' | 'wrong';

/** Which token a request carries: the query's when present (a fresh printed URL wins over an old cookie), else the cookie's. */
export function checkToken(queryToken: string | undefined, cookieToken: string | undefined, expected: string): TokenCheck {
  const given = queryToken ?? cookieToken;
  if (!given) return 'missing';
  return tokenMatches(given, expected) ? 'valid' : 'wrong';
}
