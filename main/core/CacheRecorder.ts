import type { AuditEntry, Interaction, Queue, SupervisionPeriod, TimelineEvent } from '../../preload/contract';
import type { CacheError } from '../cache/errors';
import { cachedInteractionId } from '../cache/interactionIdentity';
import type { SessionCache } from '../cache/SessionCache';
import type { InteractionRecord, ParticipantRecord } from '../cache/types';
import type { ConnectorEvent } from '../contact-center/Connector';
import type { Logger } from './logger';
import { PendingCacheWrites } from './PendingCacheWrites';
import { changedParticipants, sameCachedFields, type CachedFields, type RecordedConversation } from './recordedConversation';

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

export class CacheRecorder {
  /** Platform id -> cached id of the conversation it names now. */
  private readonly current = new Map<string, string>();
  /**
   * What was last recorded per interaction: its cached fields and its participants, so an update
   * that changes nothing cached (a participant alerting then connected, a wait time) costs no write.
   */
  private readonly recorded = new Map<string, RecordedConversation>();
  private readonly monitoredByMe = new Set<string>();
  private readonly assistanceOpen = new Map<string, number>();
  private failing = false;
  private readonly pending: PendingCacheWrites;

  constructor(
    private readonly cache: SessionCache,
    /** The connector's name, part of every conversation's identity. */
    private readonly connector: () => string,
    private readonly me: () => { id: string; name: string },
    private readonly queues: () => ReadonlyMap<string, Queue>,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly onFailure: (message: string) => void,
  ) {
    this.pending = new PendingCacheWrites(cache, (write) => this.track(write));
  }

  /** Sends every held write to the cache now: before a read that must see them, and before the cache closes. */
  flush(): void {
    this.pending.flush();
  }

  onConnectorEvent(event: ConnectorEvent): void {
    switch (event.type) {
      case 'interactions':
        for (const i of event.interactions) this.recordInteraction(i);
        break;
      case 'messages': {
        const channel = this.channels.get(event.interactionId) ?? 'chat';
        // A message for a conversation not seen yet has no home; it is skipped like before (UNKNOWN_INTERACTION).
        const cachedIds = event.messages.map((m) => this.current.get(m.interactionId));
        if (cachedIds.some((id) => id === undefined)) break;
        this.pending.messages(
          event.messages.map((m, n) => ({
            interactionId: cachedIds[n]!,
            messageId: m.id,
            senderKind: m.senderKind,
            senderName: m.senderName,
            at: m.at,
            channel,
            body: m.attachments.length ? `${m.text}\n${m.attachments.map((a) => `${a.name}: ${a.url}`).join('\n')}` : m.text,
          })),
        );
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
    return this.current.get(platformId) ?? platformId;
  }

  private readonly channels = new Map<string, Interaction['channel']>();

  private recordInteraction(i: Interaction): void {
    this.channels.set(i.id, i.channel);
    const identity = { connector: this.connector(), platformId: i.id, epoch: i.epoch ?? i.startedAt };
    const id = cachedInteractionId(identity);
    const previous = this.current.get(i.id);
    if (previous !== id) {
      // The platform reused this id for another conversation: forget what belonged to the last one.
      if (previous !== undefined) this.forget(previous);
      this.current.delete(i.id);
      // Bounded for long sessions: the id first seen longest ago goes first (a late message for it is skipped).
      if (this.current.size >= MAX_CURRENT_IDS) this.current.delete(this.current.keys().next().value!);
      this.current.set(i.id, id);
    }
    const me = this.me();
    if (i.participants.some((p) => p.supervising?.supervisorId === me.id) || i.monitorLock?.supervisorId === me.id) {
      this.monitoredByMe.add(id);
    }
    const agents = i.participants.filter((p) => p.role === 'agent' || p.role === 'specialist');
    const customer = i.participants.find((p) => p.kind === 'external');
    const last = this.recorded.get(id);
    const fields: CachedFields = {
      channel: i.channel,
      queueId: i.queueId ?? null,
      queueName: i.queueId ? (this.queues().get(i.queueId)?.name ?? null) : null,
      agents: agents.map((p) => ({ id: p.agentId ?? p.id, name: p.name })),
      customerName: customer?.name ?? i.customer?.name ?? null,
      state: i.state,
      endedAt: i.endedAt ?? null,
      monitoredByMe: this.monitoredByMe.has(id),
    };
    const participants: ParticipantRecord[] = i.participants.map((p) => ({
      interactionId: id,
      participantId: p.id,
      name: p.name,
      kind: p.kind,
      role: p.supervising ? 'supervisor' : p.role,
    }));
    const changed = changedParticipants(last?.participants, participants);
    if (!last || !sameCachedFields(last.fields, fields)) {
      const record: InteractionRecord = {
        id,
        identity,
        channel: i.channel,
        queueId: fields.queueId,
        queueName: fields.queueName,
        agents: fields.agents,
        customerName: fields.customerName,
        state: i.state,
        startedAt: i.startedAt,
        endedAt: fields.endedAt,
        monitoredByMe: fields.monitoredByMe,
        lastSeenAt: this.now(),
      };
      this.pending.interaction(record, changed);
    } else if (changed.length > 0) {
      this.pending.participants(changed);
    }
    if (i.state === 'ended') this.recorded.delete(id);
    else if (!last) this.recorded.set(id, { fields, participants: new Map(participants.map((p) => [p.participantId, p])) });
    else {
      last.fields = fields;
      for (const p of changed) last.participants.set(p.participantId, p);
    }
    this.recordAssistance(i, id);
  }

  private forget(cachedId: string): void {
    this.recorded.delete(cachedId);
    this.monitoredByMe.delete(cachedId);
    this.assistanceOpen.delete(cachedId);
  }

  private recordAssistance(i: Interaction, id: string): void {
    const agent = i.participants.find((p) => p.role === 'agent');
    const openedAt = this.assistanceOpen.get(id);
    if (i.assistanceRequested && openedAt === undefined) {
      const at = i.assistanceRequestedAt ?? this.now();
      this.assistanceOpen.set(id, at);
      this.pending.assistance({
        requestId: `${id}:${at}`,
        interactionId: id,
        agentId: agent?.agentId ?? agent?.id ?? 'unknown',
        agentName: agent?.name ?? 'Unknown agent',
        at,
        state: 'open',
      });
    } else if (!i.assistanceRequested && openedAt !== undefined) {
      this.assistanceOpen.delete(id);
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
    const id = this.current.get(event.interactionId);
    if (id === undefined) return; // not seen yet: no home (the cache would say UNKNOWN_INTERACTION)
    this.pending.timeline({ interactionId: id, eventId: event.id, at: event.at, kind: event.kind, text: event.text, supervisorName: event.supervisorName ?? null });
  }

  private recordPeriod(period: SupervisionPeriod): void {
    const id = this.current.get(period.interactionId);
    if (id === undefined) return; // not seen yet: no home (the cache would say UNKNOWN_INTERACTION)
    if (period.supervisorId === this.me().id) this.monitoredByMe.add(id);
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
    if (this.failing) return;
    this.failing = true;
    const message =
      e?.code === 'DISK_FULL'
        ? 'The disk is full: new activity is not being cached for offline review. Free some disk space; Spyglass keeps running.'
        : `The session cache could not save new activity (${e?.message ?? 'unknown error'}). Spyglass keeps running; offline review may miss recent activity.`;
    this.log.warn(message);
    this.onFailure(message);
  }
}
