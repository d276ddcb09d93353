import type {
  Agent,
  Interaction,
  Message,
  Participant,
  Queue,
  Supervisor,
  SupervisionPeriod,
  TimelineEvent,
} from '../../../preload/contract';
import type { ConnectorEvent, ConnectorListener, Typing } from '../Connector';
import type { Clock } from './clock';
import { Scheduler } from './scheduler';

/** A simulated supervisor other than the user (they hold locks, monitor, coach). */
export interface OtherSupervisor {
  id: string;
  name: string;
  online: boolean;
  mayLogOff: boolean;
}

export interface WorldLimits {
  /** How long an ended interaction stays listed (state 'ended') before removal. */
  endedRetentionMs: number;
  /** Transcript cap per conversation; oldest messages are dropped. */
  maxMessagesPerConversation: number;
  /** Timeline cap per interaction. */
  maxTimelinePerInteraction: number;
  /** How many removed interactions keep their timeline/periods/transcript for lookups. */
  archivedInteractions: number;
}

interface Archive {
  timeline: TimelineEvent[];
  periods: SupervisionPeriod[];
  messages: Message[];
}

/**
 * The demo's whole state plus change tracking. Simulation code mutates the
 * objects in place and marks them; flush() turns the marks into one batch of
 * ConnectorEvents (one `agents` event per tick, however many agents changed).
 * Emitted objects are copies, so listeners never see later mutations.
 */
export class World {
  readonly scheduler = new Scheduler();
  readonly agents = new Map<string, Agent>();
  readonly queues = new Map<string, Queue>();
  readonly interactions = new Map<string, Interaction>();
  readonly others = new Map<string, OtherSupervisor>();
  /** Ids of waiting (state 'pending') interactions per queue, oldest first. */
  readonly waiting = new Map<string, string[]>();
  /** Interactions and agents the background simulation must leave alone (scenarios). */
  readonly pinned = new Set<string>();
  /** When each waiting interaction last entered its queue (for the queue's oldest wait). */
  readonly queuedAt = new Map<string, number>();

  private readonly timelines = new Map<string, TimelineEvent[]>();
  private readonly periodsById = new Map<string, SupervisionPeriod[]>();
  private readonly transcripts = new Map<string, Message[]>();
  private readonly typingById = new Map<string, Typing>();
  private readonly archive = new Map<string, Archive>();
  private readonly counters = new Map<string, number>();
  private readonly listeners = new Set<ConnectorListener>();
  /** Told when an interaction leaves the live set (simulations drop their bookkeeping). */
  onRemoved: ((id: string) => void) | undefined;

  private supervisorDirty = false;
  private readonly dirtyAgents = new Set<string>();
  private readonly dirtyQueues = new Set<string>();
  private readonly dirtyInteractions = new Set<string>();
  private readonly removedInteractions: string[] = [];
  private readonly removedAgents: string[] = [];
  private readonly outbox: ConnectorEvent[] = [];

  constructor(
    readonly clock: Clock,
    public supervisor: Supervisor,
    readonly limits: WorldLimits,
  ) {}

  now(): number {
    return this.clock.now();
  }

  /** Deterministic ids: `${prefix}-${n}`. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  }

  /** How many ids of this prefix were handed out so far (e.g. 'msg': every message written). */
  issued(prefix: string): number {
    return this.counters.get(prefix) ?? 0;
  }

  // ---- lookups -------------------------------------------------------------

  interaction(id: string): Interaction | undefined {
    return this.interactions.get(id);
  }

  agentParticipant(ix: Interaction): Participant | undefined {
    return ix.participants.find((p) => p.role === 'agent' && p.state !== 'disconnected');
  }

  customerParticipant(ix: Interaction): Participant | undefined {
    return ix.participants.find((p) => p.role === 'customer');
  }

  supervisorName(supervisorId: string): string {
    if (supervisorId === this.supervisor.id) return this.supervisor.name;
    return this.others.get(supervisorId)?.name ?? supervisorId;
  }

  // ---- change marks --------------------------------------------------------

  markSupervisor(): void {
    this.supervisorDirty = true;
  }

  markAgent(id: string): void {
    this.dirtyAgents.add(id);
  }

  markQueue(id: string): void {
    this.dirtyQueues.add(id);
  }

  markInteraction(ix: Interaction): void {
    ix.lastActivityAt = this.now();
    this.dirtyInteractions.add(ix.id);
  }

  // ---- participants and agents ---------------------------------------------

  addParticipant(ix: Interaction, p: Omit<Participant, 'id' | 'joinedAt' | 'inConsult' | 'inConference'> & Partial<Participant>): Participant {
    const participant: Participant = {
      ...p,
      id: p.id ?? `${ix.id}-${this.nextId('p')}`,
      joinedAt: p.joinedAt ?? this.now(),
      inConsult: p.inConsult ?? false,
      inConference: p.inConference ?? false,
    };
    ix.participants.push(participant);
    if (participant.agentId) this.linkAgent(participant.agentId, ix.id);
    this.markInteraction(ix);
    return participant;
  }

