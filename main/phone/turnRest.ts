/**
 * TURN REST ephemeral credentials (draft-uberti-behave-turn-rest-00): a server
 * that holds the TURN shared secret answers GET <url>?service=turn&username=<user>
 * with {username: "<expiry>:<user>", password: base64(HMAC-SHA1(secret, username)),
 * ttl, uris}. The seat never holds the secret, only credentials that expire.
 *
 * Every answer is hostile input: https only, a time limit, at most
 * MAX_RESPONSE_BYTES read, no redirects, JSON checked by a zod schema.
 */
import * as https from 'node:https';
import { z } from 'zod';
import { iceUrlSchema, iceUrlScheme, MAX_ICE_CREDENTIAL_CHARS, MAX_ICE_URLS_PER_SERVER, MAX_ICE_USERNAME_CHARS, turnCredentialsUrlSchema } from '../../preload/contract/ice';

export { turnCredentialsUrlSchema };

export const MAX_RESPONSE_BYTES = 16 * 1024;
export const DEFAULT_TIMEOUT_MS = 5000;
/** A week: longer-lived "ephemeral" credentials defeat the point; anything longer is refused. */
export const MAX_TTL_SECONDS = 7 * 24 * 3600;

export const turnRestResponseSchema = z.object({
  username: z.string().min(1).max(MAX_ICE_USERNAME_CHARS),
  password: z.string().min(1).max(MAX_ICE_CREDENTIAL_CHARS),
  ttl: z.number().int().positive().max(MAX_TTL_SECONDS),
  uris: z
    .array(iceUrlSchema.refine((u) => iceUrlScheme(u)?.startsWith('turn'), 'must be a turn: or turns: URL'))
    .min(1)
    .max(MAX_ICE_URLS_PER_SERVER),
});
export type TurnRestResponse = z.infer<typeof turnRestResponseSchema>;

export interface TurnCredentials {
  username: string;
  credential: string;
  uris: string[];
  /** Epoch ms: fetched + ttl. */
  expiresAt: number;
  fetchedAt: number;
}

export type TurnRestResult = { ok: true; credentials: TurnCredentials } | { ok: false; error: string };

export interface FetchTurnCredentialsOptions {
  /** The supervisor, for the server's `username` parameter (its part after the expiry). */
  user: string;
  now: () => number;
  timeoutMs?: number;
  /** The CAs to trust (the same as wss://: tls/trustStore.ts); Node's defaults when absent. */
  ca?: string[];
}

const cut = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The request URL: the configured one with service=turn and username=<user> added. */
export function turnRestRequestUrl(url: string, user: string): URL {
  const u = new URL(url);
  u.searchParams.set('service', 'turn');
  u.searchParams.set('username', user);
  return u;
}

/** Pure: the server's JSON text → credentials valid from `now`, or what is wrong with it. */
export function parseTurnRestResponse(text: string, now: number, source: string): TurnRestResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `${source} did not answer with JSON (${cut(JSON.stringify(text.slice(0, 60)), 80)}).` };
  }
  const parsed = turnRestResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`);
    return { ok: false, error: `${source} answered, but not with TURN credentials {username, password, ttl, uris} (${cut(issues.join('; '), 300)}).` };
  }
  const r = parsed.data;
  return { ok: true, credentials: { username: r.username, credential: r.password, uris: r.uris, fetchedAt: now, expiresAt: now + r.ttl * 1000 } };
}

/** One GET to the credentials service; never throws, never hangs past the timeout. */
export function fetchTurnCredentials(url: string, options: FetchTurnCredentialsOptions): Promise<TurnRestResult> {
  const checked = turnCredentialsUrlSchema.safeParse(url);
  if (!checked.success || !url) return Promise.resolve({ ok: false, error: `The TURN credentials URL must be an https URL (${cut(url, 100)}).` });
  const target = turnRestRequestUrl(url, options.user);
  const source = `The TURN credentials service (${target.host})`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: TurnRestResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    const req = https.get(target, { headers: { accept: 'application/json' }, ...(options.ca ? { ca: options.ca } : {}) }, (res) => {
      if (res.statusCode !== 200) {
        done({ ok: false, error: `${source} answered HTTP ${res.statusCode}${res.statusCode && res.statusCode >= 300 && res.statusCode < 400 ? ' (a redirect; Spyglass does not follow them — set the final URL)' : ''}.` });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          done({ ok: false, error: `${source} sent more than ${MAX_RESPONSE_BYTES / 1024} KB; TURN credentials are a few hundred bytes.` });
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => done(parseTurnRestResponse(Buffer.concat(chunks).toString('utf8'), options.now(), source)));
      res.on('error', (e) => done({ ok: false, error: `${source}: ${cut(e.message)}.` }));
    });
    const timer = setTimeout(() => done({ ok: false, error: `${source} did not answer within ${Math.round(timeoutMs / 100) / 10} s.` }), timeoutMs);
    req.on('error', (e: Error & { code?: string }) => done({ ok: false, error: `${source} could not be reached (${e.code ?? cut(e.message)}).` }));
  });
}
