import type {
  AgentView,
  Interaction,
  EventName,
  EventPayload,
  InteractionView,
  Notice,
  Result,
  Snapshot,
  TimelineEvent,
  VoiceSession,
} from '../../preload/contract';
import { CommandError } from '../../preload/contract';
import type { Connector, ConnectorEvent } from '../contact-center/Connector';
import type { ConfigService } from '../config/ConfigService';
import { AuditLog } from './AuditLog';
import { OwnTimeline } from './callQualityTimeline';
import { callEndNote, endedVoiceSession } from './voiceWrapUp';
import { auditContextFrom, describeAudit } from './auditWording';
import { ContactCenterMirror } from './ContactCenterMirror';
import { FlushScheduler } from './flushScheduler';
import { TranscriptWatchers } from './TranscriptWatchers';
import { dispatch, type Handlers } from './dispatch';
import type { Logger } from './logger';
import type { RulesPort, ViewContext } from './ports';
import { coreHandlers } from './handlers/coreHandlers';
import { voiceHandlers } from './handlers/voiceHandlers';
import { digitalHandlers } from './handlers/digitalHandlers';
import { cacheHandlers, cacheStatus } from './handlers/cacheHandlers';
import { WritesUntilOpen, type CacheWriter } from './WritesUntilOpen';
import { connectorKey } from '../cache/interactionIdentity';
import { CacheRecorder } from './CacheRecorder';
import type { SessionCache } from '../cache/SessionCache';
import type { VoicePhone } from './VoicePhone';
import { MetricsFeed } from './MetricsFeed';
import { AgentStateHistories } from './AgentStateHistories';
import { agentHandlers } from './handlers/agentHandlers';
import { metricsThresholdsFrom } from './metricsThresholds';
import { AlertFeed } from './AlertFeed';
import { alertRulesFrom } from './alertRules';
import { alertHandlers } from './handlers/alertHandlers';

export type EventSink = <E extends EventName>(channel: E, payload: EventPayload<E>) => void;

/** How long stop() waits for a session cache that is still opening. */
const STOP_WAITS_FOR_CACHE_MS = 10_000;

export interface CoreOptions {
  connector: Connector;
  config: ConfigService;
  rules: RulesPort;
  log: Logger;
  now: () => number;
  host: 'electron' | 'web';
  version: string;
  /** Opens a confirmed link in the system browser (Electron shell / a printed line in the web host). */
  openExternal: (url: string) => Promise<void>;
  /** How often batched changes are pushed to the screen at the latest. */
  flushIntervalMs?: number;
  /** Connector changes are pushed after their burst, at most once per this many ms (default 16: a frame). */
  changeFlushGapMs?: number;
  /** The session cache, when it could be opened; warnings are shown in the Transcripts view. */
  cache?: { cache: SessionCache; warnings: string[] };
  /**
   * The session cache while it is still opening (an upgrade of a large cache takes seconds):
   * the core starts without waiting and caches from the moment it is ready. Undefined = it
   * could not be opened. Instead of `cache`.
   */
  cacheOpening?: Promise<{ cache: SessionCache; warnings: string[] } | undefined>;
  /** Open in offline review mode without connecting (setting or user choice). */
  startOffline?: boolean;
  /** The softphone leg for voice monitoring; without it supervision is signalled to the connector only. */
  phone?: VoicePhone;
  /** Commands served by other parts (the phone and media bridge). */
  extraHandlers?: Handlers;
}

/**
 * One SupervisorCore per app: commands in, typed events out. Both hosts
 * (Electron, web) wrap the same instance; nothing here knows which one.
 */
export class SupervisorCore {
  readonly audit: AuditLog;
  readonly handlers: Handlers;
  /** Timeline entries the seat writes itself (the call quality of a monitor period): merged into a call's details, cached like the rest. */
  readonly ownTimeline = new OwnTimeline();
  mirror!: ContactCenterMirror;
  voiceSession: VoiceSession | undefined;
  private readonly sinks = new Set<EventSink>();
  /** Which conversations each screen shows: chat messages and typing go only there (TranscriptWatchers.ts). */
  readonly transcriptWatchers = new TranscriptWatchers<EventSink>();
  private readonly notices: Notice[] = [];
  private noticeSeq = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushSoon: FlushScheduler | undefined;
  private unsubscribe: (() => void) | undefined;
  private started = false;
  private startedAt = 0;
  private readonly viewedAt = new Map<string, number>();

