import type { CacheError } from '../cache/errors';
import { mergeInteractionRecords } from '../cache/interactionMerge';
import type { SessionCache } from '../cache/SessionCache';
import type {
  AssistanceRequestRecord,
  AuditRecord,
  CacheWrite,
  InteractionRecord,
  ParticipantRecord,
  SupervisionPeriodRecord,
  TimelineEventRecord,
  TranscriptMessageRecord,
} from '../cache/types';
import { rememberParticipant, type SentParticipants } from './recordedConversation';

/**
 * How long CacheRecorder holds writes before sending them (issue 15, event-shaped
 * load): one connector event at a time, every interaction update was its own
 * upsert, participants waited for the interaction's ack, and the worker committed
 * a few rows per turn. Held for a short, bounded time, an interaction updated many
 * times is written once, its participants, messages and timeline go with it, and
 * the worker commits them together. Reads flush first, so nothing shown is stale.
 */
export const HOLD_MS = 25;
/** Records held at most before sending at once, so a burst neither waits nor grows memory. */
export const MAX_HELD_RECORDS = 4_000;

/**
 * What one conversation has waiting, in the order the cache needs it (the interaction before
 * what hangs off it). Each list is made when its first record comes: most conversations have
 * one or two kinds waiting in a hold, and four empty lists per conversation per hold were
 * garbage for the young generation (issue 15).
 */
interface Held {
  interaction: InteractionRecord | undefined;
  /**
   * Latest per participant, in the order first held: the cache upserts each one, so only the last
   * state of each matters. A short list (a Map past a few; see recordedConversation.ts), not a Map per conversation per hold.
   */
  participants: SentParticipants | undefined;
  messages: TranscriptMessageRecord[] | undefined;
  timeline: TimelineEventRecord[] | undefined;
  /** In arrival order: a period's start and end, a request opened then resolved. */
  periods: SupervisionPeriodRecord[] | undefined;
  assistance: AssistanceRequestRecord[] | undefined;
}

/**
 * Writes held per conversation (cached id) and sent together as one op per flush
 * (SessionCache.recordWrites): one combined set of writes per conversation,
 * conversations in the order first touched, audit entries last (they may name any
 * of them). Each write is still committed or refused on its own. Nothing is dropped: a later
 * interaction record is merged into the held one as the cache's upsert would merge
 * them, a later participant record replaces the earlier one the cache would have
 * overwritten anyway; every message, timeline entry, period and audit entry is kept.
 */
export class PendingCacheWrites {
  private held = new Map<string, Held>();
  private audit: AuditRecord[] = [];
  private records = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly cache: Pick<SessionCache, 'recordWrites'>,
    /** Called with each flush sent (one result per write), to report failures. */
    private readonly track: (writes: Promise<(CacheError | null)[]>) => void,
    private readonly holdMs = HOLD_MS,
    private readonly maxRecords = MAX_HELD_RECORDS,
  ) {}

  interaction(record: InteractionRecord, participants: ParticipantRecord[]): void {
    const h = this.conversation(record.id);
    // Merged as the cache's upsert would merge them, so holding loses nothing (an agent who left within the hold).
    // Records are never changed here (merging makes a new one): CacheRecorder compares the next update with the record it sent.
    h.interaction = h.interaction ? mergeInteractionRecords(h.interaction, record) : record;
    this.participants(participants, 1);
  }

  /** Participants of a conversation already recorded (or held). */
  participants(records: ParticipantRecord[], alsoAdded = 0): void {
    for (const p of records) {
      const h = this.conversation(p.interactionId);
      h.participants = rememberParticipant(h.participants ?? [], p);
    }
    this.added(alsoAdded + records.length);
  }

  messages(records: TranscriptMessageRecord[]): void {
    for (const r of records) (this.conversation(r.interactionId).messages ??= []).push(r);
    this.added(records.length);
  }

  timeline(record: TimelineEventRecord): void {
    (this.conversation(record.interactionId).timeline ??= []).push(record);
    this.added(1);
  }

  period(record: SupervisionPeriodRecord): void {
    (this.conversation(record.interactionId).periods ??= []).push(record);
    this.added(1);
  }

  assistance(record: AssistanceRequestRecord): void {
    // A request names its conversation (the recorder always sets it); '' only groups one that does not.
    (this.conversation(record.interactionId ?? '').assistance ??= []).push(record);
    this.added(1);
  }

  auditEntry(record: AuditRecord): void {
    this.audit.push(record);
    this.added(1);
  }

  /** Sends everything held now (a read is about to happen, the app stops, or the bound was reached). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const held = this.held;
    const audit = this.audit;
    this.held = new Map();
    this.audit = [];
    this.records = 0;
    // One op for the whole flush: one message, one ack, one promise (issue 15: one op per
    // kind per conversation was ~270,000 promises, map entries and acks per 100k messages).
    const writes: CacheWrite[] = [];
    for (const h of held.values()) {
      if (h.interaction) writes.push({ kind: 'interaction', record: h.interaction });
      if (h.participants) writes.push({ kind: 'participants', records: Array.isArray(h.participants) ? h.participants : [...h.participants.values()] });
      if (h.messages) writes.push({ kind: 'messages', records: h.messages });
      if (h.timeline) writes.push({ kind: 'timeline', records: h.timeline });
      if (h.periods) for (const p of h.periods) writes.push({ kind: 'supervisionPeriod', record: p });
      if (h.assistance) for (const a of h.assistance) writes.push({ kind: 'assistanceRequest', record: a });
    }
    for (const a of audit) writes.push({ kind: 'audit', record: a });
    if (writes.length > 0) this.track(this.cache.recordWrites(writes));
  }

  private conversation(id: string): Held {
    let h = this.held.get(id);
    if (!h) {
      h = { interaction: undefined, participants: undefined, messages: undefined, timeline: undefined, periods: undefined, assistance: undefined };
      this.held.set(id, h);
    }
    return h;
  }

  private added(n: number): void {
    this.records += n;
    if (this.records >= this.maxRecords) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.holdMs);
  }
}
