import type { AuditEntry, Interaction, Message, Participant, Queue, SupervisionPeriod, TimelineEvent } from '../../preload/contract';
import type { CacheError } from '../cache/errors';
import { cachedInteractionId, type InteractionIdentity } from '../cache/interactionIdentity';
import type { SessionCache } from '../cache/SessionCache';
import type { AgentRef, InteractionRecord, ParticipantRecord, TranscriptMessageRecord } from '../cache/types';
import type { ConnectorEvent } from '../contact-center/Connector';
import type { Logger } from './logger';
import { PendingCacheWrites } from './PendingCacheWrites';
import { rememberParticipant, sentParticipant, type RecordedConversation, type SentParticipants } from './recordedConversation';

/**
 * Writes what the supervisor saw into the session cache (rule 19):
 * interactions and participants as they change, transcripts, timelines,
 * supervision periods, assistance requests and the audit log. Writes are
 * fire-and-forget from the core's point of view; a failing write (disk
 * full) is reported once and the app keeps running.
 *
 * Contact centers reuse interaction ids, so everything is cached under the
 * conversation's own id (connector, platform id, epoch; see
 * cache/interactionIdentity.ts). Messages, timeline events and periods name
 * only the platform id: they go to the conversation that id names now.
 * The maps below are keyed by cached id, so nothing (monitored by me, an open
 * assistance request) carries over to the next conversation with the same id.
 *
 * Writes are held for a few milliseconds and sent per conversation
 * (PendingCacheWrites); call flush() before reading the cache and before
 * closing it.
 */
/** Platform ids remembered (with the conversation each names now); far more than a seat sees live at once. */
const MAX_CURRENT_IDS = 50_000;

/**
 * The conversation a platform id names now, with what the recorder keeps about it: held on
 * the conversation itself, so an update costs one map lookup (by the platform id) instead of
 * four (issue 15: recorded, monitored by me and open requests were maps keyed by cached id).
 */
interface Conversation {
  platformId: string;
  /** Its cached id: the same string each time. */
  id: string;
  identity: InteractionIdentity;
  channel: Interaction['channel'];
  /** What was last sent for it; undefined before its first update and once it ended. */
  recorded: RecordedConversation | undefined;
  /** I monitored it (monitor lock, supervising, a period of mine): once true, stays true. */
  monitoredByMe: boolean;
  /** When its open assistance request was opened; undefined while none is open. */
  assistanceOpenedAt: number | undefined;
}

const NO_PARTICIPANTS: ParticipantRecord[] = [];

export class CacheRecorder {
  /** Platform id -> the conversation it names now. */
  private readonly current = new Map<string, Conversation>();
  /** Entries of `current` in the order set (stale ones skipped): the oldest goes first when it is full. */
  private order: Conversation[] = [];
  private orderHead = 0;
  /**
   * Conversations forgotten to keep `current` bounded that still had something kept (recorded,
   * monitored by me, a request open), by cached id: if their platform id comes back with the
   * same start, they go on from there, as when this was kept in maps keyed by cached id.
   */
  private readonly evicted = new Map<string, Conversation>();
  private failing = false;
  private readonly pending: PendingCacheWrites;

  constructor(
    private readonly cache: Pick<SessionCache, 'recordWrites'>,
    /** The connector's name, part of every conversation's identity. */
    private readonly connector: () => string,
    private readonly me: () => { id: string; name: string },
    private readonly queues: () => ReadonlyMap<string, Queue>,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly onFailure: (message: string) => void,
  ) {
    this.pending = new PendingCacheWrites(cache, (writes) => this.track(writes));
  }

  /** Sends every held write to the cache now: before a read that must see them, and before the cache closes. */
  flush(): void {
    this.pending.flush();
  }