  /** Set while in offline review mode, with the reason shown to the user. */
  offlineReason: string | undefined;
  private _recorder: CacheRecorder | undefined;
  /** Caches what is seen (into WritesUntilOpen while the cache opens); none without a cache or once it could not be opened. */
  get recorder(): CacheRecorder | undefined {
    return this._recorder;
  }
  private _cache: { cache: SessionCache; warnings: string[] } | undefined;
  /** The session cache once it is open. */
  get sessionCache(): { cache: SessionCache; warnings: string[] } | undefined {
    return this._cache;
  }
  /** True while the session cache is still opening (see CoreOptions.cacheOpening). */
  cacheOpening = false;
  private cacheOpened: Promise<unknown> = Promise.resolve();
  /** Settles once the session cache is open or could not be opened (at once when it was given open). */
  whenCacheSettled(): Promise<void> {
    return this.cacheOpened.then(() => undefined);
  }
  /** Queue metrics from connector events (main/metrics), pushed once a second. */
  readonly metrics: MetricsFeed;
  /** Each agent's states today (the agent details' timeline), from connector events. */
  readonly agentHistory = new AgentStateHistories();
  /** Supervisor alerts (main/alerts), evaluated once a second. */
  readonly alerts: AlertFeed;

  constructor(readonly options: CoreOptions) {
    this.metrics = new MetricsFeed({
      mirror: () => (this.isOffline ? undefined : this.mirror),
      now: () => this.now(),
      thresholds: () => metricsThresholdsFrom(options.config),
      afterCallWorkReported: () => this.connector.reportsAfterCallWork === true,
      emit: (snapshot) => this.emit('metrics:snapshot', snapshot),
      watched: () => this.sinks.size > 0,
    });
    this.alerts = new AlertFeed({
      mirror: () => (this.isOffline || !this.started ? undefined : this.mirror),
      now: () => this.now(),
      rules: () => alertRulesFrom(options.config),
      metrics: () => this.metrics.compute(),
      desktopNotifications: () => options.config.get('alerts.desktopNotifications'),
      emitChanged: (state) => this.emit('alerts:changed', state),
      emitRaised: (alert) => this.emit('alerts:raised', alert),
    });
    if (options.cache) {
      this._cache = options.cache;
      this._recorder = this.makeRecorder(options.cache.cache);
    } else if (options.cacheOpening) {
      // Record from the start; the writes wait for the cache (WritesUntilOpen.ts).
      const untilOpen = new WritesUntilOpen();
      this._recorder = this.makeRecorder(untilOpen);
      this.cacheOpening = true;
      this.cacheOpened = options.cacheOpening.then(
        (opened) => this.cacheReady(untilOpen, opened),
        () => this.cacheReady(untilOpen, undefined),
      );
    }
    this.audit = new AuditLog(
      10_000,
      (entry) => {
        this.recorder?.recordAudit(entry);
        this.emit('audit:entry', entry);
      },
      (entry) => describeAudit(entry, auditContextFrom(this.mirror, entry.interactionId)),
    );
    this.handlers = {
      ...coreHandlers(this),
      ...voiceHandlers(this),
      ...digitalHandlers(this),
      ...cacheHandlers(this),
      ...agentHandlers(this),
      ...alertHandlers(this),
      ...options.extraHandlers,
    };
    options.phone?.onLegEnded((reason) => void this.onPhoneLegEnded(reason));
  }

  /** The audio leg ended under us (far end hung up, connection lost): end the supervision too. */
  private async onPhoneLegEnded(reason: string): Promise<void> {
    const v = this.voiceSession;
    if (!v || v.state === 'ending' || v.state === 'ended') return;
    // The toolbar stays as a wrap-up saying why (issue 12 item 4); the call itself goes on.
    if (v.state === 'connecting') this.setVoiceSession(undefined);
    else this.setVoiceSession(endedVoiceSession(v, this.now(), `Your monitoring leg ended; the call goes on. ${reason}`));
    this.voiceSession = undefined;
    await this.connector.stopSupervision(v.interactionId).catch(() => undefined);
    this.notify('warning', `Monitoring ended: ${reason}`);
  }

  /** Sends an event to one screen only (e.g. media requests to the window hosting audio). */
  emitTo<E extends EventName>(sink: EventSink, channel: E, payload: EventPayload<E>): void {
    if (!this.sinks.has(sink)) return;
    try {
      sink(channel, payload);
    } catch (e) {
      this.log.warnOnce(`sink:${channel}`, `A screen failed to take “${channel}”: ${(e as Error).message}`);
    }
  }

