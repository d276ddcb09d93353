import { iceConfigSchema, iceUrlScheme, type IceConfig } from '../../preload/contract/ice';

/** The ICE settings as ConfigService has them (settings.json, IT policy) plus the TURN credential from the secret store. */
export interface IceSettings {
  stunServers: readonly string[];
  turnServers: readonly string[];
  turnUsername: string;
  /** From the secret store (`phone.turnPassword`); never a setting. */
  turnCredential: string | undefined;
  iceTransportPolicy: 'all' | 'relay';
  /**
   * TURN REST (turnRest.ts): ephemeral credentials and the TURN URLs the credentials service named.
   * When set they replace the static TURN entry; `turnRestUrl` set without them means none are held now.
   */
  turnRest?: { username: string; credential: string; uris: readonly string[] };
  turnRestUrl?: string;
}

export type IceConfigResult = { ok: true; config: IceConfig; warnings: string[] } | { ok: false; config: IceConfig; error: string };

/**
 * The RTCConfiguration for every softphone peer. Pure. STUN servers become one
 * entry, TURN servers another sharing the static username/credential. When
 * TURN is configured without a username or credential it is left out with a
 * warning (ICE still works directly); when that leaves a relay-only policy
 * with no TURN server at all, no media path can exist, so the result is an
 * error the phone reports instead of a call that silently never connects.
 */
export function iceConfigFrom(s: IceSettings): IceConfigResult {
  const warnings: string[] = [];
  const iceServers: IceConfig['iceServers'] = [];
  if (s.stunServers.length > 0) iceServers.push({ urls: [...s.stunServers] });
  if (s.turnRest) {
    iceServers.push({ urls: [...s.turnRest.uris], username: s.turnRest.username, credential: s.turnRest.credential });
  } else if (s.turnRestUrl) {
    warnings.push(`No TURN credentials from ${s.turnRestUrl} yet; TURN is not used until the service answers.`);
  } else if (s.turnServers.length > 0) {
    if (!s.turnUsername || !s.turnCredential) {
      warnings.push(`TURN servers are set but the TURN ${!s.turnUsername ? 'username (phone.turnUsername)' : 'password (secret phone.turnPassword)'} is not; TURN is not used.`);
    } else {
      iceServers.push({ urls: [...s.turnServers], username: s.turnUsername, credential: s.turnCredential });
    }
  }
  const parsed = iceConfigSchema.safeParse({ iceServers, iceTransportPolicy: s.iceTransportPolicy });
  const fallback: IceConfig = { iceServers: [], iceTransportPolicy: 'all' };
  if (!parsed.success) return { ok: false, config: fallback, error: `ICE servers: ${parsed.error.issues.map((i) => i.message).join('; ')}` };
  const hasTurn = parsed.data.iceServers.some((x) => x.urls.some((u) => iceUrlScheme(u)?.startsWith('turn')));
  if (parsed.data.iceTransportPolicy === 'relay' && !hasTurn) {
    return { ok: false, config: parsed.data, error: 'IT policy forces relayed media (phone.iceTransportPolicy "relay") but no usable TURN server is configured, so no call can carry audio.' };
  }
  return { ok: true, config: parsed.data, warnings };
}

/**
 * How long the INVITE waits after the first UDP candidate (MonitorSessionInit.iceGatheringGraceMs).
 * JsSIP does not trickle: the offer carries what was gathered when it leaves. Pure.
 *  - No STUN or TURN server: only host candidates can come, one per network and address
 *    family, in the same gathering step (bench:click: IPv6 ~5 ms after IPv4); 10 ms takes them.
 *  - STUN or TURN configured: 30 ms, room for a nearby server's reflexive or relayed candidate.
 * A candidate gathered after the INVITE is not lost: the browser is the offerer, hence the
 * controlling ICE agent, and checks from every local candidate; the PBX learns one it was not
 * told as peer-reflexive (RFC 8445 §7.3.1.3).
 */
export function iceGatheringGraceMs(config: IceConfig): number {
  return config.iceServers.length === 0 ? HOST_ONLY_GATHERING_GRACE_MS : SERVER_GATHERING_GRACE_MS;
}
export const HOST_ONLY_GATHERING_GRACE_MS = 10;
export const SERVER_GATHERING_GRACE_MS = 30;
