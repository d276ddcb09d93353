// Input records for the session cache. The integrator maps the domain objects
// (connector events, supervision state) onto these plain shapes; nothing here
// depends on the connector. All times are integer milliseconds since the epoch.

import type { InteractionIdentity } from './interactionIdentity';

export const CHANNELS = ['voice', 'webMessaging', 'thirdPartyMessaging', 'sms', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SENDER_KINDS = ['customer', 'agent', 'supervisor', 'system'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export const SUPERVISION_MODES = ['monitor', 'coach', 'barge'] as const;
export type SupervisionMode = (typeof SUPERVISION_MODES)[number];

export interface AgentRef {
  id: string;
  name: string;
}

/** Upserted: recording the same id again updates state/end/last-seen. */
export interface InteractionRecord {
  /** With `identity`: exactly cachedInteractionId(identity); every other record names the interaction by it. */
  id: string;
  /**
   * Which conversation this is (connector, platform id, epoch), so a platform id
   * the contact center reuses becomes a new cached interaction. Without it the id
   * is taken as the whole identity (records written before identities existed, tools).
   */
  identity?: InteractionIdentity;
  channel: Channel;
  queueId?: string | null;
  queueName?: string | null;
  /** Every agent who handled it (transfers add more). */
  agents: AgentRef[];
  customerName?: string | null;
  state: string;
  startedAt: number;
  endedAt?: number | null;
  /** True once this supervisor monitored/coached/barged it; never reset to false by a later upsert. */
  monitoredByMe: boolean;
  lastSeenAt: number;
}

export interface ParticipantRecord {
  interactionId: string;
  participantId: string;
  name: string;
  kind: 'internal' | 'external';
  /** e.g. agent, customer, supervisor, ivr, acd */
  role: string;
}

/** Deduplicated on (interactionId, messageId): redelivered messages are ignored. */
export interface TranscriptMessageRecord {
  interactionId: string;
  messageId: string;
  senderKind: SenderKind;
  senderName: string;
  at: number;
  channel: Channel;
  /** Plain text as received; redacted then encrypted before it is written. */
  body: string;
}

export interface TimelineEventRecord {
  interactionId: string;
  eventId: string;
  at: number;
  kind: string;
  text: string;
  supervisorName?: string | null;
}

/** Upserted on periodId: record again with endedAt when the period ends. */
export interface SupervisionPeriodRecord {
  periodId: string;
  interactionId: string;
  supervisorId: string;
  supervisorName: string;
  mode: SupervisionMode;
  participantId?: string | null;
  participantName?: string | null;
  startedAt: number;
  endedAt?: number | null;
}

/** Chat actions and other supervisor actions (who did what to whom, when, with what result). */
export interface AuditRecord {
  auditId: string;
  interactionId?: string | null;
  actorId: string;
  actorName: string;
  action: string;
  target: string;
  at: number;
  result: string;
  detail?: string | null;
}

/** Upserted on requestId. */
export interface AssistanceRequestRecord {
  requestId: string;
  interactionId?: string | null;
  agentId: string;
  agentName: string;
  at: number;
  reason?: string | null;
  state: string;
  resolvedAt?: number | null;
  resolvedBy?: string | null;
}

export interface NoteInput {
  interactionId: string;
  authorId: string;
  authorName: string;
  at: number;
  text: string;
}

/** One write the cache can apply; record*() calls become these. */
export type CacheWrite =
  | { kind: 'interaction'; record: InteractionRecord }
  | { kind: 'participants'; records: ParticipantRecord[] }
  | { kind: 'messages'; records: TranscriptMessageRecord[] }
  | { kind: 'timeline'; records: TimelineEventRecord[] }
  | { kind: 'supervisionPeriod'; record: SupervisionPeriodRecord }
  | { kind: 'audit'; record: AuditRecord }
  | { kind: 'assistanceRequest'; record: AssistanceRequestRecord };

// ---------- read side ----------

export interface SearchQuery {
  /** Free text typed by the user; sanitized into a safe FTS5 query (1–3 words, prefix on the last). */
  text?: string;
  agentId?: string;
  queueId?: string;
  channel?: Channel;
  /** Interactions that overlap [from, to]. */
  from?: number;
  to?: number;
  monitoredByMe?: boolean;
  /** Max interactions returned (default 50, max 200). */
  limit?: number;
}

/** A piece of a snippet; `hit` marks matched words. Render as text, never HTML. */
export interface TextSegment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  messageId: string;
  at: number;
  senderKind: SenderKind;
  senderName: string;
  segments: TextSegment[];
}

export interface InteractionSummary {
  id: string;
  channel: Channel;
  queueId: string | null;
  queueName: string | null;
  agents: AgentRef[];
  customerName: string | null;
  state: string;
  startedAt: number;
  endedAt: number | null;
  monitoredByMe: boolean;
  lastSeenAt: number;
  messageCount: number;
}

export interface SearchResultItem extends InteractionSummary {
  hits: SearchHit[];
}

export interface SearchResult {
  items: SearchResultItem[];
  /** Words actually searched for after sanitizing (empty when no text). */
  terms: string[];
  /** True when more interactions matched than were returned. */
  truncated: boolean;
}

export interface TranscriptMessage {
  messageId: string;
  senderKind: SenderKind;
  senderName: string;
  at: number;
  channel: Channel;
  /** Redacted text. Null if it could not be decrypted (key changed). */
  body: string | null;
}

export interface Note {
  id: number;
  interactionId: string;
  authorId: string;
  authorName: string;
  at: number;
  text: string | null;
}

export interface InteractionDetail {
  interaction: InteractionSummary;
  participants: Omit<ParticipantRecord, 'interactionId'>[];
  transcript: TranscriptMessage[];
  timeline: Omit<TimelineEventRecord, 'interactionId'>[];
  supervisionPeriods: Omit<SupervisionPeriodRecord, 'interactionId'>[];
  notes: Note[];
  audit: AuditRecord[];
  assistanceRequests: AssistanceRequestRecord[];
}

export interface PurgeResult {
  interactionsDeleted: number;
  bytesBefore: number;
  bytesAfter: number;
}

export interface CacheStats {
  interactions: number;
  messages: number;
  notes: number;
  /** Database file size incl. WAL. */
  bytes: number;
  /** When the last write was committed (persisted across restarts); null for an empty cache. */
  lastWriteAt: number | null;
  oldestStartedAt: number | null;
  newestSeenAt: number | null;
}

export interface ExportResult {
  filename: string;
  mimeType: string;
  data: Buffer;
}
