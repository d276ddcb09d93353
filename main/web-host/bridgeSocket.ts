import type { WebSocket } from 'ws';
import type { EventSink, SupervisorCore } from '../core/SupervisorCore';
import type { Logger } from '../core/logger';
import { batchChatMessages } from '../core/chatMessageBatch';
import { clientFrameSchema, maxClientFrameBytes, type ServerFrame } from './wireProtocol';

/**
 * One browser page's contract connection: invoke frames in, results and
 * events out. Every frame is parsed defensively; nothing in one can throw out
 * of here, and nothing from one is kept (log keys and lines are fixed text).
 */
export function serveBridge(ws: WebSocket, core: SupervisorCore, log: Logger): void {
  const write = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  // A watched chat's messages leave together, at most one frame (16 ms) after the first (chatMessageBatch.ts).
  const events = batchChatMessages((channel, payload) => write({ kind: 'event', channel, payload }));
  const sink: EventSink = events.sink;
  // Replies and errors go after every event sent before them, as before the batching.
  const send = (frame: ServerFrame) => {
    events.flush();
    write(frame);
  };
  const detach = core.attach(sink);
  ws.on('close', () => {
    events.stop();
    detach();
  });
  ws.on('error', (e: Error & { code?: string }) => {
    // ws closes the socket itself (1009 for an oversized frame, 1002 for a protocol error).
    const why = e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? `a frame over ${maxClientFrameBytes / 1024 / 1024} MB` : (e.code ?? 'socket error');
    log.warnOnce(`ws-error:${e.code ?? 'unknown'}`, `Closed a bridge socket: ${why}.`);
  });
  ws.on('message', (data, isBinary) => {
    let frame: unknown;
    try {
      if (isBinary) throw new Error('binary frames are not part of the contract');
      frame = JSON.parse(data.toString());
    } catch {
      log.warnOnce('ws-bad-json', 'Ignored a malformed bridge frame (not JSON text).');
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
    core.handle(channel, payload, sink).then(
      (result) => send({ kind: 'result', id, result }),
      (e: unknown) => {
        log.error(`A bridge command failed outside dispatch: ${e instanceof Error ? e.message : String(e)}`);
        send({ kind: 'result', id, result: { ok: false, error: { code: 'INTERNAL', message: 'The command failed unexpectedly. Details are in the Spyglass log; try again.' } } });
      },
    );
  });
}

/**
 * Closes sockets whose peer vanished without a FIN (laptop lid, pulled cable):
 * each is pinged every interval and terminated if the previous ping got no pong.
 * Browsers answer pings by themselves.
 */
export function startHeartbeat(clients: () => Iterable<WebSocket>, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>();
  const seen = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of clients()) {
      if (!seen.has(ws)) {
        seen.add(ws);
        alive.add(ws);
        ws.on('pong', () => alive.add(ws));
      }
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
