// ICE servers for the softphone's media (issue 17 item 1).
//
// Main builds the RTCConfiguration from settings/IT policy and the TURN
// credential in the secret store; it crosses the media bridge as the `create`
// argument and the renderer parses it again with `iceConfigSchema` before it
// reaches `new RTCPeerConnection`. Bounded: a handful of servers, short URLs,
// only the four ICE URL schemes (RFC 7064 / RFC 7065), so neither a typo in a
// policy file nor a hostile main-side bug can hand Chromium something else.
import { z } from 'zod';

export const MAX_ICE_SERVERS = 8;
export const MAX_ICE_URLS_PER_SERVER = 4;
export const MAX_ICE_URL_CHARS = 300;
export const MAX_ICE_USERNAME_CHARS = 256;
export const MAX_ICE_CREDENTIAL_CHARS = 1000;

/**
 * `stun:host[:port]`, `stuns:…`, `turn:host[:port][?transport=udp|tcp]`,
 * `turns:host[:port][?transport=tcp]`. Host: a DNS name, IPv4 or a bracketed IPv6.
 */
const ICE_URL = /^(stuns?|turns?):(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})(:\d{1,5})?(\?transport=(udp|tcp))?$/;

export type IceUrlScheme = 'stun' | 'stuns' | 'turn' | 'turns';
export const iceUrlScheme = (url: string): IceUrlScheme | null => {
  const m = ICE_URL.exec(url);
  return m?.[1] ? (m[1].toLowerCase() as IceUrlScheme) : null;
};

export const iceUrlSchema = z
  .string()
  .max(MAX_ICE_URL_CHARS, `An ICE server URL is at most ${MAX_ICE_URL_CHARS} characters.`)
  .refine((u) => {
    const m = ICE_URL.exec(u);
    const scheme = m?.[1]?.toLowerCase();
    if (!m || !scheme) return false;
    const port = m[3] ? Number(m[3].slice(1)) : 1;
    // STUN URLs take no transport; TURN over TLS is TCP only; a port is 1..65535.
    return port >= 1 && port <= 65535 && !(scheme.startsWith('stun') && m[4]) && !(scheme === 'turns' && m[5] === 'udp');
  }, 'An ICE server URL is stun:host[:port], stuns:host[:port], turn:host[:port][?transport=udp|tcp] or turns:host[:port][?transport=tcp].');

export const iceServerSchema = z
  .object({
    urls: z.array(iceUrlSchema).min(1).max(MAX_ICE_URLS_PER_SERVER),
    username: z.string().min(1).max(MAX_ICE_USERNAME_CHARS).optional(),
    credential: z.string().min(1).max(MAX_ICE_CREDENTIAL_CHARS).optional(),
  })
  .strict()
  .refine(
    (s) => !s.urls.some((u) => iceUrlScheme(u)?.startsWith('turn')) || (s.username !== undefined && s.credential !== undefined),
    'A TURN server needs a username and a credential.',
  );
export type IceServer = z.infer<typeof iceServerSchema>;

/** What `new RTCPeerConnection(…)` receives: exactly these two keys, anything else is dropped. */
export const iceConfigSchema = z.object({
  iceServers: z.array(iceServerSchema).max(MAX_ICE_SERVERS),
  /** `relay`: IT forces every media path through TURN (no host or server-reflexive candidates). */
  iceTransportPolicy: z.enum(['all', 'relay']).default('all'),
});
export type IceConfig = z.infer<typeof iceConfigSchema>;

/**
 * TURN REST (draft-uberti-behave-turn-rest): where the seat fetches ephemeral TURN credentials.
 * https only (the credentials travel in the answer), no user name or password in the URL.
 */
export const turnCredentialsUrlSchema = z
  .string()
  .max(2000)
  .refine((v) => v === '' || (/^https:\/\//i.test(v) && URL.canParse(v) && !new URL(v).username && !new URL(v).password), 'must be empty or an https URL without a user name or password in it');
