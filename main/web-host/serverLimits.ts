import type * as http from 'node:http';
import type { Logger } from '../core/logger';

/**
 * How much any client, well-meaning or not, can hold of the web host. One
 * browser tab needs a handful of connections (assets, then one WebSocket);
 * a client that opens hundreds, or opens them and says nothing, or trickles
 * its headers a byte at a time, is cut off by these.
 */
export interface WebHostLimits {
  /** Open TCP connections at once (HTTP and WebSocket); more are closed at once. */
  maxConnections: number;
  /** The whole request head must arrive within this (slowloris, half-open connects). */
  headersTimeoutMs: number;
  /** The whole request must arrive within this. */
  requestTimeoutMs: number;
  /** An idle kept-alive HTTP connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Largest request head; bigger gets 431. */
  maxHeaderBytes: number;
  /** WebSocket ping interval; a socket that did not answer the previous ping is closed (half-open). */
  heartbeatMs: number;
}

export const defaultLimits: WebHostLimits = {
  maxConnections: 64,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
  heartbeatMs: 30_000,
};

/** The options `http.createServer` takes for these limits. */
export function serverOptions(limits: WebHostLimits): http.ServerOptions {
  return {
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // How often Node looks for requests past their timeouts (default 30 s, longer than ours).
    connectionsCheckingInterval: Math.max(20, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  };
}

/**
 * The limits a server enforces after creation, and a clear answer to what the
 * HTTP parser refuses (Node answers nothing useful once a 'clientError'
 * listener exists, so this one answers for it).
 */
export function applyLimits(server: http.Server, limits: WebHostLimits, log: Logger): void {
  server.maxConnections = limits.maxConnections;
  server.on('drop', () => log.warnOnce('web-host:connection-cap', `Refused connections over the cap of ${limits.maxConnections} open at once.`));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = clientErrorStatus(error.code);
    log.warnOnce(`web-host:client-error:${error.code ?? 'unknown'}`, `Refused a malformed request (${error.code ?? 'unknown'}): answered ${status.line}.`);
    // A response already under way (a timeout mid-body) cannot get a second status line.
    if (socket.writable && !(socket as { _httpMessage?: unknown })._httpMessage) {
      socket.end(`HTTP/1.1 ${status.line}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
    } else {
      socket.destroy();
    }
  });
}

function clientErrorStatus(code: string | undefined): { line: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { line: '431 Request Header Fields Too Large' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { line: '408 Request Timeout' };
  return { line: '400 Bad Request' };
}