  /** Takes a participant off the interaction (their leg ended). */
  removeParticipant(ix: Interaction, participantId: string): void {
    const index = ix.participants.findIndex((p) => p.id === participantId);
    if (index < 0) return;
    const [p] = ix.participants.splice(index, 1);
    if (p?.agentId && !ix.participants.some((q) => q.agentId === p.agentId)) this.unlinkAgent(p.agentId, ix.id);
    this.markInteraction(ix);
  }

  linkAgent(agentId: string, interactionId: string): void {
    const agent = this.agents.get(agentId);
    if (!agent || agent.interactionIds.includes(interactionId)) return;
    agent.interactionIds.push(interactionId);
    this.markAgent(agentId);
  }

  unlinkAgent(agentId: string, interactionId: string): void {
    const agent = this.agents.get(agentId);
    if (!agent) return;
    const i = agent.interactionIds.indexOf(interactionId);
    if (i < 0) return;
    agent.interactionIds.splice(i, 1);
    this.markAgent(agentId);
  }

  setAgentStatus(agent: Agent, status: Agent['status']): void {
    if (agent.status === status) return;
    agent.status = status;
    agent.statusSince = this.now();
    this.markAgent(agent.id);
  }

  // ---- queues --------------------------------------------------------------

  enqueue(ix: Interaction, queueId: string): void {
    this.dequeue(ix);
    ix.queueId = queueId;
    const list = this.waiting.get(queueId) ?? [];
    list.push(ix.id);
    this.waiting.set(queueId, list);
    this.queuedAt.set(ix.id, this.now());
    this.refreshQueue(queueId);
  }

  dequeue(ix: Interaction): void {
    if (!ix.queueId) return;
    const list = this.waiting.get(ix.queueId);
    const i = list ? list.indexOf(ix.id) : -1;
    this.queuedAt.delete(ix.id);
    if (list && i >= 0) {
      list.splice(i, 1);
      this.refreshQueue(ix.queueId);
    }
  }

  private refreshQueue(queueId: string): void {
    const queue = this.queues.get(queueId);
    if (!queue) return;
    const list = this.waiting.get(queueId) ?? [];
    queue.waiting = list.length;
    const oldest = list[0] !== undefined ? this.queuedAt.get(list[0]) : undefined;
    if (oldest !== undefined) queue.oldestWaitingSince = oldest;
    else delete queue.oldestWaitingSince;
    this.markQueue(queueId);
  }

  // ---- timeline, periods, transcripts ----------------------------------------

  timeline(interactionId: string): TimelineEvent[] {
    return this.timelines.get(interactionId) ?? this.archive.get(interactionId)?.timeline ?? [];
  }

  periods(interactionId: string): SupervisionPeriod[] {
    return this.periodsById.get(interactionId) ?? this.archive.get(interactionId)?.periods ?? [];
  }

  messages(interactionId: string): Message[] {
    return this.transcripts.get(interactionId) ?? this.archive.get(interactionId)?.messages ?? [];
  }

  typing(interactionId: string): Typing | undefined {
    return this.typingById.get(interactionId);
  }

  addTimeline(interactionId: string, kind: TimelineEvent['kind'], text: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
    const event: TimelineEvent = {
      id: this.nextId('tl'),
      interactionId,
      at: this.now(),
      kind,
      text,
      ...extra,
    };
    const list = this.timelines.get(interactionId) ?? [];
    list.push(event);
    if (list.length > this.limits.maxTimelinePerInteraction) list.splice(0, list.length - this.limits.maxTimelinePerInteraction);
    this.timelines.set(interactionId, list);
    this.outbox.push({ type: 'timeline', event: { ...event } });
    return event;
  }

  openPeriod(period: SupervisionPeriod): void {
    const list = this.periodsById.get(period.interactionId) ?? [];
    list.push(period);
    this.periodsById.set(period.interactionId, list);
    this.outbox.push({ type: 'period', period: { ...period } });
  }

  /** Closes the open period of this supervisor on this interaction, if any. */
  closePeriod(interactionId: string, supervisorId: string): void {
    const open = this.periodsById.get(interactionId)?.find((p) => p.supervisorId === supervisorId && p.endedAt === undefined);
    if (!open) return;
    open.endedAt = this.now();
    this.outbox.push({ type: 'period', period: { ...open } });
  }

  addMessage(interactionId: string, message: Omit<Message, 'id' | 'interactionId' | 'at' | 'attachments'> & Partial<Message>): Message {
    const full: Message = {
      id: this.nextId('msg'),
      interactionId,
      at: this.now(),
      attachments: [],
      ...message,
    };
    const list = this.transcripts.get(interactionId) ?? [];
    list.push(full);
    if (list.length > this.limits.maxMessagesPerConversation) list.splice(0, list.length - this.limits.maxMessagesPerConversation);
    this.transcripts.set(interactionId, list);
    const copy = { ...full, attachments: full.attachments.map((a) => ({ ...a })) };
    // Consecutive messages of one interaction in one batch share an event.
    const last = this.outbox[this.outbox.length - 1];
    if (last?.type === 'messages' && last.interactionId === interactionId) last.messages.push(copy);
    else this.outbox.push({ type: 'messages', interactionId, messages: [copy] });
    const ix = this.interactions.get(interactionId);
    if (ix) this.markInteraction(ix);
    return full;
  }

