import { z } from 'zod';

/**
 * The contact-center domain as it crosses the process boundary. Connectors
 * produce these shapes, the supervision rules read them, the renderer shows
 * them and the cache stores them. Times are integer milliseconds since epoch.
 */

export const id = z.string().min(1).max(200);
export const epochMs = z.number().int().nonnegative();

export const permissions = [
  'call:monitor',
  'call:add',
  'call:coach',
  'call:barge',
  'message:monitor',
  'message:view',
  'message:accept',
  'chat:participate',
] as const;
export const permissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof permissionSchema>;

export const agentStatuses = ['Available', 'On Queue', 'Busy', 'Away', 'Offline'] as const;
export const agentStatusSchema = z.enum(agentStatuses);
export type AgentStatus = z.infer<typeof agentStatusSchema>;

export const channels = ['voice', 'webMessaging', 'thirdPartyMessaging', 'sms', 'chat'] as const;
export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;
export const isDigital = (c: Channel): boolean => c !== 'voice';
/** A channel's name wherever a person reads it: lists, details, the audit log, exports (one definition). */
export const channelNames: Record<Channel, string> = {
  voice: 'Voice',
  webMessaging: 'Web messaging',
  thirdPartyMessaging: 'Messaging',
  sms: 'SMS',
  chat: 'Chat',
};

export const supervisionModes = ['monitor', 'coach', 'barge'] as const;
export const supervisionModeSchema = z.enum(supervisionModes);
export type SupervisionMode = z.infer<typeof supervisionModeSchema>;

export const supervisorSchema = z.object({
  id,
  name: z.string(),
  status: agentStatusSchema,
  permissions: z.array(permissionSchema),
  /** The supervisor's own extension/station, used to detect "own call". */
  extension: z.string().optional(),
});
export type Supervisor = z.infer<typeof supervisorSchema>;

export const queueSchema = z.object({
  id,
  name: z.string(),
  waiting: z.number().int().nonnegative(),
  /** Target answer time for this queue; a chat waiting longer misses SLA. */
  slaSeconds: z.number().int().positive(),
  oldestWaitingSince: epochMs.optional(),
  /** Calls answered and finished, as the platform counts them (Asterisk: since its queue statistics were last reset). */
  completed: z.number().int().nonnegative().optional(),
  abandoned: z.number().int().nonnegative().optional(),
  /** Share of completed calls answered within slaSeconds, 0..100, when the platform computes it. */
  serviceLevelPercent: z.number().min(0).max(100).optional(),
});
export type Queue = z.infer<typeof queueSchema>;

export const agentSchema = z.object({
  id,
  name: z.string(),
  status: agentStatusSchema,
  statusSince: epochMs,
  queueIds: z.array(id),
  extension: z.string(),
  interactionIds: z.array(id),
  /** Set while the agent wraps up after a contact (after-call work), by platforms that report it. */
  afterCallWorkSince: epochMs.optional(),
  /** Skills the platform routes on (languages, products), by platforms that report them. */
  skills: z.array(z.string().min(1).max(100)).max(50).optional(),
});
export type Agent = z.infer<typeof agentSchema>;

export const participantRoles = ['agent', 'customer', 'specialist', 'supervisor', 'external'] as const;
export const participantSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(['internal', 'external']),
  role: z.enum(participantRoles),
  agentId: id.optional(),
  state: z.enum(['alerting', 'connected', 'held', 'disconnected']),
  /** A specialist brought in by a consult (barge into them is refused). */
  inConsult: z.boolean().default(false),
  /** Part of a conference (barge into them is refused). */
  inConference: z.boolean().default(false),
  /** Set for supervisor participants: what they are doing and to whom. */
  supervising: z
    .object({
      supervisorId: id,
      mode: supervisionModeSchema,
      targetParticipantId: id,
      /**
       * The platform does not report this supervisor's mode (Asterisk's AMI shows another seat's
       * ChanSpy but not whether it whispers or barges): show "listening in", never a mode.
       */
      modeUnknown: z.literal(true).optional(),
    })
    .optional(),
  joinedAt: epochMs,
});
export type Participant = z.infer<typeof participantSchema>;

