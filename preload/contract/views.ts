import { z } from 'zod';
import {
  agentSchema,
  availabilitySchema,
  id,
  interactionSchema,
  queueSchema,
  supervisorSchema,
  epochMs,
  supervisionModeSchema,
} from './domain';

/**
 * What the renderer shows: domain objects plus the actions main computed for
 * this supervisor (DESIGN.md: "Main owns the truth").
 */

export const voiceParticipantActionsSchema = z.object({
  monitor: availabilitySchema,
  coach: availabilitySchema,
  barge: availabilitySchema,
  stop: availabilitySchema,
});
export type VoiceParticipantActions = z.infer<typeof voiceParticipantActionsSchema>;

export const digitalActionsSchema = z.object({
  monitor: availabilitySchema,
  participate: availabilitySchema,
  transfer: availabilitySchema,
  release: availabilitySchema,
  assign: availabilitySchema,
  clearFlag: availabilitySchema,
  stop: availabilitySchema,
});
export type DigitalActions = z.infer<typeof digitalActionsSchema>;

export const interactionViewSchema = interactionSchema.extend({
  /** Voice: per participant id. Empty for digital interactions. */
  participantActions: z.record(z.string(), voiceParticipantActionsSchema),
  /** Digital only. */
  digitalActions: digitalActionsSchema.optional(),
  /** Derived for display: the SLA deadline passed while waiting/unanswered. */
  slaMissed: z.boolean(),
  /** This supervisor is monitoring/participating in it (binocular in own list). */
  supervisedByMe: z.boolean(),
  /** New activity since this supervisor last viewed it (rule 14); set by the core. */
  unseenActivity: z.boolean().optional(),
});
export type InteractionView = z.infer<typeof interactionViewSchema>;

export const agentViewSchema = agentSchema.extend({
  /** The binocular button: can this supervisor monitor the agent's current call/chat? */
  monitor: availabilitySchema,
  /** The interaction the binocular would monitor. */
  monitorInteractionId: id.optional(),
});
export type AgentView = z.infer<typeof agentViewSchema>;

export const voiceSessionSchema = z.object({
  interactionId: id,
  participantId: id,
  mode: supervisionModeSchema,
  state: z.enum(['connecting', 'active', 'ending', 'ended', 'failed']),
  startedAt: epochMs,
  /** True whenever anyone (agent or customer) can hear the supervisor. */
  micLive: z.boolean(),
  /** Who the supervisor hears right now, by display name. */
  hearing: z.array(z.string()),
  /** Who hears the supervisor right now, by display name. */
  heardBy: z.array(z.string()),
  /**
   * Held parties the PBX still sends on the leg (a channel spy on hold) whom
   * Spyglass mutes for privacy: the leg's playback is silent while this is non-empty.
   */
  mutedOnHold: z.array(z.string()).optional(),
  error: z.string().optional(),
  /** An ended session (issue 12 item 4, the toolbar stays as a wrap-up): when it ended, on the core's clock. */
  endedAt: epochMs.optional(),
  /** What ended it, in the connector's or the phone's words ("Call ended by the customer"). */
  endNote: z.string().max(500).optional(),
});
export type VoiceSession = z.infer<typeof voiceSessionSchema>;

export const connectorStatusSchema = z.object({
  name: z.string(),
  state: z.enum(['connecting', 'online', 'offline', 'error']),
  message: z.string().optional(),
});
export type ConnectorStatus = z.infer<typeof connectorStatusSchema>;

export const snapshotSchema = z.object({
  at: epochMs,
  supervisor: supervisorSchema,
  agents: z.array(agentViewSchema),
  queues: z.array(queueSchema),
  interactions: z.array(interactionViewSchema),
  voiceSession: voiceSessionSchema.optional(),
  connector: connectorStatusSchema,
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** Batched changes (one event per tick, never one per agent). */
export const deltaSchema = z.object({
  at: epochMs,
  supervisor: supervisorSchema.optional(),
  agents: z.array(agentViewSchema).optional(),
  /** Per agent in `agents`: when main received the connector event that changed them (wall clock, before batching). */
  agentChangedAt: z.record(id, epochMs).optional(),
  removedAgentIds: z.array(id).optional(),
  queues: z.array(queueSchema).optional(),
  interactions: z.array(interactionViewSchema).optional(),
  removedInteractionIds: z.array(id).optional(),
  connector: connectorStatusSchema.optional(),
});
export type Delta = z.infer<typeof deltaSchema>;