  onConnectorEvent(event: ConnectorEvent): void {
    switch (event.type) {
      case 'interactions': {
        const me = this.me().id; // once per event, not per update
        for (const i of event.interactions) this.recordInteraction(i, me);
        break;
      }
      case 'messages': {
        const messages = event.messages;
        const home = this.current.get(event.interactionId);
        const channel = home?.channel ?? 'chat';
        const records: TranscriptMessageRecord[] = [];
        for (let n = 0; n < messages.length; n++) {
          const m = messages[n]!;
          // Messages name the event's conversation (one lookup for the event); any other is looked up.
          const c = m.interactionId === event.interactionId ? home : this.current.get(m.interactionId);
          // A message for a conversation not seen yet has no home; the event is skipped like before (UNKNOWN_INTERACTION).
          if (c === undefined) return;
          records.push({
            interactionId: c.id,
            messageId: m.id,
            senderKind: m.senderKind,
            senderName: m.senderName,
            at: m.at,
            channel,
            body: m.attachments.length ? withAttachments(m) : m.text,
          });
        }
        this.pending.messages(records);
        break;
      }
      case 'timeline':
        this.recordTimeline(event.event);
        break;
      case 'period':
        this.recordPeriod(event.period);
        break;
      default:
        break;
    }
  }

  recordAudit(entry: AuditEntry): void {
    this.pending.auditEntry({
      auditId: entry.id,
      interactionId: entry.interactionId === undefined ? null : this.cachedIdFor(entry.interactionId),
      actorId: entry.supervisorId,
      actorName: entry.supervisorName,
      action: entry.action,
      target: entry.target ?? '',
      at: entry.at,
      result: entry.result,
      detail: entry.detail ?? null,
    });
  }

  /** The cached id of the conversation a platform id names now (itself if never seen: the cache then says it is unknown). */
  cachedIdFor(platformId: string): string {
    return this.current.get(platformId)?.id ?? platformId;
  }

  /** The conversation this update belongs to; a new one when the platform reused the id (another epoch) or the connector changed. */
  private conversationOf(i: Interaction): Conversation {
    const connector = this.connector();
    const epoch = i.epoch ?? i.startedAt;
    const known = this.current.get(i.id);
    if (known && known.identity.connector === connector && sameEpoch(known.identity.epoch, epoch)) {
      known.channel = i.channel;
      return known;
    }
    if (known) {
      // The platform reused this id for another conversation: what belonged to the last one goes with it.
      this.current.delete(i.id);
    } else if (this.current.size >= MAX_CURRENT_IDS) {
      // Bounded for long sessions: the id first seen longest ago goes first (a late message for it is skipped).
      this.evictOldest();
    }
    const identity = { connector, platformId: i.id, epoch };
    const id = cachedInteractionId(identity);
    const c: Conversation = { platformId: i.id, id, identity, channel: i.channel, recorded: undefined, monitoredByMe: false, assistanceOpenedAt: undefined };
    const before = this.evicted.size > 0 ? this.evicted.get(id) : undefined;
    if (before) {
      // The same conversation again after it was forgotten to keep `current` bounded: it goes on from what was kept.
      this.evicted.delete(id);
      c.recorded = before.recorded;
      c.monitoredByMe = before.monitoredByMe;
      c.assistanceOpenedAt = before.assistanceOpenedAt;
    }
    this.current.set(i.id, c);
    this.order.push(c);
    return c;
  }

  private evictOldest(): void {
    while (this.orderHead < this.order.length) {
      const oldest = this.order[this.orderHead++]!;
      if (this.current.get(oldest.platformId) === oldest) {
        this.current.delete(oldest.platformId);
        if (oldest.recorded !== undefined || oldest.monitoredByMe || oldest.assistanceOpenedAt !== undefined) this.evicted.set(oldest.id, oldest);
        break;
      }
    }
    if (this.orderHead > this.order.length / 2) {
      this.order = this.order.slice(this.orderHead);
      this.orderHead = 0;
    }
  }

