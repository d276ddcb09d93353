import { CacheError } from '../errors';
import type {
  AssistanceRequestRecord,
  AuditRecord,
  CacheWrite,
  InteractionRecord,
  ParticipantRecord,
  SupervisionPeriodRecord,
  TimelineEventRecord,
  TranscriptMessageRecord,
} from '../types';

/**
 * Writes as they cross to the cache worker: three flat lists instead of one object per
 * record (issue 15, event-shaped load). postMessage's structured clone writes every
 * property name of every object and the worker reads each back, so ~4,000 small records
 * per flush cost the main thread ~3 ms to send and the worker ~8 ms to receive; as
 * columns of plain values, ~0.7 ms and ~1.6 ms (same records, measured with v8.serialize).
 *
 * Each write is a kind code and a record count; its records' fields follow each other in
 * `values` in the order FIELDS gives (an interaction also carries its identity and agents;
 * records that all name one interaction carry its id once, see SHARED).
 * Values are copied as they are: the worker validates each record as before. The values
 * list then crosses packed (EncodedWrites, below). A write whose shape the codec does not expect (a record that is not an object, records
 * that are not a list, an unknown kind) travels whole as RAW, so the worker rejects it
 * with the same error as ever.
 */
export interface FlatWrites {
  /** Kind code per write. */
  kinds: number[];
  /** Records per write (1 for single-record kinds and RAW). */
  sizes: number[];
  values: unknown[];
}

/**
 * FlatWrites as they cross to the worker: the values packed into one string, two typed
 * arrays and a (normally empty) list, which structured clone copies as a few blocks of
 * memory. Cloning the values list itself cost the worker ~0.35-0.5 s per 100k
 * event-shaped messages to read back (4M values, each tagged and copied one by one) and
 * the main thread ~0.2-0.35 s to write; packed, ~0.1-0.2 s to read back and unpack
 * (issue 15, measured on the bench's ops with v8.serialize/deserialize).
 *
 * `tags[i]` says what value i is: a length >= 0 is a string, the next that many UTF-16
 * code units of `text` (lone surrogates included, exactly); NUMBER is the next of `nums`
 * (NaN, -0 and infinities kept); OTHER is the next of `others` (anything else a hostile
 * record may hold: an object, a bigint), cloned as it is.
 */
export interface EncodedWrites {
  kinds: number[];
  sizes: number[];
  text: string;
  tags: Int32Array;
  nums: Float64Array;
  others: unknown[];
}

const UNDEFINED = -1;
const NULL = -2;
const TRUE = -3;
const FALSE = -4;
const NUMBER = -5;
const OTHER = -6;

/** Packs a values list (see EncodedWrites). */
export function packValues(values: readonly unknown[]): Pick<EncodedWrites, 'text' | 'tags' | 'nums' | 'others'> {
  const parts: string[] = [];
  const tags = new Int32Array(values.length);
  const nums = new Float64Array(values.length);
  let n = 0;
  const others: unknown[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string') {
      parts.push(v);
      tags[i] = v.length;
    } else if (typeof v === 'number') {
      nums[n++] = v;
      tags[i] = NUMBER;
    } else if (v === undefined) tags[i] = UNDEFINED;
    else if (v === null) tags[i] = NULL;
    else if (v === true) tags[i] = TRUE;
    else if (v === false) tags[i] = FALSE;
    else {
      others.push(v);
      tags[i] = OTHER;
    }
  }
  return { text: parts.join(''), tags, nums: nums.slice(0, n), others };
}

/**
 * The values list back from a packed encoding, or why it cannot be read (then none of its
 * writes is taken). Linear in the values; never throws, whatever it is given.
 */
