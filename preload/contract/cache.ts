import { z } from 'zod';
import { channelSchema, epochMs, id } from './domain';
import { command, event } from './define';

/** Offline review (rule 19): search and open what the supervisor saw, with no connection. */

const segmentSchema = z.object({ text: z.string(), hit: z.boolean() });
const agentRefSchema = z.object({ id: z.string(), name: z.string() });
const senderKindSchema = z.enum(['customer', 'agent', 'supervisor', 'system']);

export const cachedInteractionSchema = z.object({
  id: z.string(),
  channel: channelSchema,
  queueId: z.string().nullable(),
  queueName: z.string().nullable(),
  agents: z.array(agentRefSchema),
  customerName: z.string().nullable(),
  state: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  monitoredByMe: z.boolean(),
  lastSeenAt: z.number(),
  messageCount: z.number(),
});

export const cacheSearchRequestSchema = z
  .object({
    text: z.string().max(200).optional(),
    agentId: id.optional(),
    queueId: id.optional(),
    channel: channelSchema.optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    monitoredByMe: z.boolean().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();

export const cacheSearchResultSchema = z.object({
  items: z.array(
    cachedInteractionSchema.extend({
      hits: z.array(
        z.object({
          messageId: z.string(),
          at: z.number(),
          senderKind: senderKindSchema,
          senderName: z.string(),
          segments: z.array(segmentSchema),
        }),
      ),
    }),
  ),
  terms: z.array(z.string()),
  truncated: z.boolean(),
});
export type CacheSearchResult = z.infer<typeof cacheSearchResultSchema>;

export const noteSchema = z.object({
  id: z.number(),
  interactionId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  at: z.number(),
  text: z.string().nullable(),
});
export type CachedNote = z.infer<typeof noteSchema>;

export const cachedDetailSchema = z.object({
  interaction: cachedInteractionSchema,
  participants: z.array(z.object({ participantId: z.string(), name: z.string(), kind: z.enum(['internal', 'external']), role: z.string() })),
  transcript: z.array(
    z.object({ messageId: z.string(), senderKind: senderKindSchema, senderName: z.string(), at: z.number(), channel: channelSchema, body: z.string().nullable() }),
  ),
  timeline: z.array(z.object({ eventId: z.string(), at: z.number(), kind: z.string(), text: z.string(), supervisorName: z.string().nullable().optional() })),
  supervisionPeriods: z.array(
    z.object({
      periodId: z.string(),
      supervisorId: z.string(),
      supervisorName: z.string(),
      mode: z.enum(['monitor', 'coach', 'barge']),
      participantId: z.string().nullable().optional(),
      participantName: z.string().nullable().optional(),
      startedAt: z.number(),
      endedAt: z.number().nullable().optional(),
    }),
  ),
  notes: z.array(noteSchema),
});
export type CachedDetail = z.infer<typeof cachedDetailSchema>;

export const cacheStatusSchema = z.object({
  /** Offline: the live contact center is not connected; only cached data is shown. */
  mode: z.enum(['online', 'offline']),
  /** Why offline, in words ("You chose Offline", "The contact center is unreachable"). */
  reason: z.string().optional(),
  available: z.boolean(),
  /** When the cache last saved something (how old the cached data is). */
  lastWriteAt: z.number().nullable(),
  interactions: z.number(),
  messages: z.number(),
  /** Shown as a warning: e.g. the OS secret store is unavailable. */
  warnings: z.array(z.string()),
});
export type CacheStatus = z.infer<typeof cacheStatusSchema>;

/** A cached interaction's id: connector, the platform's id (up to 200) and an epoch, see main/cache/interactionIdentity.ts. */
const cachedInteractionId = z.string().min(1).max(300);

export const cacheCommands = {
  'cache:status': command(z.object({}).strict(), cacheStatusSchema),
  'cache:search': command(cacheSearchRequestSchema, cacheSearchResultSchema),
  'cache:open': command(z.object({ interactionId: cachedInteractionId }).strict(), cachedDetailSchema),
  'cache:export': command(
    z.object({ interactionId: cachedInteractionId, format: z.enum(['text', 'pdf']) }).strict(),
    z.object({ filename: z.string(), mimeType: z.string(), base64: z.string() }),
  ),
  /** Supervisor notes on any interaction, live or cached. */
  'notes:add': command(z.object({ interactionId: cachedInteractionId, text: z.string().trim().min(1).max(10_000) }).strict(), noteSchema),
  'app:setOffline': command(z.object({ offline: z.boolean() }).strict(), cacheStatusSchema),
};

export const cacheEvents = {
  'cache:status': event(cacheStatusSchema),
};
