import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SupervisorCore } from '../core/SupervisorCore';
import type { Logger } from '../core/logger';
import { accessPage, accessPagePolicy } from './accessPage';
import { serveBridge, startHeartbeat } from './bridgeSocket';
import { contentSecurityPolicy } from '../app/csp';
import { checkToken, hostAllowed, originAllowed, parseRequestTarget, readCookie, tokenCookieName } from './requestGuards';
import { applyLimits, defaultLimits, serverOptions, type WebHostLimits } from './serverLimits';
import { resolveStatic } from './staticFiles';
import { maxClientFrameBytes, tokenRefusedCloseCode } from './wireProtocol';

export interface WebHostOptions {
  core: SupervisorCore;
  /** The built renderer (out/renderer). */
  staticDir: string;
  log: Logger;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Extra WebSocket endpoints (e.g. the demo's test controls), same token rules. */
  extraSockets?: Record<string, (socket: WebSocket) => void>;
  /** Connection caps and timeouts (tests shorten them). */
  limits?: Partial<WebHostLimits>;
}

export interface RunningWebHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const statusText: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/**
 * Hosts the same SupervisorCore as Electron, for real Chromium runs.
 * Listens on 127.0.0.1 only and answers only requests that name it by its
 * own address (Host 127.0.0.1:PORT or localhost:PORT, against DNS
 * rebinding) and carry this run's token: in the URL of the printed address,
 * then in an HttpOnly, SameSite=Strict cookie that the first load sets, so
 * assets and the bridge socket need no token in their URLs. A WebSocket from
 * another origin is refused before the upgrade completes. Nothing a client
 * sends can throw out of a handler; connections are capped and timed out
 * (serverLimits.ts).
 */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limits = { ...defaultLimits, ...options.limits };
  const { core, log } = options;
  let port = 0;

  const server = http.createServer(serverOptions(limits), (req, res) => {
    try {
      serveRequest(req, res);
    } catch (e) {
      log.error(`Web host request failed: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    }
  });
  applyLimits(server, limits, log);

  function serveRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const plain = (status: number, text: string): void => void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
    const target = parseRequestTarget(req.url);
    if (!target) return plain(400, 'Bad request target.');
    if (!hostAllowed(req.headers.host, port)) {
      log.warnOnce('web-host:foreign-host', 'Refused a request for another host name (DNS rebinding?).');
      return plain(403, `Spyglass answers only at http://127.0.0.1:${port}/. Open the URL printed in the terminal.`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    const cookieName = tokenCookieName(port);
    const access = checkToken(target.token, readCookie(req.headers.cookie, cookieName), token);
    if (access !== 'valid') {
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': accessPagePolicy, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
      res.end(req.method === 'HEAD' ? undefined : accessPage(access, port));
      return;
    }
    const found = resolveStatic(options.staticDir, target.pathname);
    if (!found) return plain(404, 'Not found');
    const headers: http.OutgoingHttpHeaders = {
      'content-type': found.type,
      'content-security-policy': contentSecurityPolicy(`http://127.0.0.1:${port}`),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    // The printed URL's token becomes a cookie the page's assets and socket carry.
    if (target.token !== undefined) headers['set-cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(found.file)
      .on('error', (e) => {
        log.warn(`Could not read ${found.file}: ${e.message}`);
        res.destroy();
      })
      .pipe(res);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxClientFrameBytes });
  const extra = new WebSocketServer({ noServer: true, maxPayload: maxClientFrameBytes });
  const refusals = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const stopHeartbeat = startHeartbeat(() => [...sockets.clients, ...extra.clients], limits.heartbeatMs);

  server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    // After an upgrade the HTTP server no longer handles this socket's errors.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (e) {
      log.error(`Web host upgrade failed: ${(e as Error).message}`);
      refuse(socket, 500);
    }
  });

  function refuse(socket: Socket, status: number): void {
    if (socket.writable) socket.end(`HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
    else socket.destroy();
  }

  function upgrade(req: http.IncomingMessage, socket: Socket, head: Buffer): void {
    const refused = (status: number, why: string) => {
      log.warnOnce(`ws-refused:${status}:${why}`, `Refused a bridge connection: ${why}.`);
      refuse(socket, status);
    };
    const target = parseRequestTarget(req.url);
    if (!target) return refused(400, 'bad request target');
    if (!hostAllowed(req.headers.host, port)) return refused(403, 'another host name (DNS rebinding?)');
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin, port)) return refused(403, 'foreign origin');
    const extraHandler = Object.hasOwn(options.extraSockets ?? {}, target.pathname) ? options.extraSockets?.[target.pathname] : undefined;
    if (target.pathname !== '/bridge' && !extraHandler) return refused(404, 'unknown path');
    const access = checkToken(target.token, readCookie(req.headers.cookie, tokenCookieName(port)), token);
    if (access !== 'valid') {
      // A tab of ours (from before a restart) is told why in a way a browser can read; others get a plain 401.
      if (origin !== undefined && target.pathname === '/bridge') {
        log.warnOnce('ws-refused:stale-tab', 'Told a browser tab its token is missing or from an earlier run.');
        refusals.handleUpgrade(req, socket, head, (ws) => ws.close(tokenRefusedCloseCode, 'Access token missing or from an earlier run'));
        return;
      }
      return refused(401, 'missing or wrong token');
    }
    if (extraHandler) extra.handleUpgrade(req, socket, head, (ws) => extraHandler(ws));
    else sockets.handleUpgrade(req, socket, head, (ws) => serveBridge(ws, core, log));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', (e) => log.error(`Web host server error: ${e.message}`));
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        stopHeartbeat();
        for (const ws of [...sockets.clients, ...extra.clients, ...refusals.clients]) ws.terminate();
        sockets.close();
        extra.close();
        refusals.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