export function unpackWrites(encoded: unknown): FlatWrites | CacheError {
  const bad = (why: string) => new CacheError('INVALID_INPUT', `Malformed cache write: ${why}.`);
  if (!isObject(encoded)) return bad('expected an object');
  const { kinds, sizes, text, tags, nums, others } = encoded;
  if (!Array.isArray(kinds) || !Array.isArray(sizes)) return bad('kinds and sizes must be lists');
  if (typeof text !== 'string' || !(tags instanceof Int32Array) || !(nums instanceof Float64Array) || !Array.isArray(others)) {
    return bad('values must be packed as text, tags, nums and others');
  }
  const values: unknown[] = new Array(tags.length);
  let at = 0;
  let n = 0;
  let o = 0;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag >= 0) {
      if (at + tag > text.length) return bad('the text is cut short');
      values[i] = text.slice(at, at + tag);
      at += tag;
    } else if (tag === NUMBER) {
      if (n >= nums.length) return bad('a number is missing');
      values[i] = nums[n++];
    } else if (tag === UNDEFINED) values[i] = undefined;
    else if (tag === NULL) values[i] = null;
    else if (tag === TRUE) values[i] = true;
    else if (tag === FALSE) values[i] = false;
    else if (tag === OTHER) {
      if (o >= others.length) return bad('a value is missing');
      values[i] = others[o++];
    } else return bad(`value ${i} has an unknown tag`);
  }
  if (at !== text.length || n !== nums.length || o !== others.length) return bad('values left over');
  return { kinds, sizes, values };
}

const INTERACTION = 0;
const PARTICIPANTS = 1;
const MESSAGES = 2;
const TIMELINE = 3;
const PERIOD = 4;
const AUDIT = 5;
const ASSISTANCE = 6;
const RAW = 7;
/**
 * Added to a many-record kind whose records all name the same interaction (as every write
 * the recorder sends does): the id is sent once, before the records, which then leave it
 * out (a sixth of the strings to clone on each side).
 */
const SHARED = 8;

const PARTICIPANT_FIELDS = ['interactionId', 'participantId', 'name', 'kind', 'role'] as const;
const MESSAGE_FIELDS = ['interactionId', 'messageId', 'senderKind', 'senderName', 'at', 'channel', 'body'] as const;
const TIMELINE_FIELDS = ['interactionId', 'eventId', 'at', 'kind', 'text', 'supervisorName'] as const;
const PERIOD_FIELDS = ['periodId', 'interactionId', 'supervisorId', 'supervisorName', 'mode', 'participantId', 'participantName', 'startedAt', 'endedAt'] as const;
const AUDIT_FIELDS = ['auditId', 'interactionId', 'actorId', 'actorName', 'action', 'target', 'at', 'result', 'detail'] as const;
const ASSISTANCE_FIELDS = ['requestId', 'interactionId', 'agentId', 'agentName', 'at', 'reason', 'state', 'resolvedAt', 'resolvedBy'] as const;
/** id, has identity, connector, platform id, epoch, channel, queue id, queue name, customer, state, started, ended, monitored by me, last seen, agent count. */
const INTERACTION_HEAD = 15;
/** Values per record of each fixed-width kind (RAW: the write itself). */
const WIDTH: Record<number, number> = {
  [PARTICIPANTS]: PARTICIPANT_FIELDS.length,
  [MESSAGES]: MESSAGE_FIELDS.length,
  [TIMELINE]: TIMELINE_FIELDS.length,
  [PERIOD]: PERIOD_FIELDS.length,
  [AUDIT]: AUDIT_FIELDS.length,
  [ASSISTANCE]: ASSISTANCE_FIELDS.length,
  [RAW]: 1,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function encodeWrites(writes: readonly CacheWrite[]): EncodedWrites {
  const flat = flattenWrites(writes);
  return { kinds: flat.kinds, sizes: flat.sizes, ...packValues(flat.values) };
}

/** The writes as flat lists, before packing. */
export function flattenWrites(writes: readonly CacheWrite[]): FlatWrites {
  const out: FlatWrites = { kinds: [], sizes: [], values: [] };
  for (const w of writes) encodeOne(out, w);
  return out;
}

function encodeOne(out: FlatWrites, w: CacheWrite): void {
  const values = out.values;
  const start = values.length;
  switch (w?.kind) {
    case 'interaction':
      if (encodeInteraction(values, w.record)) return push(out, INTERACTION, 1);
      break;
    case 'participants':
      if (records(out, w.records, PARTICIPANTS, participantValues)) return;
      break;
    case 'messages':
      if (records(out, w.records, MESSAGES, messageValues)) return;
      break;
    case 'timeline':
      if (records(out, w.records, TIMELINE, timelineValues)) return;
      break;
    case 'supervisionPeriod':
      if (isObject(w.record)) return (fields(values, w.record, PERIOD_FIELDS), push(out, PERIOD, 1));
      break;
    case 'audit':
      if (isObject(w.record)) return (fields(values, w.record, AUDIT_FIELDS), push(out, AUDIT, 1));
      break;
    case 'assistanceRequest':
      if (isObject(w.record)) return (fields(values, w.record, ASSISTANCE_FIELDS), push(out, ASSISTANCE, 1));
      break;
  }
  values.length = start; // drop what a half-encoded write left
  values.push(w);
  push(out, RAW, 1);
}

function push(out: FlatWrites, kind: number, size: number): void {
  out.kinds.push(kind);
  out.sizes.push(size);
}

/** The records' values (their shared interaction id once, if they share one), or false if they are not a list of objects (then the write goes RAW). */
function records<R extends { interactionId: unknown }>(out: FlatWrites, list: unknown, kind: number, valuesOf: (values: unknown[], r: R, withId: boolean) => void): boolean {
  if (!Array.isArray(list)) return false;
  let shared = list.length > 1;
  for (const r of list) {
    if (!isObject(r)) return false;
    if (shared && r.interactionId !== (list[0] as R).interactionId) shared = false;
  }
  const values = out.values;
  if (shared) values.push((list[0] as R).interactionId);
  for (const r of list as R[]) valuesOf(values, r, !shared);
  push(out, shared ? kind + SHARED : kind, list.length);
  return true;
}

// The many-record kinds spelled out field by field: a loop over field names read each
// record through a keyed (megamorphic) lookup, ~2x slower on the recorder's flushes.
function participantValues(v: unknown[], r: ParticipantRecord, withId: boolean): void {
  if (withId) v.push(r.interactionId);
  v.push(r.participantId, r.name, r.kind, r.role);
}
function messageValues(v: unknown[], r: TranscriptMessageRecord, withId: boolean): void {
  if (withId) v.push(r.interactionId);
  v.push(r.messageId, r.senderKind, r.senderName, r.at, r.channel, r.body);
}
function timelineValues(v: unknown[], r: TimelineEventRecord, withId: boolean): void {
  if (withId) v.push(r.interactionId);
  v.push(r.eventId, r.at, r.kind, r.text, r.supervisorName);
}

function fields(values: unknown[], r: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) values.push(r[name]);
}

