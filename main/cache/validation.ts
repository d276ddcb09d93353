import { CacheError } from './errors';
import { cachedInteractionId, CONNECTOR_NAME } from './interactionIdentity';
import {
  CHANNELS,
  SENDER_KINDS,
  SUPERVISION_MODES,
  type AssistanceRequestRecord,
  type AuditRecord,
  type CacheWrite,
  type InteractionRecord,
  type ParticipantRecord,
  type SupervisionPeriodRecord,
  type TimelineEventRecord,
  type TranscriptMessageRecord,
} from './types';

// Cheap hand-written checks (this runs for every one of a million messages):
// a bad record is rejected with a message naming the field, before any SQL.
// Each record kind has its own validator reading its fields by name (issue 15: a
// helper reading `obj[field]` by a field-name argument was a keyed, megamorphic
// lookup per field, ~0.3 s of the cache worker per 100k event-shaped messages).
// The cache worker validates each record as it applies it (writeCodec.replayEncoded).

const channels = new Set<string>(CHANNELS);
const senderKinds = new Set<string>(SENDER_KINDS);
const modes = new Set<string>(SUPERVISION_MODES);
const participantKinds = new Set<string>(['internal', 'external']);

function fail(what: string, field: string, detail: string): never {
  throw new CacheError('INVALID_INPUT', `Invalid ${what}: "${field}" ${detail}.`);
}
function text(what: string, field: string, v: unknown): void {
  if (typeof v !== 'string') fail(what, field, 'must be text');
}
function optionalText(what: string, field: string, v: unknown): void {
  if (v !== undefined && v !== null && typeof v !== 'string') fail(what, field, 'must be text');
}
function nonEmpty(what: string, field: string, v: unknown): void {
  if (typeof v !== 'string') fail(what, field, 'must be text');
  if (v.length === 0) fail(what, field, 'must not be empty');
}
function time(what: string, field: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(what, field, 'must be a time in epoch milliseconds');
}
function optionalTime(what: string, field: string, v: unknown): void {
  if (v !== undefined && v !== null) time(what, field, v);
}
function oneOf(what: string, field: string, v: unknown, allowed: Set<string>): void {
  if (!allowed.has(v as string)) fail(what, field, `must be one of ${[...allowed].join(', ')}`);
}
function record(what: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null) throw new CacheError('INVALID_INPUT', `Invalid ${what}: expected an object.`);
  return v as Record<string, unknown>;
}
function list(what: string, v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new CacheError('INVALID_INPUT', `Invalid ${what}: expected a list.`);
  return v;
}

export function validateInteraction(value: unknown): asserts value is InteractionRecord {
  const r = record('interaction', value) as Partial<Record<keyof InteractionRecord, unknown>>;
  nonEmpty('interaction', 'id', r.id);
  oneOf('interaction', 'channel', r.channel, channels);
  optionalText('interaction', 'queueId', r.queueId);
  optionalText('interaction', 'queueName', r.queueName);
  optionalText('interaction', 'customerName', r.customerName);
  text('interaction', 'state', r.state);
  time('interaction', 'startedAt', r.startedAt);
  optionalTime('interaction', 'endedAt', r.endedAt);
  time('interaction', 'lastSeenAt', r.lastSeenAt);
  if (typeof r.monitoredByMe !== 'boolean') fail('interaction', 'monitoredByMe', 'must be true or false');
  if (r.identity !== undefined) {
    const identity = record('interaction identity', r.identity);
    if (typeof identity.connector !== 'string' || !CONNECTOR_NAME.test(identity.connector)) {
      fail('interaction identity', 'connector', 'must be a connector name (a-z, 0-9, -)');
    }
    nonEmpty('interaction identity', 'platformId', identity.platformId);
    time('interaction identity', 'epoch', identity.epoch);
    // The id is what every other record and offline review use; it must be this identity's, or two conversations could share it.
    if (r.id !== cachedInteractionId(identity as never)) fail('interaction', 'id', 'must be the cached id of its identity');
  }
  for (const a of list('interaction agents', r.agents)) {
    const agent = record('agent', a);
    nonEmpty('agent', 'id', agent.id);
    text('agent', 'name', agent.name);
  }
}

