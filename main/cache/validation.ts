import { CacheError } from './errors';
import { cachedInteractionId, CONNECTOR_NAME } from './interactionIdentity';
import { CHANNELS, SENDER_KINDS, SUPERVISION_MODES, type CacheWrite } from './types';

// Cheap hand-written checks (this runs for every one of a million messages):
// a bad record is rejected with a message naming the field, before any SQL.

const channels = new Set<string>(CHANNELS);
const senderKinds = new Set<string>(SENDER_KINDS);
const modes = new Set<string>(SUPERVISION_MODES);

function fail(what: string, field: string, detail: string): never {
  throw new CacheError('INVALID_INPUT', `Invalid ${what}: "${field}" ${detail}.`);
}
function str(what: string, obj: Record<string, unknown>, field: string, optional = false): void {
  const v = obj[field];
  if (optional && (v === undefined || v === null)) return;
  if (typeof v !== 'string') fail(what, field, 'must be text');
}
function nonEmpty(what: string, obj: Record<string, unknown>, field: string): void {
  str(what, obj, field);
  if ((obj[field] as string).length === 0) fail(what, field, 'must not be empty');
}
function time(what: string, obj: Record<string, unknown>, field: string, optional = false): void {
  const v = obj[field];
  if (optional && (v === undefined || v === null)) return;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(what, field, 'must be a time in epoch milliseconds');
}
function oneOf(what: string, obj: Record<string, unknown>, field: string, allowed: Set<string>): void {
  if (!allowed.has(obj[field] as string)) fail(what, field, `must be one of ${[...allowed].join(', ')}`);
}
function record(what: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null) throw new CacheError('INVALID_INPUT', `Invalid ${what}: expected an object.`);
  return v as Record<string, unknown>;
}
function list(what: string, v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new CacheError('INVALID_INPUT', `Invalid ${what}: expected a list.`);
  return v;
}

export function validateWrite(write: CacheWrite): void {
  switch (write.kind) {
    case 'interaction': {
      const r = record('interaction', write.record);
      nonEmpty('interaction', r, 'id');
      oneOf('interaction', r, 'channel', channels);
      str('interaction', r, 'queueId', true);
      str('interaction', r, 'queueName', true);
      str('interaction', r, 'customerName', true);
      str('interaction', r, 'state');
      time('interaction', r, 'startedAt');
      time('interaction', r, 'endedAt', true);
      time('interaction', r, 'lastSeenAt');
      if (typeof r.monitoredByMe !== 'boolean') fail('interaction', 'monitoredByMe', 'must be true or false');
      if (r.identity !== undefined) {
        const identity = record('interaction identity', r.identity);
        if (typeof identity.connector !== 'string' || !CONNECTOR_NAME.test(identity.connector)) {
          fail('interaction identity', 'connector', 'must be a connector name (a-z, 0-9, -)');
        }
        nonEmpty('interaction identity', identity, 'platformId');
        time('interaction identity', identity, 'epoch');
        // The id is what every other record and offline review use; it must be this identity's, or two conversations could share it.
        if (r.id !== cachedInteractionId(identity as never)) fail('interaction', 'id', 'must be the cached id of its identity');
      }
      for (const a of list('interaction agents', r.agents)) {
        const agent = record('agent', a);
        nonEmpty('agent', agent, 'id');
        str('agent', agent, 'name');
      }
      return;
    }
    case 'participants':
      for (const p of list('participants', write.records)) {
        const r = record('participant', p);
        nonEmpty('participant', r, 'interactionId');
        nonEmpty('participant', r, 'participantId');
        str('participant', r, 'name');
        oneOf('participant', r, 'kind', new Set(['internal', 'external']));
        str('participant', r, 'role');
      }
      return;
    case 'messages':
      for (const m of list('messages', write.records)) {
        const r = record('message', m);
        nonEmpty('message', r, 'interactionId');
        nonEmpty('message', r, 'messageId');
        oneOf('message', r, 'senderKind', senderKinds);
        str('message', r, 'senderName');
        time('message', r, 'at');
        oneOf('message', r, 'channel', channels);
        str('message', r, 'body');
      }
      return;
    case 'timeline':
      for (const e of list('timeline events', write.records)) {
        const r = record('timeline event', e);
        nonEmpty('timeline event', r, 'interactionId');
        nonEmpty('timeline event', r, 'eventId');
        time('timeline event', r, 'at');
        str('timeline event', r, 'kind');
        str('timeline event', r, 'text');
        str('timeline event', r, 'supervisorName', true);
      }
      return;
    case 'supervisionPeriod': {
      const r = record('supervision period', write.record);
      for (const f of ['periodId', 'interactionId', 'supervisorId']) nonEmpty('supervision period', r, f);
      str('supervision period', r, 'supervisorName');
      oneOf('supervision period', r, 'mode', modes);
      str('supervision period', r, 'participantId', true);
      str('supervision period', r, 'participantName', true);
      time('supervision period', r, 'startedAt');
      time('supervision period', r, 'endedAt', true);
      return;
    }
    case 'audit': {
      const r = record('audit entry', write.record);
      nonEmpty('audit entry', r, 'auditId');
      str('audit entry', r, 'interactionId', true);
      for (const f of ['actorId', 'actorName', 'action', 'target', 'result']) str('audit entry', r, f);
      time('audit entry', r, 'at');
      str('audit entry', r, 'detail', true);
      return;
    }
    case 'assistanceRequest': {
      const r = record('assistance request', write.record);
      nonEmpty('assistance request', r, 'requestId');
      str('assistance request', r, 'interactionId', true);
      for (const f of ['agentId', 'agentName', 'state']) str('assistance request', r, f);
      time('assistance request', r, 'at');
      str('assistance request', r, 'reason', true);
      time('assistance request', r, 'resolvedAt', true);
      str('assistance request', r, 'resolvedBy', true);
      return;
    }
    default:
      throw new CacheError('INVALID_INPUT', `Unknown cache write "${String((write as { kind?: unknown }).kind)}".`);
  }
}