function encodeInteraction(values: unknown[], r: unknown): boolean {
  if (!isObject(r)) return false;
  const identity = r.identity;
  if (identity !== undefined && !isObject(identity)) return false;
  const agents = r.agents;
  if (!Array.isArray(agents) || !agents.every(isObject)) return false;
  values.push(
    r.id,
    identity !== undefined,
    identity?.connector,
    identity?.platformId,
    identity?.epoch,
    r.channel,
    r.queueId,
    r.queueName,
    r.customerName,
    r.state,
    r.startedAt,
    r.endedAt,
    r.monitoredByMe,
    r.lastSeenAt,
    agents.length,
  );
  for (const a of agents as Record<string, unknown>[]) values.push(a.id, a.name);
  return true;
}

/** Why flat writes are malformed (then none of them is taken), or null. Linear in the writes; never throws; reads no record values but the agent counts. */
export function flatShapeError(encoded: unknown): CacheError | null {
  const bad = (why: string) => new CacheError('INVALID_INPUT', `Malformed cache write: ${why}.`);
  if (!isObject(encoded)) return bad('expected an object');
  const { kinds, sizes, values } = encoded;
  if (!Array.isArray(kinds) || !Array.isArray(sizes) || !Array.isArray(values)) return bad('kinds, sizes and values must be lists');
  if (kinds.length !== sizes.length) return bad('one size per kind expected');
  let at = 0;
  for (let n = 0; n < kinds.length; n++) {
    const kind = kinds[n] as number;
    const size = sizes[n] as number;
    if (!Number.isSafeInteger(size) || size < 0) return bad(`write ${n} has no record count`);
    if (kind === INTERACTION) {
      if (size !== 1 || at + INTERACTION_HEAD > values.length) return bad(`write ${n} (interaction) is cut short`);
      const agentCount = values[at + 14] as number;
      if (!Number.isSafeInteger(agentCount) || agentCount < 0 || at + INTERACTION_HEAD + 2 * agentCount > values.length) return bad(`write ${n} (interaction) has a wrong agent count`);
      at += INTERACTION_HEAD + 2 * agentCount;
      continue;
    }
    const many = kind === PARTICIPANTS || kind === MESSAGES || kind === TIMELINE;
    const shared = kind === PARTICIPANTS + SHARED || kind === MESSAGES + SHARED || kind === TIMELINE + SHARED;
    const width = WIDTH[shared ? kind - SHARED : kind];
    if (width === undefined) return bad(`write ${n} has an unknown kind`);
    const length = shared ? 1 + (width - 1) * size : width * size;
    if ((!many && !shared && size !== 1) || at + length > values.length) return bad(`write ${n} is cut short`);
    at += length;
  }
  if (at !== values.length) return bad('values left over');
  return null;
}

