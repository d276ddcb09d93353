/**
 * How JsSIP gets a RemotePeerConnection without a browser.
 *
 * JsSIP 3.13.8 has no injection option for WebRTC: it reads the free
 * identifiers `window.RTCPeerConnection` (UA.js incoming INVITE,
 * RTCSession.connect), `new RTCPeerConnection(pcConfig, constraints)` and
 * `new RTCSessionDescription({type, sdp})` (also inside promise
 * continuations). The research's esbuild `--inject` trick does not apply:
 * electron-vite externalises node_modules (jssip is `require`d at runtime) and
 * the web host runs under tsx. So:
 *
 *  - `RTCPeerConnection` and `RTCSessionDescription` are defined once on
 *    globalThis, non-enumerable, and only if absent. Nothing else in main or
 *    Node reads these names. The constructor does not pick an implementation
 *    by itself: it dispatches on a factory that the caller puts into
 *    `pcConfig` under a private Symbol, so two UAs in one process (tests, the
 *    demo PBX, a lab agent on werift) each get their own kind of peer.
 *  - `window` is NOT left global (libraries sniff it to detect a browser). It
 *    is installed only for the synchronous extent of the two JsSIP entry points
 *    that read it: `ua.call()` and the socket's `ondata` dispatch
 *    (`withJsSipWindow`).
 */

export type PeerConnectionFactory = (config: Record<string, unknown>, constraints: unknown) => object;

const FACTORY = Symbol.for('spyglass.phone.pcFactory');

class DispatchingPeerConnection {
  constructor(config: Record<string | symbol, unknown> | undefined, constraints: unknown) {
    const factory = config?.[FACTORY] as PeerConnectionFactory | undefined;
    if (!factory) throw new Error('RTCPeerConnection: no peer-connection factory in pcConfig (use pcConfigWith)');
    const rest: Record<string, unknown> = {};
    for (const k of Object.keys(config ?? {})) rest[k] = (config as Record<string, unknown>)[k];
    // Returning an object from a constructor makes `new` yield it.
    return factory(rest, constraints) as DispatchingPeerConnection;
  }
}

class PlainRTCSessionDescription {
  type: string;
  sdp: string;
  constructor(init: { type: string; sdp: string }) {
    this.type = init.type;
    this.sdp = init.sdp;
  }
}

let installed = false;

/** Idempotent. Defines the two constructor globals JsSIP needs, if nobody else did. */
export function installJsSipWebRtcGlobals(): void {
  if (installed) return;
  installed = true;
  const g = globalThis as Record<string, unknown>;
  if (g.RTCPeerConnection === undefined) {
    Object.defineProperty(globalThis, 'RTCPeerConnection', { value: DispatchingPeerConnection, configurable: true, writable: true });
  }
  if (g.RTCSessionDescription === undefined) {
    Object.defineProperty(globalThis, 'RTCSessionDescription', { value: PlainRTCSessionDescription, configurable: true, writable: true });
  }
}

/** A pcConfig that makes JsSIP's `new RTCPeerConnection(pcConfig)` call `factory`. */
export function pcConfigWith(factory: PeerConnectionFactory, base: Record<string, unknown> = { iceServers: [] }): Record<string, unknown> {
  return { ...base, [FACTORY]: factory };
}

let depth = 0;
/** Run `fn` with a `window` global that JsSIP's WebRTC checks accept; removed again afterwards. */
export function withJsSipWindow<T>(fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const own = g.window === undefined;
  if (own && depth === 0) {
    Object.defineProperty(globalThis, 'window', {
      value: { RTCPeerConnection: g.RTCPeerConnection },
      configurable: true,
      writable: true,
    });
  }
  depth++;
  try {
    return fn();
  } finally {
    depth--;
    if (own && depth === 0) delete g.window;
  }
}