  /**
   * One pass over the participants: who is new or changed, whether the agents or I (monitoring)
   * changed. Objects are made only for what is sent (issue 15: building every participant and
   * the cached fields on each update, to compare and mostly drop them, was the recorder's main cost).
   */
  private recordInteraction(i: Interaction, me: string): void {
    const c = this.conversationOf(i);
    const id = c.id;
    const last = c.recorded;
    const sent = last?.participants;
    const lastAgents = last?.fields.agents;
    let mine = i.monitorLock?.supervisorId === me;
    let changed: ParticipantRecord[] | undefined;
    let agentsSame = lastAgents !== undefined;
    let agentCount = 0;
    let customer: Participant | undefined;
    // Indexed, each property read once: participants come in many shapes (optional fields), so
    // every read is a megamorphic lookup; for-of and repeated reads were most of this loop's time.
    const participants = i.participants;
    for (let n = 0; n < participants.length; n++) {
      const p = participants[n]!;
      const participantId = p.id;
      const name = p.name;
      const kind = p.kind;
      const platformRole = p.role;
      const supervising = p.supervising;
      if (supervising?.supervisorId === me) mine = true;
      const role = supervising ? 'supervisor' : platformRole;
      if (platformRole === 'agent' || platformRole === 'specialist') {
        const a = agentsSame ? lastAgents![agentCount] : undefined;
        if (!a || a.id !== (p.agentId ?? participantId) || a.name !== name) agentsSame = false;
        agentCount++;
      }
      if (customer === undefined && kind === 'external') customer = p;
      const s = sent === undefined ? undefined : sentParticipant(sent, participantId);
      if (!s || s.name !== name || s.kind !== kind || s.role !== role) {
        (changed ??= []).push({ interactionId: id, participantId, name, kind, role });
      }
    }
    if (agentsSame && lastAgents!.length !== agentCount) agentsSame = false;
    if (mine) c.monitoredByMe = true;
    const monitoredByMe = c.monitoredByMe;
    const queueId = i.queueId ?? null;
    const queueName = i.queueId ? (this.queues().get(i.queueId)?.name ?? null) : null;
    const customerName = customer?.name ?? i.customer?.name ?? null;
    const endedAt = i.endedAt ?? null;
    const channel = i.channel;
    const state = i.state;
    const f = last?.fields;
    const same =
      f !== undefined &&
      agentsSame &&
      f.channel === channel &&
      f.queueId === queueId &&
      f.queueName === queueName &&
      f.customerName === customerName &&
      f.state === state &&
      f.endedAt === endedAt &&
      f.monitoredByMe === monitoredByMe;
    let fields: InteractionRecord | undefined;
    if (!same) {
      const agents: AgentRef[] = [];
      for (let n = 0; n < participants.length; n++) {
        const p = participants[n]!;
        if (p.role === 'agent' || p.role === 'specialist') agents.push({ id: p.agentId ?? p.id, name: p.name });
      }
      const record: InteractionRecord = {
        id,
        identity: c.identity,
        channel,
        queueId,
        queueName,
        agents,
        customerName,
        state,
        startedAt: i.startedAt,
        endedAt,
        monitoredByMe,
        lastSeenAt: this.now(),
      };
      fields = record; // what is compared next time: the record itself, no copy
      this.pending.interaction(record, changed ?? NO_PARTICIPANTS);
    } else if (changed) {
      this.pending.participants(changed);
    }
    if (state === 'ended') c.recorded = undefined;
    else if (!last) {
      let kept: SentParticipants = [];
      if (changed) for (const p of changed) kept = rememberParticipant(kept, p);
      c.recorded = { fields: fields!, participants: kept };
    } else {
      if (fields) last.fields = fields;
      if (changed) for (const p of changed) last.participants = rememberParticipant(last.participants, p);
    }
    this.recordAssistance(i, c);
  }