/**
 * A packed encoding read back and checked, ready for replayEncoded() or decodeWrites(),
 * or why it is malformed (then none of its writes is taken). Never throws.
 */
export function readEncoded(encoded: unknown): FlatWrites | CacheError {
  const flat = unpackWrites(encoded);
  if (flat instanceof CacheError) return flat;
  return flatShapeError(flat) ?? flat;
}

/** The writes back, or why the encoding is malformed (then none of them is taken). Linear in the values; never throws. */
export function decodeWrites(encoded: unknown): { writes: CacheWrite[] } | { error: CacheError } {
  const flat = readEncoded(encoded);
  return flat instanceof CacheError ? { error: flat } : decodeFlat(flat);
}

/** The writes of flat writes that passed flatShapeError(). */
function decodeFlat(flat: FlatWrites): { writes: CacheWrite[] } {
  const { kinds, sizes, values } = flat;
  const writes: CacheWrite[] = new Array(kinds.length);
  let at = 0;
  for (let n = 0; n < kinds.length; n++) {
    const kind = kinds[n]!;
    const size = sizes[n]!;
    if (kind === INTERACTION) {
      const agentCount = values[at + 14] as number;
      writes[n] = { kind: 'interaction', record: interactionAt(values, at, agentCount) };
      at += INTERACTION_HEAD + 2 * agentCount;
      continue;
    }
    const shared = kind >= SHARED;
    const base = shared ? kind - SHARED : kind;
    writes[n] = writeAt(base, values, at, size, shared);
    at += shared ? 1 + (WIDTH[base]! - 1) * size : WIDTH[base]! * size;
  }
  return { writes };
}

/**
 * Where replayEncoded() hands the writes of an encoding, record by record.
 * The record objects passed to `interaction`, `participant` and `timelineEvent` (the
 * many ones) are scratch objects, filled again for the next record: a sink must not keep
 * them (or their agents list). The others get new objects.
 */
export interface EncodedRecordSink {
  interaction(record: InteractionRecord): void;
  participant(record: ParticipantRecord): void;
  messages(records: TranscriptMessageRecord[]): void;
  timelineEvent(record: TimelineEventRecord): void;
  period(record: SupervisionPeriodRecord): void;
  audit(record: AuditRecord): void;
  assistance(record: AssistanceRequestRecord): void;
  /** A write the codec carried whole (RAW): as it was given. */
  raw(write: CacheWrite): void;
}

/**
 * The cache worker's path (issue 15): the records of an encoding handed to a sink without
 * building a write object per write and a record object per record; the allocations of
 * decodeWrites() were ~0.4 s of the worker's garbage collection per 100k event-shaped
 * messages. The writes must come from readEncoded(); values are passed as they
 * are (the sink validates them, as for decoded writes).
 */
