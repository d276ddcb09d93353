// Secrets (issue 14 item 5): the SIP password and the Asterisk AMI secret.
//
// Write-only on purpose: the renderer can set or clear a secret and learn
// whether one is set and where it is kept, never read one back. A secret is
// never a setting, so it is never in settings.json, the IT policy or a
// `config:changed` event.
import { z } from 'zod';
import { command } from './define';

export const secretNames = ['phone.password', 'asterisk.secret', 'phone.turnPassword'] as const;
export const secretNameSchema = z.enum(secretNames);
export type SecretName = z.infer<typeof secretNameSchema>;

/** Longer than this is refused (a wrong file or a paste of something else). */
export const MAX_SECRET_CHARS = 1000;

/** One line of 1..MAX_SECRET_CHARS characters: SIP and AMI both carry it in a single header or line. */
export const secretValueSchema = z
  .string()
  .min(1, 'A secret cannot be empty; use clear to remove it.')
  .max(MAX_SECRET_CHARS, `A secret is at most ${MAX_SECRET_CHARS} characters.`)
  .refine((v) => !/[\r\n\0]/.test(v), 'A secret is one line (no line breaks or NUL characters).');

export const secretStateSchema = z.object({
  name: secretNameSchema,
  /**
   * `store`: kept by Spyglass (see `keptIn`); `environment`: none kept, but the
   * lab/test environment variable supplies one; `none`: not set anywhere.
   */
  source: z.enum(['store', 'environment', 'none']),
});
export type SecretState = z.infer<typeof secretStateSchema>;

export const secretsStatusSchema = z.object({
  /** `os-store`: encrypted by the OS secret store (safeStorage); `user-file`: a file only this user can read. */
  keptIn: z.enum(['os-store', 'user-file']),
  /** Where, in words (shown under the fields). */
  where: z.string().max(1000),
  secrets: z.array(secretStateSchema).max(secretNames.length),
});
export type SecretsStatus = z.infer<typeof secretsStatusSchema>;

export const secretCommands = {
  'secrets:status': command(z.object({}).strict(), secretsStatusSchema),
  /** Set (`value` a string) or clear (`value` null) one secret. Answers with the status, never the value. */
  'secrets:set': command(z.object({ name: secretNameSchema, value: secretValueSchema.nullable() }).strict(), secretsStatusSchema),
};
