import { z } from 'zod';
import { agentStatusSchema } from './domain';
import { command, event } from './define';
import { deltaSchema, snapshotSchema } from './views';

export const settingValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const configViewSchema = z.object({
  /** Effective values: defaults < user settings < IT policy. */
  values: z.record(z.string(), settingValueSchema),
  /** Keys fixed by the machine-wide IT policy; shown locked in Settings. */
  locked: z.array(z.string()),
  /** Keys nobody set whose value is the chosen PBX profile's own default; shown as "from the profile". */
  fromProfile: z.array(z.string()).optional(),
  policyPath: z.string(),
  /** Set when the policy file exists but is invalid: nothing of it was applied. */
  policyError: z.string().optional(),
  /** Set when the user's own settings file has values that did not apply (the rest did) or cannot be read. */
  settingsProblem: z.string().optional(),
});
export type ConfigView = z.infer<typeof configViewSchema>;

export const helloSchema = z.object({
  product: z.literal('Spyglass'),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  mode: z.enum(['online', 'offline']),
});

export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  text: z.string(),
  at: z.number(),
  /** Already shown to the supervisor in a window: a window opened later counts it, it does not toast it again. */
  shown: z.boolean().optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const coreCommands = {
  'app:hello': command(z.object({}).strict(), helloSchema),
  'session:snapshot': command(z.object({}).strict(), snapshotSchema),
  'supervisor:setStatus': command(z.object({ status: agentStatusSchema }).strict(), z.object({})),
  'config:get': command(z.object({}).strict(), configViewSchema),
  'config:set': command(
    z.object({ key: z.string().min(1).max(100), value: settingValueSchema }).strict(),
    configViewSchema,
  ),
  'notices:list': command(z.object({}).strict(), z.array(noticeSchema)),
  /** The supervisor read (dismissed) these notices: no later window shows them again. */
  'notices:read': command(z.object({ ids: z.array(z.string().min(1).max(100)).max(100) }).strict(), z.object({})),
};

export const coreEvents = {
  'session:snapshot': event(snapshotSchema),
  'session:delta': event(deltaSchema),
  'config:changed': event(configViewSchema),
  notice: event(noticeSchema),
};
