import { z } from 'zod';

/**
 * Frames on the web host's WebSocket. The payloads inside are the same
 * contract as Electron IPC; this only adds request ids.
 */
export const clientFrameSchema = z.object({
  kind: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.unknown(),
  payload: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type ServerFrame =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'event'; channel: string; payload: unknown }
  | { kind: 'error'; error: { code: 'INVALID_PAYLOAD'; message: string } };

/** Largest frame accepted from a browser (a long chat reply fits easily). */
export const maxClientFrameBytes = 2 * 1024 * 1024;

/**
 * Close code for a bridge WebSocket whose token is missing or from another
 * run, sent to pages of our own origin (a tab from before a restart) so they
 * can say so instead of reconnecting forever. Same number in
 * renderer/src/bridge/webSocketBridge.ts (the renderer cannot import main).
 */
export const tokenRefusedCloseCode = 4401;
