import type { Database, Statement } from '../sqlite';
import type { BodyCipher } from '../encryption';
import type { Redactor } from '../redaction';
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
import { unknownInteractionError } from '../errors';
import { BlockScratch, encodeBlock, messageBlocks, type StoredMessage } from '../messageBlocks';
import { BlockReader, type MessageIndex } from '../messageIndex';
import { StoredMessageIds } from '../storedMessageIds';
import {
  validateAssistanceRequest,
  validateAudit,
  validateInteraction,
  validateMessage,
  validateParticipant,
  validateSupervisionPeriod,
  validateTimelineEvent,
  validateWrite,
} from '../validation';
import type { EncodedRecordSink } from '../worker/writeCodec';
import { SearchTermsRecorder } from '../searchTerms';
import { KEY_OF_ID } from './interactionById';
import { BatchedUpsert } from './batchedUpsert';

/** Interaction id -> integer key, remembered for the messages that follow. Bounded for long sessions. */
const MAX_REMEMBERED_KEYS = 10_000;

/**
 * Applies record*() writes. Free text (bodies, timeline text, audit targets,
 * reasons) is redacted here, before SQL; bodies are then encrypted and their
 * redacted words indexed in the contentless FTS table. Callers own the
 * transaction so a batch commits (and is acknowledged) as one unit.
 */
export class CacheWriter {
  private readonly insertInteractionStmt: Statement;
  private readonly updateInteractionStmt: Statement;
  private readonly largestKeyStmt: Statement;
  /** The largest interaction key in the table as this transaction left it; undefined: read it again. */
  private largestKey: number | undefined;
  private readonly agentRows: BatchedUpsert;
  private readonly participantRows: BatchedUpsert;
  private readonly insertBlockStmt: Statement;
  private readonly storedIds: StoredMessageIds;
  private readonly scratch = new BlockScratch();
  private readonly interactionKeyStmt: Statement;
  private readonly interactionKeys = new Map<string, number>();
  /** Interaction key -> the agents last written for it (agentsSignature), while the transaction that wrote them stands. */
  private readonly agentsWritten = new Map<number, string>();
  private readonly terms: SearchTermsRecorder;
  private readonly timelineRows: BatchedUpsert;
  private readonly upsertPeriodStmt: Statement;
  private readonly upsertAuditStmt: Statement;
  private readonly upsertAssistanceStmt: Statement;
  private readonly setMetaStmt: Statement;
  /** The last id interactionKey() resolved and its key: consecutive records mostly name one conversation. */
  private lastId: string | undefined;
  private lastKey = 0;
  /**
   * Where the cache worker replays encoded writes (writeCodec.replayEncoded): each record
   * validated, then written, as apply() does for a decoded write. A bad record throws
   * INVALID_INPUT in the caller's transaction (which then retries each write alone).
   */
  readonly sink: EncodedRecordSink = {
    interaction: (r) => (validateInteraction(r), this.upsertInteraction(r)),
    participant: (r) => (validateParticipant(r), this.upsertParticipant(r)),
    messages: (records) => {
      for (const m of records) validateMessage(m);
      this.insertMessages(records);
    },
    timelineEvent: (r) => (validateTimelineEvent(r), this.upsertTimelineEvent(r)),
    period: (r) => (validateSupervisionPeriod(r), this.upsertSupervisionPeriod(r)),
    audit: (r) => (validateAudit(r), this.upsertAudit(r)),
    assistance: (r) => (validateAssistanceRequest(r), this.upsertAssistanceRequest(r)),
    raw: (w) => this.apply(w),
  };

