/**
 * The transport between main's RemotePeerConnections and the renderer's real
 * RTCPeerConnections (renderer/src/media). Main sends requests and awaits one
 * response each; the renderer pushes peer-connection events on one ordered
 * stream. The integrator wires `createMediaHostChannel` to Electron IPC or to
 * the web host's WebSocket; tests use an in-process fake.
 */
import {
  mediaEventSchema,
  mediaResponseSchema,
  type MediaEvent,
  type MediaMethod,
  type MediaRequest,
  type MediaResult,
} from '../../preload/contract/phone';

export interface MediaHost {
  request(pcId: string, method: MediaMethod, args: unknown[]): Promise<MediaResult>;
  /** Subscribe to renderer peer-connection events; returns the unsubscribe. */
  onEvent(listener: (event: MediaEvent) => void): () => void;
}

export class MediaHostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaHostError';
  }
}

export interface MediaHostChannel {
  host: MediaHost;
  /** Feed a `media:response` payload received from the renderer (validated here). */
  handleResponse(payload: unknown): void;
  /** Feed a `media:event` payload received from the renderer (validated here). */
  handleEvent(payload: unknown): void;
  /** The renderer went away (reload, crash): fail everything in flight. */
  detach(reason: string): void;
  pending(): number;
}

/**
 * Request/response correlation over any one-way message pipe.
 * `send` delivers a `media:request` to the renderer (webContents.send, ws.send...).
 */
export function createMediaHostChannel(
  send: (request: MediaRequest) => void,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
): MediaHostChannel {
  let seq = 0;
  const inFlight = new Map<number, { resolve: (r: MediaResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  const listeners = new Set<(e: MediaEvent) => void>();

  const host: MediaHost = {
    request(pcId, method, args) {
      return new Promise<MediaResult>((resolve, reject) => {
        const n = ++seq;
        const timer = setTimeout(() => {
          inFlight.delete(n);
          reject(new MediaHostError(`media host did not answer ${method} within ${timeoutMs} ms`));
        }, timeoutMs);
        inFlight.set(n, { resolve, reject, timer });
        try {
          send({ seq: n, pcId, method, args });
        } catch (e) {
          clearTimeout(timer);
          inFlight.delete(n);
          reject(new MediaHostError(`media host unreachable: ${(e as Error).message}`));
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    host,
    handleResponse(payload) {
      const r = mediaResponseSchema.safeParse(payload);
      if (!r.success) return; // a malformed response is dropped; its request times out with a clear error
      const p = inFlight.get(r.data.seq);
      if (!p) return;
      inFlight.delete(r.data.seq);
      clearTimeout(p.timer);
      if (r.data.ok) p.resolve(r.data.result ?? {});
      else p.reject(new MediaHostError(r.data.error ?? 'media host error'));
    },
    handleEvent(payload) {
      const e = mediaEventSchema.safeParse(payload);
      if (!e.success) return;
      for (const l of listeners) l(e.data);
    },
    detach(reason) {
      for (const [n, p] of inFlight) {
        clearTimeout(p.timer);
        p.reject(new MediaHostError(reason));
        inFlight.delete(n);
      }
    },
    pending: () => inFlight.size,
  };
}
