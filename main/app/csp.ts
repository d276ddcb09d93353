/**
 * The renderer's Content-Security-Policy, one definition for both hosts
 * (Electron's app:// handler and the web host): our own scripts and styles
 * only, no inline script, no plugins, no framing, no forms, media from our
 * own origin and from the microphone and call streams.
 *
 * @param bridgeOrigin the web host's http origin: its page talks to the core
 *   over a WebSocket there, so `connect-src` also allows that ws:// origin.
 *   Electron talks over IPC and passes nothing.
 */
export function contentSecurityPolicy(bridgeOrigin?: string): string {
  const connect = bridgeOrigin === undefined ? "connect-src 'self'" : `connect-src 'self' ${bridgeOrigin.replace(/^http/, 'ws')}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    connect,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
