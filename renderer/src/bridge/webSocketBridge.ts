import type { CommandName, CommandRequest, CommandResponse, EventName, EventPayload, Result, SpyglassApi } from '../../../preload/contract';

type Listener = (payload: unknown) => void;

export type BridgeConnectionState = 'open' | 'closed' | 'refused';

/** The host closes with this when the socket's token is missing or from another run (main/web-host/wireProtocol.ts). */
export const tokenRefusedCloseCode = 4401;

/**
 * The contract over the web host's WebSocket, for runs in a plain browser.
 * Same `SpyglassApi` as Electron's preload; reconnects after a drop and
 * fails pending calls with a clear error instead of hanging. A refused token
 * is final: retrying with the same token cannot succeed, so it stops.
 */
export function createWebSocketBridge(url: string, onConnection: (state: BridgeConnectionState) => void): SpyglassApi {
  let socket: WebSocket | undefined;
  let nextId = 1;
  let backoffMs = 250;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<Listener>>();
  const queue: string[] = [];
  let refusedMessage: string | undefined;

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      backoffMs = 250;
      onConnection('open');
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (message) => {
      let frame: { kind: string; id?: number; result?: Result<unknown>; channel?: string; payload?: unknown };
      try {
        frame = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (frame.kind === 'result' && typeof frame.id === 'number') {
        pending.get(frame.id)?.(frame.result as Result<unknown>);
        pending.delete(frame.id);
      } else if (frame.kind === 'event' && frame.channel) {
        for (const l of listeners.get(frame.channel) ?? []) l(frame.payload);
      }
    };
    ws.onclose = (event) => {
      const refused = event.code === tokenRefusedCloseCode;
      onConnection(refused ? 'refused' : 'closed');
      const message = refused
        ? 'This Spyglass tab is from an earlier run. Open the URL printed in the terminal.'
        : 'Lost the connection to Spyglass; reconnecting. Try again in a moment.';
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'UNAVAILABLE', message } });
        pending.delete(id);
      }
      if (refused) {
        refusedMessage = message;
        queue.length = 0;
        return;
      }
      setTimeout(connect, backoffMs);
      backoffMs = Math.min(backoffMs * 2, 5000);
    };
  };
  connect();

  return {
    invoke<C extends CommandName>(channel: C, payload: CommandRequest<C>): Promise<Result<CommandResponse<C>>> {
      const id = nextId++;
      const frame = JSON.stringify({ kind: 'invoke', id, channel, payload });
      return new Promise((resolve) => {
        if (refusedMessage) return resolve({ ok: false, error: { code: 'UNAVAILABLE', message: refusedMessage } });
        pending.set(id, resolve as (r: Result<unknown>) => void);
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    on<E extends EventName>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
  };
}
