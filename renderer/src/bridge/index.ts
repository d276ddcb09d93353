import type { SpyglassApi } from '../../../preload/contract';
import { createWebSocketBridge, type BridgeConnectionState } from './webSocketBridge';

declare global {
  interface Window {
    spyglass?: SpyglassApi;
  }
}

/** Kept from an earlier version of this page; the token now travels only in the host's HttpOnly cookie. */
const oldTokenKey = 'spyglass.bridgeToken';
const refusedReloadKey = 'spyglass.tokenRefusedReloadAt';

/**
 * `window.spyglass` in Electron (exposed by preload); otherwise the web
 * host's WebSocket. The printed URL's token was turned into an HttpOnly
 * cookie by the host when this page loaded, and the socket carries that
 * cookie: the page and its socket use the same credential, so a page that
 * loaded can connect unless the host restarted since.
 */
export function connectBridge(onConnection: (state: BridgeConnectionState) => void): SpyglassApi {
  if (window.spyglass) {
    onConnection('open');
    return window.spyglass;
  }
  sessionStorage.removeItem(oldTokenKey);
  if (new URLSearchParams(window.location.search).has('token')) {
    // Keep the secret out of the address bar and history.
    window.history.replaceState(null, '', window.location.pathname);
  }
  const wsUrl = `${window.location.origin.replace(/^http/, 'ws')}/bridge`;
  return createWebSocketBridge(wsUrl, (state) => {
    if (state === 'open') sessionStorage.removeItem(refusedReloadKey);
    if (state === 'refused') explainRefusal();
    onConnection(state);
  });
}

/**
 * The host no longer accepts this tab's token (it restarted). Reloading
 * shows the host's own page saying so and what to do. Once only: should the
 * reload bring the app back and be refused again, the status bar says it.
 */
function explainRefusal(): void {
  const last = Number(sessionStorage.getItem(refusedReloadKey) ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem(refusedReloadKey, String(Date.now()));
  window.location.reload();
}