export function validateParticipant(value: unknown): asserts value is ParticipantRecord {
  const r = record('participant', value) as Partial<Record<keyof ParticipantRecord, unknown>>;
  nonEmpty('participant', 'interactionId', r.interactionId);
  nonEmpty('participant', 'participantId', r.participantId);
  text('participant', 'name', r.name);
  oneOf('participant', 'kind', r.kind, participantKinds);
  text('participant', 'role', r.role);
}

export function validateMessage(value: unknown): asserts value is TranscriptMessageRecord {
  const r = record('message', value) as Partial<Record<keyof TranscriptMessageRecord, unknown>>;
  nonEmpty('message', 'interactionId', r.interactionId);
  nonEmpty('message', 'messageId', r.messageId);
  oneOf('message', 'senderKind', r.senderKind, senderKinds);
  text('message', 'senderName', r.senderName);
  time('message', 'at', r.at);
  oneOf('message', 'channel', r.channel, channels);
  text('message', 'body', r.body);
}

export function validateTimelineEvent(value: unknown): asserts value is TimelineEventRecord {
  const r = record('timeline event', value) as Partial<Record<keyof TimelineEventRecord, unknown>>;
  nonEmpty('timeline event', 'interactionId', r.interactionId);
  nonEmpty('timeline event', 'eventId', r.eventId);
  time('timeline event', 'at', r.at);
  text('timeline event', 'kind', r.kind);
  text('timeline event', 'text', r.text);
  optionalText('timeline event', 'supervisorName', r.supervisorName);
}

export function validateSupervisionPeriod(value: unknown): asserts value is SupervisionPeriodRecord {
  const r = record('supervision period', value) as Partial<Record<keyof SupervisionPeriodRecord, unknown>>;
  nonEmpty('supervision period', 'periodId', r.periodId);
  nonEmpty('supervision period', 'interactionId', r.interactionId);
  nonEmpty('supervision period', 'supervisorId', r.supervisorId);
  text('supervision period', 'supervisorName', r.supervisorName);
  oneOf('supervision period', 'mode', r.mode, modes);
  optionalText('supervision period', 'participantId', r.participantId);
  optionalText('supervision period', 'participantName', r.participantName);
  time('supervision period', 'startedAt', r.startedAt);
  optionalTime('supervision period', 'endedAt', r.endedAt);
}

export function validateAudit(value: unknown): asserts value is AuditRecord {
  const r = record('audit entry', value) as Partial<Record<keyof AuditRecord, unknown>>;
  nonEmpty('audit entry', 'auditId', r.auditId);
  optionalText('audit entry', 'interactionId', r.interactionId);
  text('audit entry', 'actorId', r.actorId);
  text('audit entry', 'actorName', r.actorName);
  text('audit entry', 'action', r.action);
  text('audit entry', 'target', r.target);
  text('audit entry', 'result', r.result);
  time('audit entry', 'at', r.at);
  optionalText('audit entry', 'detail', r.detail);
}

export function validateAssistanceRequest(value: unknown): asserts value is AssistanceRequestRecord {
  const r = record('assistance request', value) as Partial<Record<keyof AssistanceRequestRecord, unknown>>;
  nonEmpty('assistance request', 'requestId', r.requestId);
  optionalText('assistance request', 'interactionId', r.interactionId);
  text('assistance request', 'agentId', r.agentId);
  text('assistance request', 'agentName', r.agentName);
  text('assistance request', 'state', r.state);
  time('assistance request', 'at', r.at);
  optionalText('assistance request', 'reason', r.reason);
  optionalTime('assistance request', 'resolvedAt', r.resolvedAt);
  optionalText('assistance request', 'resolvedBy', r.resolvedBy);
}

export function validateWrite(write: CacheWrite): void {
  switch (write.kind) {
    case 'interaction':
      return validateInteraction(write.record);
    case 'participants':
      for (const p of list('participants', write.records)) validateParticipant(p);
      return;
    case 'messages':
      for (const m of list('messages', write.records)) validateMessage(m);
      return;
    case 'timeline':
      for (const e of list('timeline events', write.records)) validateTimelineEvent(e);
      return;
    case 'supervisionPeriod':
      return validateSupervisionPeriod(write.record);
    case 'audit':
      return validateAudit(write.record);
    case 'assistanceRequest':
      return validateAssistanceRequest(write.record);
    default:
      throw new CacheError('INVALID_INPUT', `Unknown cache write "${String((write as { kind?: unknown }).kind)}".`);
  }
}