  get connector(): Connector {
    return this.options.connector;
  }
  get log(): Logger {
    return this.options.log;
  }
  now(): number {
    return this.options.now();
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.startedAt = this.now();
    this.flushTimer = setInterval(() => this.flush(), this.options.flushIntervalMs ?? 50);
    this.flushTimer.unref?.();
    this.flushSoon = new FlushScheduler(() => this.flush(), this.options.changeFlushGapMs ?? 16);
    this.metrics.start();
    this.alerts.start();
    if (this.options.startOffline) {
      this.goOffline('You chose to start in offline review.');
      return;
    }
    try {
      await this.connect();
    } catch (e) {
      this.goOffline(`The contact center is unreachable (${(e as Error).message}).`);
    }
  }

  /** The cache finished opening (or could not): what waited goes to it, and the screens are told. */
  private cacheReady(untilOpen: WritesUntilOpen, opened: { cache: SessionCache; warnings: string[] } | undefined): void {
    this.cacheOpening = false;
    this._cache = opened;
    untilOpen.opened(opened?.cache ?? null);
    if (!opened) this._recorder = undefined;
    void cacheStatus(this).then(
      (status) => this.emit('cache:status', status),
      () => undefined,
    );
  }

  private makeRecorder(cache: CacheWriter): CacheRecorder {
    // Asked on every conversation update; the name rarely changes, the regex need not run each time.
    let keyOf = { name: '', key: connectorKey('') };
    const currentConnectorKey = () => {
      if (keyOf.name !== this.connector.name) keyOf = { name: this.connector.name, key: connectorKey(this.connector.name) };
      return keyOf.key;
    };
    return new CacheRecorder(
      cache,
      currentConnectorKey,
      () => this.mirror?.supervisor ?? { id: '', name: '' },
      () => this.mirror?.queues ?? new Map(),
      () => this.now(),
      this.options.log,
      (message) => this.notify('warning', message),
    );
  }

  /** Everything live counts as seen: cached as a starting point. */
  private recordStartingPoint(): void {
    const recorder = this._recorder;
    if (!recorder || !this.mirror) return;
    for (const i of this.mirror.interactions.values()) {
      recorder.onConnectorEvent({ type: 'interactions', interactions: [i] });
      if (i.channel !== 'voice') {
        const { messages } = this.connector.transcript(i.id);
        if (messages.length) recorder.onConnectorEvent({ type: 'messages', interactionId: i.id, messages });
      }
    }
  }

  private async connect(): Promise<void> {
    await this.connector.start();
    this.mirror = new ContactCenterMirror(this.connector.state());
    this.unsubscribe?.();
    this.offlineReason = undefined;
    // Before subscribing: a connector that started without its platform (Asterisk
    // unreachable, retrying) says so to a new subscriber, and that must win.
    this.connectorStatus = { name: this.connector.name, state: 'online' };
    this.unsubscribe = this.connector.subscribe((event) => this.onConnectorEvent(event));
    this.metrics.observe(this.mirror.interactions.values(), this.now(), 'initial');
    this.agentHistory.observe(this.mirror.agents.values(), this.now());
    // A call already on hold at connect: its hold is counted from now (the platform does not say since when).
    this.alerts.observe(this.mirror.interactions.values(), this.now());
    // Everything live counts as seen: cache it as a starting point.
    this.recordStartingPoint();
  }

