import { z } from 'zod';

/**
 * Every command answers with a typed result instead of throwing across the
 * process boundary (Signal's sql_channel pattern): the renderer always gets a
 * code it can branch on and a message it can show.
 */
export const errorCodes = [
  'UNKNOWN_CHANNEL',
  'INVALID_PAYLOAD',
  'BAD_SENDER',
  'FORBIDDEN',
  'REFUSED',
  'NOT_FOUND',
  'UNAVAILABLE',
  'DISK_FULL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, message },
});

/** A refusal raised inside a handler; the dispatcher turns it into `{ok:false}`. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