  constructor(
    db: Database,
    private readonly cipher: BodyCipher,
    private redactor: Redactor,
    private readonly index: MessageIndex,
  ) {
    // A conversation not seen in this session is inserted with a key chosen here (one above the
    // largest), so the messages that follow need no lookup of it; only if it was there already
    // (DO NOTHING, no change) is it looked up and updated. One seen before is updated by its key,
    // the table's own b-tree, not through the id index. Positional parameters, no RETURNING:
    // issue 15 measured both slower. The id is derived from (connector, platform_id, epoch), so
    // an existing row is the same conversation; a reused platform id with another epoch has
    // another id and inserts a new row (never merged).
    this.insertInteractionStmt = db.prepare(`
      INSERT INTO interactions (key, id, channel, queue_id, queue_name, customer_name, state, started_at, ended_at, monitored_by_me, last_seen_at,
        connector, platform_id, epoch)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`);
    // How a later update merges into the row (the same as an upsert's DO UPDATE would).
    this.updateInteractionStmt = db.prepare(`
      UPDATE interactions SET
        channel = ?,
        queue_id = coalesce(?, queue_id),
        queue_name = coalesce(?, queue_name),
        customer_name = coalesce(?, customer_name),
        state = ?,
        started_at = min(started_at, ?),
        ended_at = coalesce(?, ended_at),
        monitored_by_me = max(monitored_by_me, ?),
        last_seen_at = max(last_seen_at, ?)
      WHERE key = ?`);
    this.largestKeyStmt = db.prepare('SELECT coalesce(max(key), 0) FROM interactions').pluck();
    this.interactionKeyStmt = db.prepare(`SELECT ${KEY_OF_ID}`).pluck();
    this.agentRows = new BatchedUpsert(
      db,
      'INSERT INTO interaction_agents (interaction_key, agent_id, agent_name)',
      3,
      // Every interaction update names its agents again; an unchanged row is not rewritten (its page stays clean).
      'ON CONFLICT (interaction_key, agent_id) DO UPDATE SET agent_name = excluded.agent_name WHERE agent_name <> excluded.agent_name',
    );
    this.participantRows = new BatchedUpsert(
      db,
      'INSERT INTO participants (interaction_key, participant_id, name, kind, role)',
      5,
      `ON CONFLICT (interaction_key, participant_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, role = excluded.role
      WHERE name <> excluded.name OR kind <> excluded.kind OR role <> excluded.role`,
    );
    this.insertBlockStmt = db.prepare(
      'INSERT INTO message_blocks (interaction_key, first_at, message_count, data) VALUES (?, ?, ?, ?)',
    );
    this.storedIds = new StoredMessageIds(db, new BlockReader(db, cipher));
    this.terms = new SearchTermsRecorder(db);
    this.timelineRows = new BatchedUpsert(
      db,
      'INSERT INTO timeline_events (interaction_key, event_id, at, kind, text, supervisor_name)',
      6,
      `ON CONFLICT (interaction_key, event_id) DO UPDATE SET at = excluded.at, kind = excluded.kind, text = excluded.text,
        supervisor_name = excluded.supervisor_name`,
    );
    this.upsertPeriodStmt = db.prepare(`
      INSERT INTO supervision_periods (period_id, interaction_key, supervisor_id, supervisor_name, mode, participant_id, participant_name, started_at, ended_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (interaction_key, period_id) DO UPDATE SET mode = excluded.mode,
        participant_id = coalesce(excluded.participant_id, participant_id),
        participant_name = coalesce(excluded.participant_name, participant_name),
        ended_at = coalesce(excluded.ended_at, ended_at)`);
    this.upsertAuditStmt = db.prepare(`
      INSERT INTO audit_log (audit_id, interaction_key, actor_id, actor_name, action, target, at, result, detail)
      VALUES (@auditId, @interactionKey, @actorId, @actorName, @action, @target, @at, @result, @detail)
      ON CONFLICT (audit_id) DO UPDATE SET result = excluded.result, detail = excluded.detail`);
    this.upsertAssistanceStmt = db.prepare(`
      INSERT INTO assistance_requests (request_id, interaction_key, agent_id, agent_name, at, reason, state, resolved_at, resolved_by)
      VALUES (@requestId, @interactionKey, @agentId, @agentName, @at, @reason, @state, @resolvedAt, @resolvedBy)
      ON CONFLICT (request_id) DO UPDATE SET state = excluded.state, reason = coalesce(excluded.reason, reason),
        resolved_at = coalesce(excluded.resolved_at, resolved_at), resolved_by = coalesce(excluded.resolved_by, resolved_by)`);
    this.setMetaStmt = db.prepare(
      'INSERT INTO cache_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  setRedactor(redactor: Redactor): void {
    this.redactor = redactor;
  }

  /** Validates then writes; throws CacheError('INVALID_INPUT') before touching the DB on bad input. */
  apply(write: CacheWrite): void {
    validateWrite(write);
    switch (write.kind) {
      case 'interaction':
        return this.upsertInteraction(write.record);
      case 'participants':
        return write.records.forEach((r) => this.upsertParticipant(r));
      case 'messages':
        return this.insertMessages(write.records);
      case 'timeline':
        return write.records.forEach((r) => this.upsertTimelineEvent(r));
      case 'supervisionPeriod':
        return this.upsertSupervisionPeriod(write.record);
      case 'audit':
        return this.upsertAudit(write.record);
      case 'assistanceRequest':
        return this.upsertAssistanceRequest(write.record);
    }
  }

  markWritten(now: number): void {
    this.setMetaStmt.run('last_write_at', now);
  }

  private upsertInteraction(r: InteractionRecord): void {
    const id = r.id;
    let key = id === this.lastId ? this.lastKey : this.interactionKeys.get(id);
    if (key === undefined) {
      key = this.insertInteraction(r);
      this.rememberKey(id, key);
    } else {
      this.updateInteraction(r, key);
    }
    this.lastId = id;
    this.lastKey = key;
    if (r.agents.length === 0) return;
    // Every update of a conversation names its agents again, almost always the same ones:
    // skip the statements when this conversation's agents were just written as they are.
    const agents = agentsSignature(r.agents);
    if (this.agentsWritten.get(key) === agents) return;
    for (const a of r.agents) this.agentRows.add(key, a.id, a.name);
    if (this.agentsWritten.size >= MAX_REMEMBERED_KEYS) this.agentsWritten.clear();
    this.agentsWritten.set(key, agents);
  }

  /** A conversation this session has no key for: inserted under the next key, or, if it is there already, updated. Its key. */
  private insertInteraction(r: InteractionRecord): number {
    for (let attempt = 0; ; attempt++) {
      const next = (this.largestKey ??= this.largestKeyStmt.get() as number) + 1;
      const inserted = this.insertInteractionStmt.run(
        next,
        r.id,
        r.channel,
        r.queueId ?? null,
        r.queueName ?? null,
        r.customerName ?? null,
        r.state,
        r.startedAt,
        r.endedAt ?? null,
        r.monitoredByMe ? 1 : 0,
        r.lastSeenAt,
        r.identity?.connector ?? '',
        r.identity?.platformId ?? r.id,
        r.identity?.epoch ?? r.startedAt,
      ).changes;
      if (inserted === 1) return (this.largestKey = next);
      const existing = this.interactionKeyStmt.get(r.id) as number | null;
      if (existing !== null) {
        this.updateInteraction(r, existing);
        return existing;
      }
      // Neither inserted nor there: the key was taken behind our back (nothing else writes
      // this table while the worker owns the connection). Read the largest key again, once.
      this.largestKey = undefined;
      if (attempt > 0) throw new Error(`interaction ${JSON.stringify(r.id)} could be neither inserted nor found`);
    }
  }

  private updateInteraction(r: InteractionRecord, key: number): void {
    this.updateInteractionStmt.run(
      r.channel,
      r.queueId ?? null,
      r.queueName ?? null,
      r.customerName ?? null,
      r.state,
      r.startedAt,
      r.endedAt ?? null,
      r.monitoredByMe ? 1 : 0,
      r.lastSeenAt,
      key,
    );
  }

  private upsertParticipant(r: ParticipantRecord): void {
    this.participantRows.add(this.interactionKey(r.interactionId), r.participantId, r.name, r.kind, r.role);
  }

  /** Call last inside every write transaction: writes the rows still held and indexes this transaction's messages. */
  finishTransaction(): void {
    this.agentRows.flush();
    this.participantRows.flush();
    this.timelineRows.flush();
    this.index.flush();
  }

  /**
   * A transaction rolled back (or a purge deleted rows): drop pending index
   * rows and forget remembered keys and terms, which may name rows that are gone.
   */
  rolledBack(): void {
    this.index.discardPending();
    this.agentRows.discard();
    this.participantRows.discard();
    this.timelineRows.discard();
    this.terms.reset();
    this.interactionKeys.clear();
    this.largestKey = undefined;
    this.lastId = undefined;
    this.agentsWritten.clear();
    this.storedIds.clear();
  }

  private rememberKey(id: string, key: number): void {
    if (this.interactionKeys.size >= MAX_REMEMBERED_KEYS) this.interactionKeys.clear();
    this.interactionKeys.set(id, key);
  }

  private interactionKey(id: string): number {
    if (id === this.lastId) return this.lastKey;
    let key = this.interactionKeys.get(id);
    if (key === undefined) {
      // A scalar subquery: NULL when there is no such interaction.
      key = (this.interactionKeyStmt.get(id) as number | null) ?? undefined;
      if (key === undefined) throw unknownInteractionError();
      this.rememberKey(id, key);
    }
    this.lastId = id;
    this.lastKey = key;
    return key;
  }

  private insertMessages(records: TranscriptMessageRecord[]): void {
    for (const block of messageBlocks(records)) {
      const key = this.interactionKey(block[0]!.interactionId);
      const fresh: StoredMessage[] = [];
      for (const m of block) {
        // A redelivered message (also twice in one batch) is already stored and indexed.
        if (!this.storedIds.add(key, m.messageId)) continue;
        fresh.push({
          messageId: m.messageId,
          senderKind: m.senderKind,
          senderName: m.senderName,
          at: m.at,
          channel: m.channel,
          // Well-formed, so the indexed text is exactly what decrypting the
          // stored UTF-8 gives back (a purge removes index rows by that text).
          body: wellFormed(this.redactor.redact(m.body)),
        });
      }
      if (fresh.length === 0) continue;
      const blockId = Number(
        this.insertBlockStmt.run(key, fresh[0]!.at, fresh.length, this.cipher.encryptBytes(encodeBlock(fresh, this.scratch)))
          .lastInsertRowid,
      );
      this.index.add(blockId, fresh);
      for (const m of fresh) this.terms.record(m.body);
    }
  }

  private upsertTimelineEvent(r: TimelineEventRecord): void {
    this.timelineRows.add(
      this.interactionKey(r.interactionId),
      r.eventId,
      r.at,
      r.kind,
      this.redactor.redact(r.text),
      r.supervisorName ?? null,
    );
  }

  private upsertSupervisionPeriod(r: SupervisionPeriodRecord): void {
    this.upsertPeriodStmt.run(
      r.periodId,
      this.interactionKey(r.interactionId),
      r.supervisorId,
      r.supervisorName,
      r.mode,
      r.participantId ?? null,
      r.participantName ?? null,
      r.startedAt,
      r.endedAt ?? null,
    );
  }

  private upsertAudit(r: AuditRecord): void {
    const { interactionId, ...rest } = r;
    this.upsertAuditStmt.run({
      ...rest,
      interactionKey: interactionId == null ? null : this.interactionKey(interactionId),
      target: this.redactor.redact(r.target),
      detail: r.detail == null ? null : this.redactor.redact(r.detail),
    });
  }

  private upsertAssistanceRequest(r: AssistanceRequestRecord): void {
    const { interactionId, ...rest } = r;
    this.upsertAssistanceStmt.run({
      ...rest,
      interactionKey: interactionId == null ? null : this.interactionKey(interactionId),
      reason: r.reason == null ? null : this.redactor.redact(r.reason),
      resolvedAt: r.resolvedAt ?? null,
      resolvedBy: r.resolvedBy ?? null,
    });
  }
}

/** Agent ids and names, each length-prefixed, so two different lists never give the same signature. */
function agentsSignature(agents: readonly { id: string; name: string }[]): string {
  let signature = '';
  for (const a of agents) signature += `${a.id.length}:${a.id}${a.name.length}:${a.name}`;
  return signature;
}

function wellFormed(text: string): string {
  return text.isWellFormed() ? text : text.toWellFormed();
}