  private recordAssistance(i: Interaction, c: Conversation): void {
    const openedAt = c.assistanceOpenedAt;
    if (!i.assistanceRequested && openedAt === undefined) return; // nothing open, nothing asked: the usual case
    const id = c.id;
    const agent = i.participants.find((p) => p.role === 'agent');
    if (i.assistanceRequested && openedAt === undefined) {
      const at = i.assistanceRequestedAt ?? this.now();
      c.assistanceOpenedAt = at;
      this.pending.assistance({
        requestId: `${id}:${at}`,
        interactionId: id,
        agentId: agent?.agentId ?? agent?.id ?? 'unknown',
        agentName: agent?.name ?? 'Unknown agent',
        at,
        state: 'open',
      });
    } else if (!i.assistanceRequested && openedAt !== undefined) {
      c.assistanceOpenedAt = undefined;
      this.pending.assistance({
        requestId: `${id}:${openedAt}`,
        interactionId: id,
        agentId: agent?.agentId ?? agent?.id ?? 'unknown',
        agentName: agent?.name ?? 'Unknown agent',
        at: openedAt,
        state: 'resolved',
        resolvedAt: this.now(),
      });
    }
  }

  private recordTimeline(event: TimelineEvent): void {
    const id = this.current.get(event.interactionId)?.id;
    if (id === undefined) return; // not seen yet: no home (the cache would say UNKNOWN_INTERACTION)
    this.pending.timeline({ interactionId: id, eventId: event.id, at: event.at, kind: event.kind, text: event.text, supervisorName: event.supervisorName ?? null });
  }

  private recordPeriod(period: SupervisionPeriod): void {
    const c = this.current.get(period.interactionId);
    if (c === undefined) return; // not seen yet: no home (the cache would say UNKNOWN_INTERACTION)
    const id = c.id;
    if (period.supervisorId === this.me().id) c.monitoredByMe = true;
    this.pending.period({
      periodId: `${id}:${period.supervisorId}:${period.startedAt}`,
      interactionId: id,
      supervisorId: period.supervisorId,
      supervisorName: period.supervisorName,
      mode: period.mode,
      participantId: period.participantId,
      startedAt: period.startedAt,
      endedAt: period.endedAt ?? null,
    });
  }

  /** Reports a flush's outcome: the first real failure once, and when saving works again. */
  private track(writes: Promise<(CacheError | null)[]>): void {
    writes.then(
      (results) => {
        const error = results.find((e) => e !== null && e.code !== 'UNKNOWN_INTERACTION');
        if (error) this.failed(error);
        else if (this.failing && results.some((e) => e === null)) {
          this.failing = false;
          this.log.info('The session cache is saving again.');
        }
      },
      (e: { code?: string; message?: string }) => this.failed(e),
    );
  }

  private failed(e: { code?: string; message?: string }): void {
    if (e?.code === 'UNKNOWN_INTERACTION') return; // e.g. a message for a conversation first seen before caching started
    if (e?.code === 'CLOSED') return; // the cache could not be opened (already said) or the app is closing
    if (this.failing) return;
    this.failing = true;
    const message =
      e?.code === 'DISK_FULL'
        ? 'The disk is full: new activity is not being cached for offline review. Free some disk space; Spyglass keeps running.'
        : e?.code === 'OVERLOADED'
          ? 'More activity is arriving than the session cache can write to disk, so some of it is not being saved for offline review. Live views are not affected; close other programs that use the disk, or shorten the retention period in Settings if this keeps happening.'
          : `The session cache could not save new activity (${e?.message ?? 'unknown error'}). Spyglass keeps running; offline review may miss recent activity.`;
    this.log.warn(message);
    this.onFailure(message);
  }
}

/** A message's body as cached: its text, then each attachment's name and address on a line of its own. */
function withAttachments(m: Message): string {
  let body = m.text;
  for (const a of m.attachments) body += `\n${a.name}: ${a.url}`;
  return body;
}

/** Epochs as the cached id would tell them apart (its text): NaN is NaN. */
function sameEpoch(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