export function replayEncoded(encoded: FlatWrites, sink: EncodedRecordSink): void {
  const { kinds, sizes, values: v } = encoded;
  const s = scratch;
  let at = 0;
  for (let n = 0; n < kinds.length; n++) {
    const kind = kinds[n]!;
    const size = sizes[n]!;
    if (kind === INTERACTION) {
      const agentCount = v[at + 14] as number;
      const r = s.interaction;
      r.id = v[at] as string;
      r.channel = v[at + 5] as InteractionRecord['channel'];
      r.queueId = v[at + 6] as string;
      r.queueName = v[at + 7] as string;
      r.customerName = v[at + 8] as string;
      r.state = v[at + 9] as string;
      r.startedAt = v[at + 10] as number;
      r.endedAt = v[at + 11] as number;
      r.monitoredByMe = v[at + 12] as boolean;
      r.lastSeenAt = v[at + 13] as number;
      if (v[at + 1] === true) {
        const identity = (r.identity = s.identity);
        identity.connector = v[at + 2] as string;
        identity.platformId = v[at + 3] as string;
        identity.epoch = v[at + 4] as number;
      } else r.identity = undefined;
      const agents = r.agents;
      agents.length = agentCount;
      for (let a = 0, i = at + INTERACTION_HEAD; a < agentCount; a++, i += 2) agents[a] = { id: v[i] as string, name: v[i + 1] as string };
      sink.interaction(r);
      at += INTERACTION_HEAD + 2 * agentCount;
      continue;
    }
    const shared = kind >= SHARED;
    const base = shared ? kind - SHARED : kind;
    const sharedId = shared ? (v[at] as string) : undefined;
    let i = shared ? at + 1 : at;
    switch (base) {
      case PARTICIPANTS: {
        const r = s.participant;
        for (let k = 0; k < size; k++, i += 4) {
          r.interactionId = shared ? sharedId! : (v[i++] as string);
          r.participantId = v[i] as string;
          r.name = v[i + 1] as string;
          r.kind = v[i + 2] as ParticipantRecord['kind'];
          r.role = v[i + 3] as string;
          sink.participant(r);
        }
        break;
      }
      case MESSAGES:
        sink.messages((writeAt(MESSAGES, v, at, size, shared) as { records: TranscriptMessageRecord[] }).records);
        break;
      case TIMELINE: {
        const r = s.timeline;
        for (let k = 0; k < size; k++, i += 5) {
          r.interactionId = shared ? sharedId! : (v[i++] as string);
          r.eventId = v[i] as string;
          r.at = v[i + 1] as number;
          r.kind = v[i + 2] as string;
          r.text = v[i + 3] as string;
          r.supervisorName = v[i + 4] as string;
          sink.timelineEvent(r);
        }
        break;
      }
      case PERIOD:
        sink.period((writeAt(PERIOD, v, at, 1, false) as { record: SupervisionPeriodRecord }).record);
        break;
      case AUDIT:
        sink.audit((writeAt(AUDIT, v, at, 1, false) as { record: AuditRecord }).record);
        break;
      case ASSISTANCE:
        sink.assistance((writeAt(ASSISTANCE, v, at, 1, false) as { record: AssistanceRequestRecord }).record);
        break;
      default:
        sink.raw(v[at] as CacheWrite);
    }
    at += shared ? 1 + (WIDTH[base]! - 1) * size : WIDTH[base]! * size;
  }
}

/** Reused record objects of replayEncoded(), each always with the same fields (one shape, fast to read). */
const scratch = {
  interaction: {
    id: '',
    identity: undefined,
    channel: 'chat',
    queueId: null,
    queueName: null,
    agents: [],
    customerName: null,
    state: '',
    startedAt: 0,
    endedAt: null,
    monitoredByMe: false,
    lastSeenAt: 0,
  } as InteractionRecord,
  identity: { connector: '', platformId: '', epoch: 0 },
  participant: { interactionId: '', participantId: '', name: '', kind: 'internal', role: '' } as ParticipantRecord,
  timeline: { interactionId: '', eventId: '', at: 0, kind: '', text: '', supervisorName: null } as TimelineEventRecord,
};

