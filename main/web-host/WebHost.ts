import { timingSafeEqual, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventSink, SupervisorCore } from '../core/SupervisorCore';
import type { Logger } from '../core/logger';
import { contentSecurityPolicy } from './csp';
import { resolveStatic } from './staticFiles';
import { clientFrameSchema, maxClientFrameBytes, type ServerFrame } from './wireProtocol';

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
}

export interface RunningWebHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Hosts the same SupervisorCore as Electron, for real Chromium runs.
 * Listens on 127.0.0.1 only. The contract travels over one WebSocket per
 * page; a socket without this run's token, or from another origin, is refused
 * before the upgrade completes.
 */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { core, log } = options;
  let origin = '';

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const found = resolveStatic(options.staticDir, req.url ?? '/');
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': found.type,
      'content-security-policy': contentSecurityPolicy(origin),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(found.file).pipe(res);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxClientFrameBytes });
  const extra = new WebSocketServer({ noServer: true, maxPayload: maxClientFrameBytes });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const refuse = (status: number, why: string) => {
      log.warnOnce(`ws-refused:${why}`, `Refused a bridge connection: ${why}.`);
      socket.write(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (!tokenMatches(url.searchParams.get('token'), token)) return refuse(401, 'missing or wrong token');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return refuse(403, `foreign origin ${req.headers.origin}`);
    const extraHandler = options.extraSockets?.[url.pathname];
    if (extraHandler) {
      extra.handleUpgrade(req, socket, head, (ws) => extraHandler(ws));
      return;
    }
    if (url.pathname !== '/bridge') return refuse(403, `unknown path ${url.pathname}`);
    sockets.handleUpgrade(req, socket, head, (ws) => serveBridge(ws, core, log));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets.clients) ws.terminate();
        for (const ws of extra.clients) ws.terminate();
        sockets.close();
        extra.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serveBridge(ws: WebSocket, core: SupervisorCore, log: Logger): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const sink: EventSink = (channel, payload) => send({ kind: 'event', channel, payload });
  const detach = core.attach(sink);
  ws.on('close', detach);
  ws.on('error', (e) => log.warnOnce(`ws-error:${e.message}`, `Bridge socket error: ${e.message}`));
  ws.on('message', (data, isBinary) => {
    let frame: unknown;
    try {
      if (isBinary) throw new Error('binary frames are not part of the contract');
      frame = JSON.parse(data.toString());
    } catch (e) {
      log.warnOnce('ws-bad-json', `Ignored a malformed bridge frame: ${(e as Error).message}`);
      send({ kind: 'error', error: { code: 'INVALID_PAYLOAD', message: 'Malformed message: expected a JSON invoke frame.' } });
      return;
    }
    const parsed = clientFrameSchema.safeParse(frame);
    if (!parsed.success) {
      log.warnOnce('ws-bad-frame', 'Ignored a bridge frame that is not an invoke frame.');
      send({ kind: 'error', error: { code: 'INVALID_PAYLOAD', message: 'Malformed message: expected {kind:"invoke", id, channel, payload}.' } });
      return;
    }
    const { id, channel, payload } = parsed.data;
    void core.handle(channel, payload, sink).then((result) => send({ kind: 'result', id, result }));
  });
}
