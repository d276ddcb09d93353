import type { Database, Statement } from '../sqlite';
import type { BodyCipher } from '../encryption';
import type {
  AgentRef,
  AssistanceRequestRecord,
  AuditRecord,
  InteractionDetail,
  InteractionSummary,
  Note,
  Channel,
  SupervisionMode,
  TranscriptMessage,
} from '../types';
import { BlockReader } from '../messageIndex';
import { INTERACTION_COLUMNS, toSummary, type InteractionRow } from './rows';
import { KEY_OF_ID, interactionWithId, interactionsWithIdsIn } from './interactionById';

/** Reads one interaction back exactly as it was cached, decrypting bodies and notes. */
export class CacheReader {
  private readonly interactionStmt: Statement;
  private readonly agentsStmt: Statement;
  private readonly summariesStmt: Statement;
  private readonly agentsOfStmt: Statement;
  private readonly participantsStmt: Statement;
  private readonly blocksStmt: Statement;
  private readonly timelineStmt: Statement;
  private readonly periodsStmt: Statement;
  private readonly notesStmt: Statement;
  private readonly auditStmt: Statement;
  private readonly assistanceStmt: Statement;

  constructor(
    private readonly db: Database,
    private readonly cipher: BodyCipher,
  ) {
    this.interactionStmt = db.prepare(`SELECT ${INTERACTION_COLUMNS} FROM ${interactionWithId('i')}`);
    this.summariesStmt = db.prepare(
      `SELECT ${INTERACTION_COLUMNS} FROM ${interactionsWithIdsIn('i')}`,
    );
    this.agentsOfStmt = db.prepare(`
      SELECT i.id AS interactionId, a.agent_id AS id, a.agent_name AS name
      FROM ${interactionsWithIdsIn('i')} JOIN interaction_agents a ON a.interaction_key = i.key
      ORDER BY a.agent_name`);
    this.agentsStmt = db.prepare(
      `SELECT agent_id AS id, agent_name AS name FROM interaction_agents
       WHERE interaction_key = ${KEY_OF_ID} ORDER BY agent_name`,
    );
    this.participantsStmt = db.prepare(
      `SELECT participant_id AS participantId, name, kind, role FROM participants
       WHERE interaction_key = ${KEY_OF_ID} ORDER BY participant_id`,
    );
    this.blocksStmt = db.prepare(`
      SELECT id, first_at AS firstAt, data FROM message_blocks
      WHERE interaction_key = ${KEY_OF_ID} ORDER BY id`);
    this.timelineStmt = db.prepare(`
      SELECT event_id AS eventId, at, kind, text, supervisor_name AS supervisorName
      FROM timeline_events WHERE interaction_key = ${KEY_OF_ID} ORDER BY at, event_id`);
    this.periodsStmt = db.prepare(`
      SELECT period_id AS periodId, supervisor_id AS supervisorId, supervisor_name AS supervisorName, mode,
        participant_id AS participantId, participant_name AS participantName, started_at AS startedAt, ended_at AS endedAt
      FROM supervision_periods WHERE interaction_key = ${KEY_OF_ID} ORDER BY started_at`);
    this.notesStmt = db.prepare(`
      SELECT n.id, i.id AS interactionId, n.author_id AS authorId, n.author_name AS authorName, n.at, n.text
      FROM ${interactionWithId('i')} JOIN notes n ON n.interaction_key = i.key ORDER BY n.at, n.id`);
    this.auditStmt = db.prepare(`
      SELECT a.audit_id AS auditId, i.id AS interactionId, a.actor_id AS actorId, a.actor_name AS actorName,
        a.action, a.target, a.at, a.result, a.detail
      FROM ${interactionWithId('i')} JOIN audit_log a ON a.interaction_key = i.key ORDER BY a.at, a.audit_id`);
    this.assistanceStmt = db.prepare(`
      SELECT r.request_id AS requestId, i.id AS interactionId, r.agent_id AS agentId, r.agent_name AS agentName,
        r.at, r.reason, r.state, r.resolved_at AS resolvedAt, r.resolved_by AS resolvedBy
      FROM ${interactionWithId('i')} JOIN assistance_requests r ON r.interaction_key = i.key ORDER BY r.at`);
  }

  /** In time order; a block that cannot be decrypted shows as one message without text, at its first time. */
  private transcript(interactionId: string, channel: Channel): TranscriptMessage[] {
    const blocks = this.blockReader();
    const out: TranscriptMessage[] = [];
    for (const b of this.blocksStmt.all(interactionId) as { id: number; firstAt: number; data: Buffer }[]) {
      const messages = blocks.decode(b.data);
      if (messages) out.push(...messages);
      else out.push({ messageId: `unreadable-block-${b.id}`, senderKind: 'system', senderName: 'Spyglass', at: b.firstAt, channel, body: null });
    }
    // Stable: messages with the same time keep the order they were stored in.
    return out.sort((x, y) => x.at - y.at);
  }

  /** For search hits: decrypts blocks on demand, remembering the last few. */
  blockReader(capacity = 64): BlockReader {
    return new BlockReader(this.db, this.cipher, capacity);
  }

  agents(interactionId: string): AgentRef[] {
    return this.agentsStmt.all(interactionId) as AgentRef[];
  }

  /** Summaries for many ids in two queries, in the order given; unknown ids are skipped. */
  summaries(interactionIds: string[]): InteractionSummary[] {
    if (interactionIds.length === 0) return [];
    const json = JSON.stringify(interactionIds);
    const rows = this.summariesStmt.all(json) as InteractionRow[];
    const agents = new Map<string, AgentRef[]>();
    for (const a of this.agentsOfStmt.all(json) as (AgentRef & { interactionId: string })[]) {
      const list = agents.get(a.interactionId) ?? [];
      list.push({ id: a.id, name: a.name });
      agents.set(a.interactionId, list);
    }
    const byId = new Map(rows.map((r) => [r.id, toSummary(r, agents.get(r.id) ?? [])]));
    return interactionIds.flatMap((id) => byId.get(id) ?? []);
  }

  summary(interactionId: string): InteractionSummary | null {
    const row = this.interactionStmt.get(interactionId) as InteractionRow | undefined;
    return row ? toSummary(row, this.agents(interactionId)) : null;
  }

  notes(interactionId: string): Note[] {
    return (this.notesStmt.all(interactionId) as (Omit<Note, 'text'> & { text: Buffer })[]).map((n) => ({
      ...n,
      text: this.cipher.decrypt(n.text),
    }));
  }

  detail(interactionId: string): InteractionDetail | null {
    const interaction = this.summary(interactionId);
    if (!interaction) return null;
    type PeriodRow = { periodId: string; supervisorId: string; supervisorName: string; mode: SupervisionMode; participantId: string | null; participantName: string | null; startedAt: number; endedAt: number | null };
    return {
      interaction,
      participants: this.participantsStmt.all(interactionId) as InteractionDetail['participants'],
      transcript: this.transcript(interactionId, interaction.channel),
      timeline: this.timelineStmt.all(interactionId) as InteractionDetail['timeline'],
      supervisionPeriods: this.periodsStmt.all(interactionId) as PeriodRow[],
      notes: this.notes(interactionId),
      audit: this.auditStmt.all(interactionId) as AuditRecord[],
      assistanceRequests: this.assistanceStmt.all(interactionId) as AssistanceRequestRecord[],
    };
  }
}