  /** Offline review: live data stops, the cache stays browsable (rule 19). */
  private goOffline(reason: string): void {
    this.offlineReason = reason;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!this.mirror) {
      let supervisor: Snapshot['supervisor'] = { id: 'offline', name: 'Offline', status: 'Offline', permissions: [] };
      try {
        supervisor = this.connector.state().supervisor;
      } catch {
        // A connector that cannot even say who we are: keep the placeholder.
      }
      this.mirror = new ContactCenterMirror({ supervisor, agents: [], queues: [], interactions: [] });
    }
    // Offline screens hold no live interactions: none is sent again when its deadline passes.
    this.mirror.viewExpiries.clear();
    this.connectorStatus = { name: this.connector.name, state: 'offline', message: reason };
  }

  async setOffline(offline: boolean): Promise<void> {
    if (offline === (this.offlineReason !== undefined)) return;
    if (offline) {
      if (this.voiceSession) {
        await this.connector.stopSupervision(this.voiceSession.interactionId).catch(() => undefined);
        this.setVoiceSession(undefined);
      }
      await this.connector.stop();
      this.goOffline('You chose Offline.');
    } else {
      this.mirror = undefined as unknown as ContactCenterMirror;
      try {
        await this.connect();
      } catch (e) {
        this.goOffline(`The contact center is unreachable (${(e as Error).message}).`);
      }
    }
    this.emit('session:snapshot', this.snapshot());
  }

  get isOffline(): boolean {
    return this.offlineReason !== undefined;
  }

  async stop(): Promise<void> {
    if (this.flushTimer) clearInterval(this.flushTimer);
    this.flushSoon?.stop();
    this.metrics.stop();
    this.alerts.stop();
    this.unsubscribe?.();
    if (!this.isOffline) await this.connector.stop();
    // A cache still opening is closed once it is open, but quitting never waits on it for long:
    // a write not yet committed is lost either way, and the migration it may be running rolls back.
    let waited: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.cacheOpened, new Promise((resolve) => (waited = setTimeout(resolve, STOP_WAITS_FOR_CACHE_MS)))]);
    clearTimeout(waited);
    // The recorder holds writes for a few milliseconds: they go before the cache closes.
    this.recorder?.flush();
    await this._cache?.cache.close();
  }

  /** Adds a screen (a window or a web socket); returns the detach function. */
  attach(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => {
      this.sinks.delete(sink);
      this.transcriptWatchers.forget(sink);
      for (const l of this.screenClosedListeners) l(sink);
    };
  }

  private readonly screenClosedListeners = new Set<(sink: EventSink) => void>();
  onScreenClosed(listener: (sink: EventSink) => void): void {
    this.screenClosedListeners.add(listener);
  }

  /** `source` is the screen the command came from (its event sink), so replies can be targeted (e.g. the media host). */
  handle(channel: unknown, payload: unknown, source?: EventSink): Promise<Result<unknown>> {
    return dispatch(this.handlers, channel, payload, this.log, source ? { source } : {});
  }

  emit<E extends EventName>(channel: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks) {
      try {
        sink(channel, payload);
      } catch (e) {
        this.log.warnOnce(`sink:${channel}`, `A screen failed to take “${channel}”: ${(e as Error).message}`);
      }
    }
  }

  /** A conversation's live events, only to the screens that opened it (TranscriptWatchers.ts). */
  private emitToWatchers<E extends 'digital:messages' | 'digital:typing'>(interactionId: string, channel: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks) {
      if (!this.transcriptWatchers.watches(sink, interactionId)) continue;
      try {
        sink(channel, payload);
      } catch (e) {
        this.log.warnOnce(`sink:${channel}`, `A screen failed to take “${channel}”: ${(e as Error).message}`);
      }
    }
  }

  notify(level: Notice['level'], text: string): void {
    const notice: Notice = { id: `n${++this.noticeSeq}`, level, text, at: this.now() };
    this.notices.push(notice);
    if (this.notices.length > 50) this.notices.shift();
    this.emit('notice', notice);
    // With a window open it was seen; with none (start-up, a reload) the next window shows it.
    if (this.sinks.size > 0) notice.shown = true;
  }

  /** Every unread notice, `shown` where a window already showed it; the asking window shows the rest. */
  listNotices(): Notice[] {
    const list = this.notices.map((n) => ({ ...n }));
    for (const n of this.notices) n.shown = true;
    return list;
  }

  /** Read notices leave the list, so a reload or a second window does not show them again. */
  readNotices(ids: readonly string[]): void {
    const read = new Set(ids);
    for (let i = this.notices.length - 1; i >= 0; i--) if (read.has(this.notices[i]?.id ?? '')) this.notices.splice(i, 1);
  }

  viewContext(): ViewContext {
    const v = this.voiceSession;
    return {
      now: this.now(),
      supervisor: this.mirror.supervisor,
      interactions: this.mirror.interactions,
      agents: this.mirror.agents,
      queues: this.mirror.queues,
      ...(v && v.state !== 'ended' && v.state !== 'failed'
        ? { voice: { interactionId: v.interactionId, participantId: v.participantId, mode: v.mode } }
        : {}),
    };
  }

  interactionView(id: string, ctx = this.viewContext()): InteractionView {
    const interaction = this.mirror.interactions.get(id);
    if (!interaction) throw new CommandError('NOT_FOUND', 'This interaction has ended or is no longer visible.');
    return this.decorate(interaction, ctx);
  }

  /** Rule 14: activity is new until this supervisor views the interaction. */
  markViewed(interactionId: string): void {
    this.viewedAt.set(interactionId, this.now());
    if (this.mirror.interactions.has(interactionId)) this.mirror.dirtyInteractions.add(interactionId);
  }

  private decorate(interaction: Interaction, ctx: ViewContext): InteractionView {
    const view = this.options.rules.interactionView(interaction, ctx);
    const seen = this.viewedAt.get(interaction.id) ?? this.startedAt;
    return { ...view, unseenActivity: (interaction.lastActivityAt ?? 0) > seen };
  }

  snapshot(): Snapshot {
    const ctx = this.viewContext();
    // The new screen gets the views as they are now, which may differ from what was last broadcast: send each agent again on its next change.
    this.mirror?.sentAgentViews.clear();
    if (this.isOffline) {
      return { at: ctx.now, supervisor: this.mirror.supervisor, agents: [], queues: [], interactions: [], connector: this.connectorStatus };
    }
    const agents: AgentView[] = [];
    for (const a of this.mirror.agents.values()) agents.push(this.options.rules.agentView(a, ctx));
    const interactions: InteractionView[] = [];
    for (const i of this.mirror.interactions.values()) {
      interactions.push(this.decorate(i, ctx));
      this.mirror.viewExpiries.sent(i.id, this.options.rules.interactionViewExpiresAfter(i, ctx));
    }
    return {
      at: ctx.now,
      supervisor: this.mirror.supervisor,
      agents,
      queues: [...this.mirror.queues.values()],
      interactions,
      ...(this.voiceSession ? { voiceSession: this.voiceSession } : {}),
      connector: this.connectorStatus,
    };
  }

  connectorStatus: Snapshot['connector'] = { name: 'demo', state: 'connecting' };

  setVoiceSession(session: VoiceSession | undefined): void {
    this.voiceSession = session;
    this.emit('voice:session', session ?? null);
    // The phone follows who the supervisor hears (the demo PBX plays exactly those voices).
    const monitored = session && session.state !== 'ended' && session.state !== 'failed' ? this.mirror.interactions.get(session.interactionId) : undefined;
    if (session && monitored) this.options.phone?.followCall?.(monitored, session.participantId);
    // Rule 2 where the PBX does not keep it (a channel spy still sends the held customer): mute the leg's playback.
    if (session && monitored) this.options.phone?.mutePlayback?.((session.mutedOnHold?.length ?? 0) > 0);
    // What this supervisor may do changes everywhere (one monitor at a time).
    this.markAllDirty();
  }

  /** A timeline entry the seat wrote (not the contact center): shown in the call's details and kept in the cache. */
  addOwnTimelineEvent(event: TimelineEvent): void {
    this.ownTimeline.add(event);
    this.recorder?.onConnectorEvent({ type: 'timeline', event });
  }

  /** Forces every view to be recomputed on the next flush (e.g. supervisor status changed). */
  markAllDirty(): void {
    for (const id of this.mirror.agents.keys()) this.mirror.dirtyAgents.add(id);
    for (const id of this.mirror.interactions.keys()) this.mirror.dirtyInteractions.add(id);
  }

  private onConnectorEvent(event: ConnectorEvent): void {
    try {
      this.recorder?.onConnectorEvent(event);
      if (this.mirror.apply(event)) {
        this.flushSoon?.changed();
        if (event.type === 'supervisor') this.markAllDirty();
        if (event.type === 'interactions') this.metrics.observe(event.interactions, this.now());
        if (event.type === 'interactionsRemoved') this.metrics.forget(event.ids);
        if (event.type === 'agents') this.metrics.observeAgents(event.agents);
        if (event.type === 'agentsRemoved') this.metrics.forgetAgents(event.ids);
        if (event.type === 'agents') this.agentHistory.observe(event.agents, this.now());
        if (event.type === 'agentsRemoved') this.agentHistory.forget(event.ids);
        if (event.type === 'interactions') this.alerts.observe(event.interactions, this.now());
        if (event.type === 'interactionsRemoved') this.alerts.forget(event.ids);
        if (event.type === 'interactions') this.onInteractionsChanged(event.interactions.map((i) => i.id));
        if (event.type === 'interactionsRemoved') this.onInteractionsChanged(event.ids);
        return;
      }
      switch (event.type) {
        case 'messages':
          this.emitToWatchers(event.interactionId, 'digital:messages', { interactionId: event.interactionId, messages: event.messages });
          break;
        case 'typing':
          this.emitToWatchers(event.typing.interactionId, 'digital:typing', event.typing);
          break;
        case 'notice':
          this.notify(event.level, event.text);
          break;
        case 'status':
          this.connectorStatus = { name: this.connector.name, state: event.state, ...(event.message ? { message: event.message } : {}) };
          this.emit('session:delta', { at: this.now(), connector: this.connectorStatus });
          break;
        default:
          break;
      }
    } catch (e) {
      // A malformed connector event must not take the core down (DESIGN.md "Bad input").
      this.log.warnOnce(`connector-event:${event.type}`, `Ignored a connector event (${event.type}): ${(e as Error).message}`);
    }
  }

  /** The voice monitor ends by itself when the monitored call ends (rule 6). */
  private onInteractionsChanged(ids: string[]): void {
    const v = this.voiceSession;
    if (!v || !ids.includes(v.interactionId)) return;
    const interaction = this.mirror.interactions.get(v.interactionId);
    if (!interaction || interaction.state === 'ended') {
      void this.options.phone?.end();
      // The toolbar stays as a wrap-up (issue 12 item 4): how long, and what ended the call.
      let note = 'The call ended.';
      try {
        note = callEndNote(this.connector.timeline(v.interactionId));
      } catch {
        // A connector that cannot give the timeline any more: the plain fact.
      }
      this.setVoiceSession(endedVoiceSession(v, this.now(), note));
      this.notify('info', 'The call you were monitoring has ended; your monitoring session ended with it.');
      this.voiceSession = undefined;
      return;
    }
    const { mutedOnHold = [], ...audible } = this.options.rules.audibility(interaction, v.participantId, v.mode, this.options.phone?.pbxMixing?.());
    if (
      audible.hearing.join() !== v.hearing.join() ||
      audible.heardBy.join() !== v.heardBy.join() ||
      mutedOnHold.join() !== (v.mutedOnHold ?? []).join()
    ) {
      const { mutedOnHold: _was, ...rest } = v;
      this.setVoiceSession({ ...rest, ...audible, ...(mutedOnHold.length > 0 ? { mutedOnHold } : {}) });
    }
  }

  flush(): void {
    if (!this.mirror) return;
    // A waiting chat's SLA passes with no event: its view is sent again once the clock passes the deadline.
    for (const id of this.mirror.viewExpiries.passed(this.now())) if (this.mirror.interactions.has(id)) this.mirror.dirtyInteractions.add(id);
    if (!this.mirror.hasChanges()) return;
    const ctx = this.viewContext();
    const m = this.mirror;
    const delta: EventPayload<'session:delta'> = { at: ctx.now };
    if (m.dirtySupervisor) delta.supervisor = m.supervisor;
    if (m.dirtyQueues) delta.queues = [...m.queues.values()];
    if (m.dirtyAgents.size) {
      // Only agents whose view changed: a chat's activity marks its agent changed, but rarely shows on them.
      const agents: AgentView[] = [];
      const changedAt: Record<string, number> = {};
      for (const id of m.dirtyAgents) {
        const a = m.agents.get(id);
        if (!a) continue;
        const view = this.options.rules.agentView(a, ctx);
        if (!m.sentAgentViews.changed(view)) continue;
        agents.push(view);
        const at = m.agentChangedAt.get(id);
        if (at !== undefined) changedAt[id] = at;
      }
      if (agents.length) delta.agents = agents;
      // Event times only for agents sent: what the screen paints is what was measured (tests/bench/agents.bench.ts).
      if (agents.length && Object.keys(changedAt).length) delta.agentChangedAt = changedAt;
    }
    if (m.dirtyInteractions.size) {
      delta.interactions = [];
      for (const id of m.dirtyInteractions) {
        const i = m.interactions.get(id);
        if (!i) continue;
        delta.interactions.push(this.decorate(i, ctx));
        m.viewExpiries.sent(id, this.options.rules.interactionViewExpiresAfter(i, ctx));
      }
    }
    if (m.removedAgents.size) delta.removedAgentIds = [...m.removedAgents];
    if (m.removedInteractions.size) delta.removedInteractionIds = [...m.removedInteractions];
    m.clearChanges();
    this.emit('session:delta', delta);
  }
}
