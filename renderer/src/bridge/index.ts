import type { SpyglassApi } from '../../../preload/contract';
import { createWebSocketBridge } from './webSocketBridge';

declare global {
  interface Window {
    spyglass?: SpyglassApi;
  }
}

const tokenKey = 'spyglass.bridgeToken';

/**
 * `window.spyglass` in Electron (exposed by preload); otherwise the web
 * host's WebSocket, authorised by the token from the printed URL. The token
 * is kept for this tab only so a reload keeps working.
 */
export function connectBridge(onConnection: (state: 'open' | 'closed') => void): SpyglassApi {
  if (window.spyglass) {
    onConnection('open');
    return window.spyglass;
  }
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? sessionStorage.getItem(tokenKey) ?? '';
  if (params.has('token')) {
    sessionStorage.setItem(tokenKey, token);
    // Keep the secret out of the address bar and history.
    window.history.replaceState(null, '', window.location.pathname);
  }
  const wsUrl = `${window.location.origin.replace(/^http/, 'ws')}/bridge?token=${encodeURIComponent(token)}`;
  return createWebSocketBridge(wsUrl, onConnection);
}