export const interactionStates = [
  'pending',
  'alerting',
  'connected',
  'held',
  'transferring',
  'consult',
  'conference',
  'ended',
] as const;
export const interactionStateSchema = z.enum(interactionStates);
export type InteractionState = z.infer<typeof interactionStateSchema>;

export const customerRecordSchema = z.object({
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  tier: z.string().optional(),
  notes: z.string().optional(),
});
export const categorisationSchema = z.object({
  topic: z.string().optional(),
  tags: z.array(z.string()).default([]),
  disposition: z.string().optional(),
});

export const monitorLockSchema = z.object({
  supervisorId: id,
  supervisorName: z.string(),
  mode: supervisionModeSchema,
  /** As on a participant's `supervising`: the platform did not say which mode it is. */
  modeUnknown: z.literal(true).optional(),
  since: epochMs,
});
export type MonitorLock = z.infer<typeof monitorLockSchema>;

export const interactionSchema = z.object({
  id,
  channel: channelSchema,
  state: interactionStateSchema,
  queueId: id.optional(),
  startedAt: epochMs,
  /**
   * Set by a connector whose start times can be re-derived differently (e.g. after a resync) to a
   * stable epoch for this conversation. The cache tells conversations that reuse an id apart by
   * (connector, id, epoch ?? startedAt).
   */
  epoch: epochMs.optional(),
  endedAt: epochMs.optional(),
  /** The flow this interaction arrived on allows monitoring (rule 8). */
  monitorable: z.boolean(),
  participants: z.array(participantSchema),
  /** Digital: one supervisor monitors at a time (rule 12). Voice: coach lock (rule 3). */
  monitorLock: monitorLockSchema.optional(),
  /** Digital extras (rules 11, 14, 16). */
  customer: customerRecordSchema.optional(),
  categorisation: categorisationSchema.optional(),
  assistanceRequested: z.boolean().default(false),
  assistanceRequestedAt: epochMs.optional(),
  slaDeadline: epochMs.optional(),
  lastActivityAt: epochMs.optional(),
  /** Which supervisors ever took part (binocular icon in details). */
  supervisorsInvolved: z.array(z.object({ id, name: z.string() })).default([]),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const timelineEventSchema = z.object({
  id,
  interactionId: id,
  at: epochMs,
  kind: z.enum([
    'started',
    'connected',
    'held',
    'resumed',
    'transferred',
    'consult',
    'conference',
    'ended',
    'supervision-start',
    'supervision-end',
    'supervision-mode',
    'chat-action',
    'assistance',
    'note',
    /** The call quality of a monitor period, written by the seat (main/core/callQualityTimeline.ts). */
    'call-quality',
  ]),
  text: z.string(),
  supervisorId: id.optional(),
  supervisorName: z.string().optional(),
  mode: supervisionModeSchema.optional(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const supervisionPeriodSchema = z.object({
  interactionId: id,
  supervisorId: id,
  supervisorName: z.string(),
  mode: supervisionModeSchema,
  participantId: id,
  startedAt: epochMs,
  endedAt: epochMs.optional(),
});
export type SupervisionPeriod = z.infer<typeof supervisionPeriodSchema>;

export const messageSchema = z.object({
  id,
  interactionId: id,
  senderKind: z.enum(['customer', 'agent', 'supervisor', 'system']),
  senderName: z.string(),
  at: epochMs,
  text: z.string(),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })).default([]),
});
export type Message = z.infer<typeof messageSchema>;

/** Main decides; the renderer only shows. A refusal always carries its reason. */
export const availabilitySchema = z.union([
  z.object({ allowed: z.literal(true) }),
  z.object({ allowed: z.literal(false), reason: z.string() }),
]);
export type Availability = z.infer<typeof availabilitySchema>;
