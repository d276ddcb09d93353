/**
 * A WebSocket whose far end goes silent (no reset: a NAT that forgot the
 * mapping, a link cut beyond the router) is noticed by the phone's pings and
 * reported as a lost connection, so the phone reconnects; a healthy one that
 * answers its pings stays up. Real `ws` server on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSide } from 'ws';
import { NodeWsSocket } from '../../../main/phone/nodeWsSocket';

let server: WebSocketServer | undefined;
afterEach(async () => {
  for (const c of server?.clients ?? []) c.terminate();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(): Promise<{ url: string; connected: Promise<ServerSide> }> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'sip' });
  await new Promise((r) => server!.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const connected = new Promise<ServerSide>((r) => server!.once('connection', r));
  return { url: `ws://127.0.0.1:${port}`, connected };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WebSocket keepalive', () => {
  it('drops a connection whose server stopped answering pings and says why', async () => {
    const { url, connected } = await serve();
    const socket = new NodeWsSocket(url, { keepaliveMs: 50 });
    const up = new Promise<void>((r) => (socket.onconnect = r));
    const down = new Promise<{ error: boolean; code?: number }>((r) => (socket.ondisconnect = (error, code) => r({ error, code })));
    socket.connect();
    await up;
    // The far end goes silent: it reads nothing more, so it answers no ping and sends no close.
    (await connected as unknown as { _socket: { pause(): void } })._socket.pause();
    const lost = await Promise.race([down, wait(2000).then(() => null)]);
    expect(lost).toMatchObject({ error: true });
    expect(socket.lastError?.code).toBe('KEEPALIVE_TIMEOUT');
    expect(socket.isConnected()).toBe(false);
  });

  it('keeps a connection that answers its pings', async () => {
    const { url, connected } = await serve();
    const socket = new NodeWsSocket(url, { keepaliveMs: 30 });
    let dropped = false;
    socket.ondisconnect = () => (dropped = true);
    const up = new Promise<void>((r) => (socket.onconnect = r));
    socket.connect();
    await up;
    const far = await connected;
    let pings = 0;
    far.on('ping', () => pings++);
    await wait(400);
    expect(dropped).toBe(false);
    expect(socket.isConnected()).toBe(true);
    expect(pings).toBeGreaterThan(3);
    socket.disconnect();
  });
});