function interactionAt(v: unknown[], at: number, agentCount: number): InteractionRecord {
  const agents: { id: string; name: string }[] = new Array(agentCount);
  for (let a = 0, i = at + INTERACTION_HEAD; a < agentCount; a++, i += 2) agents[a] = { id: v[i] as string, name: v[i + 1] as string };
  const record = {
    id: v[at],
    channel: v[at + 5],
    queueId: v[at + 6],
    queueName: v[at + 7],
    customerName: v[at + 8],
    state: v[at + 9],
    startedAt: v[at + 10],
    endedAt: v[at + 11],
    monitoredByMe: v[at + 12],
    lastSeenAt: v[at + 13],
    agents,
  } as InteractionRecord;
  if (v[at + 1] === true) record.identity = { connector: v[at + 2], platformId: v[at + 3], epoch: v[at + 4] } as InteractionRecord['identity'];
  return record;
}

/** One write from its values at `at`; for a many-record kind with `shared`, v[at] is the interaction id of every record. */
function writeAt(kind: number, v: unknown[], at: number, size: number, shared: boolean): CacheWrite {
  const sharedId = shared ? v[at] : undefined;
  let i = shared ? at + 1 : at;
  switch (kind) {
    case PARTICIPANTS: {
      const records: ParticipantRecord[] = new Array(size);
      for (let r = 0; r < size; r++, i += 4) {
        const interactionId = shared ? sharedId : v[i++];
        records[r] = { interactionId, participantId: v[i], name: v[i + 1], kind: v[i + 2], role: v[i + 3] } as ParticipantRecord;
      }
      return { kind: 'participants', records };
    }
    case MESSAGES: {
      const records: TranscriptMessageRecord[] = new Array(size);
      for (let r = 0; r < size; r++, i += 6) {
        const interactionId = shared ? sharedId : v[i++];
        records[r] = { interactionId, messageId: v[i], senderKind: v[i + 1], senderName: v[i + 2], at: v[i + 3], channel: v[i + 4], body: v[i + 5] } as TranscriptMessageRecord;
      }
      return { kind: 'messages', records };
    }
    case TIMELINE: {
      const records: TimelineEventRecord[] = new Array(size);
      for (let r = 0; r < size; r++, i += 5) {
        const interactionId = shared ? sharedId : v[i++];
        records[r] = { interactionId, eventId: v[i], at: v[i + 1], kind: v[i + 2], text: v[i + 3], supervisorName: v[i + 4] } as TimelineEventRecord;
      }
      return { kind: 'timeline', records };
    }
    case PERIOD:
      return {
        kind: 'supervisionPeriod',
        record: {
          periodId: v[at],
          interactionId: v[at + 1],
          supervisorId: v[at + 2],
          supervisorName: v[at + 3],
          mode: v[at + 4],
          participantId: v[at + 5],
          participantName: v[at + 6],
          startedAt: v[at + 7],
          endedAt: v[at + 8],
        } as SupervisionPeriodRecord,
      };
    case AUDIT:
      return {
        kind: 'audit',
        record: {
          auditId: v[at],
          interactionId: v[at + 1],
          actorId: v[at + 2],
          actorName: v[at + 3],
          action: v[at + 4],
          target: v[at + 5],
          at: v[at + 6],
          result: v[at + 7],
          detail: v[at + 8],
        } as AuditRecord,
      };
    case ASSISTANCE:
      return {
        kind: 'assistanceRequest',
        record: {
          requestId: v[at],
          interactionId: v[at + 1],
          agentId: v[at + 2],
          agentName: v[at + 3],
          at: v[at + 4],
          reason: v[at + 5],
          state: v[at + 6],
          resolvedAt: v[at + 7],
          resolvedBy: v[at + 8],
        } as AssistanceRequestRecord,
      };
    default:
      // RAW: the write as it was given; validateWrite() says what is wrong with it.
      return v[at] as CacheWrite;
  }
}

/** Records an encoding says it holds, for commit pacing before it is decoded (0 if it says nothing readable; a RAW write counts 1). */
export function rowsOfEncoded(encoded: unknown): number {
  const sizes = isObject(encoded) ? encoded.sizes : undefined;
  if (!Array.isArray(sizes)) return 0;
  let rows = 0;
  for (const size of sizes) if (Number.isSafeInteger(size) && (size as number) > 0) rows += size as number;
  return rows;
}