  /** Typing changes are emitted one by one: the growing draft is the point. */
  setTyping(interactionId: string, agentTyping: boolean, draft: string): void {
    const prev = this.typingById.get(interactionId);
    if (prev && prev.agentTyping === agentTyping && prev.draft === draft) return;
    if (!prev && !agentTyping && draft === '') return;
    const typing = { interactionId, agentTyping, draft };
    if (!agentTyping && draft === '') this.typingById.delete(interactionId);
    else this.typingById.set(interactionId, typing);
    this.outbox.push({ type: 'typing', typing: { ...typing } });
  }

  notice(level: 'info' | 'warning' | 'error', text: string): void {
    this.outbox.push({ type: 'notice', level, text });
  }

  emitNow(event: ConnectorEvent): void {
    this.outbox.push(event);
  }

  // ---- lifecycle -----------------------------------------------------------

  /** Drops an ended interaction from the live set; its history stays in a bounded archive. */
  removeInteraction(id: string): void {
    const ix = this.interactions.get(id);
    if (!ix) return;
    this.dequeue(ix);
    for (const p of ix.participants) if (p.agentId) this.unlinkAgent(p.agentId, id);
    this.interactions.delete(id);
    this.dirtyInteractions.delete(id);
    this.removedInteractions.push(id);
    this.archive.set(id, {
      timeline: this.timelines.get(id) ?? [],
      periods: this.periodsById.get(id) ?? [],
      messages: this.transcripts.get(id) ?? [],
    });
    this.timelines.delete(id);
    this.periodsById.delete(id);
    this.transcripts.delete(id);
    this.typingById.delete(id);
    this.pinned.delete(id);
    this.onRemoved?.(id);
    while (this.archive.size > this.limits.archivedInteractions) {
      const oldest = this.archive.keys().next().value;
      if (oldest === undefined) break;
      this.archive.delete(oldest);
    }
  }

  removeAgent(id: string): void {
    if (!this.agents.delete(id)) return;
    this.dirtyAgents.delete(id);
    this.removedAgents.push(id);
  }

  subscribe(listener: ConnectorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Emits everything that changed since the last flush, in an order a
   * consumer can apply directly: entities first, then what refers to them,
   * removals last.
   */
  flush(): void {
    const events: ConnectorEvent[] = [];
    if (this.supervisorDirty) events.push({ type: 'supervisor', supervisor: cloneSupervisor(this.supervisor) });
    const agents: Agent[] = [];
    for (const id of this.dirtyAgents) {
      const a = this.agents.get(id);
      if (a) agents.push(cloneAgent(a));
    }
    if (agents.length) events.push({ type: 'agents', agents });
    const queues: Queue[] = [];
    for (const id of this.dirtyQueues) {
      const q = this.queues.get(id);
      if (q) queues.push({ ...q });
    }
    if (queues.length) events.push({ type: 'queues', queues });
    const interactions: Interaction[] = [];
    for (const id of this.dirtyInteractions) {
      const ix = this.interactions.get(id);
      if (ix) interactions.push(cloneInteraction(ix));
    }
    if (interactions.length) events.push({ type: 'interactions', interactions });
    events.push(...this.outbox);
    if (this.removedInteractions.length) events.push({ type: 'interactionsRemoved', ids: [...this.removedInteractions] });
    if (this.removedAgents.length) events.push({ type: 'agentsRemoved', ids: [...this.removedAgents] });

    this.supervisorDirty = false;
    this.dirtyAgents.clear();
    this.dirtyQueues.clear();
    this.dirtyInteractions.clear();
    this.outbox.length = 0;
    this.removedInteractions.length = 0;
    this.removedAgents.length = 0;

    for (const event of events) {
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch {
          // A faulty listener must not stop the simulation or starve the others.
        }
      }
    }
  }
}

export const cloneSupervisor = (s: Supervisor): Supervisor => ({ ...s, permissions: [...s.permissions] });

export const cloneAgent = (a: Agent): Agent => ({ ...a, queueIds: [...a.queueIds], interactionIds: [...a.interactionIds] });

export const cloneParticipant = (p: Participant): Participant =>
  p.supervising ? { ...p, supervising: { ...p.supervising } } : { ...p };

export function cloneInteraction(ix: Interaction): Interaction {
  const copy: Interaction = {
    ...ix,
    participants: ix.participants.map(cloneParticipant),
    supervisorsInvolved: ix.supervisorsInvolved.map((s) => ({ ...s })),
  };
  if (ix.monitorLock) copy.monitorLock = { ...ix.monitorLock };
  if (ix.customer) copy.customer = { ...ix.customer };
  if (ix.categorisation) copy.categorisation = { ...ix.categorisation, tags: [...ix.categorisation.tags] };
  return copy;
}
