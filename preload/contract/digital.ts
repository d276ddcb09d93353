import { z } from 'zod';
import { epochMs, id, messageSchema } from './domain';
import { command, event } from './define';

export const transferTargetSchema = z.object({ kind: z.enum(['agent', 'queue']), id });

export const typingSchema = z.object({
  interactionId: id,
  agentTyping: z.boolean(),
  /** The agent's unsent draft, shown greyed (seed 003). */
  draft: z.string().max(100_000),
});

export const transcriptSchema = z.object({
  interactionId: id,
  messages: z.array(messageSchema),
  typing: typingSchema.optional(),
});

/** An audit entry in words (main/core/auditWording.ts), resolved when it was recorded. */
export const auditAboutSchema = z.object({
  action: z.string(),
  channel: z.string().optional(),
  customer: z.string().optional(),
  agent: z.string().optional(),
  target: z.string().optional(),
});
export type AuditAbout = z.infer<typeof auditAboutSchema>;

export const auditEntrySchema = z.object({
  id,
  at: epochMs,
  supervisorId: id,
  supervisorName: z.string(),
  action: z.string(),
  interactionId: id.optional(),
  target: z.string().optional(),
  result: z.enum(['ok', 'refused', 'failed']),
  detail: z.string().optional(),
  about: auditAboutSchema.optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const byInteraction = z.object({ interactionId: id }).strict();

export const digitalCommands = {
  'digital:transcript': command(byInteraction, transcriptSchema),
  'digital:monitor': command(byInteraction, z.object({})),
  'digital:stop': command(byInteraction, z.object({})),
  'digital:participate': command(byInteraction, z.object({})),
  'digital:send': command(z.object({ interactionId: id, text: z.string().min(1).max(20_000) }).strict(), z.object({})),
  'digital:transfer': command(z.object({ interactionId: id, target: transferTargetSchema }).strict(), z.object({})),
  'digital:release': command(byInteraction, z.object({})),
  'digital:assign': command(z.object({ interactionId: id, target: transferTargetSchema }).strict(), z.object({})),
  'digital:clearFlag': command(byInteraction, z.object({})),
  'digital:markViewed': command(byInteraction, z.object({})),
  'audit:list': command(z.object({ limit: z.number().int().positive().max(10_000).optional() }).strict(), z.array(auditEntrySchema)),
  'audit:exportCsv': command(z.object({}).strict(), z.object({ filename: z.string(), csv: z.string() })),
  /** Opens an http(s)/mailto link in the system browser after the user confirmed it. */
  'link:open': command(z.object({ url: z.string().max(4096) }).strict(), z.object({})),
};

export const digitalEvents = {
  'digital:messages': event(z.object({ interactionId: id, messages: z.array(messageSchema) })),
  'digital:typing': event(typingSchema),
  /** Each supervisor action as it is recorded: the audit log view is live. */
  'audit:entry': event(auditEntrySchema),
};
