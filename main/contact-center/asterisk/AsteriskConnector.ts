import type * as net from 'node:net';
import type { Agent, AgentStatus, Interaction, Message, Queue, Supervisor, SupervisionMode, SupervisionPeriod, TimelineEvent } from '../../../preload/contract';
import { ConnectorError, type Connector, type ConnectorEvent, type ConnectorListener, type ContactCenterState, type SupervisionTarget, type Typing } from '../Connector';
import { AmiClient, type AmiError, type AmiEndpoint } from './amiClient';
import type { AmiFields } from './amiFrameParser';
import { AsteriskModel, type DerivedState } from './asteriskModel';
import { defaultBackoff, reconnectDelayMs, type BackoffOptions } from './reconnectBackoff';
import { realTimers, type Timers } from './timers';

/**
 * The Asterisk connector: agents, queues, calls and other supervisors'
 * ChanSpy sessions from the Asterisk Manager Interface. Read-only: it sends
 * Login, Ping and list actions (QueueStatus, QueueSummary, CoreShowChannels,
 * BridgeList, DeviceStateList, PresenceStateList), never an action that changes a call.
 * Monitoring itself is the softphone's asterisk-chanspy leg; the connector
 * only records it, so our own ChanSpy is never shown as someone else's lock.
 *
 * Each connection: login, a full resync, then live events. A lost
 * connection is reported (status offline, with what to do) and retried with
 * exponential backoff, and the next connection resyncs from scratch.
 */

export interface AsteriskConnectorOptions extends AmiEndpoint {
  username: string;
  /** Read at every connection attempt (the OS secret store, or SPYGLASS_AMI_SECRET). */
  secret: () => Promise<string | undefined>;
  /** This supervisor: extension = phone.user's user part (how our own ChanSpy is recognised). */
  supervisor: { id: string; name: string; extension?: string };
  /** phone.featureCode: channels dialling it are supervisor legs, not calls. */
  featureCode?: string;
  timers?: Timers;
  random?: () => number;
  openSocket?: (endpoint: AmiEndpoint) => net.Socket;
  log?: { info(message: string): void; warn(message: string): void };
  backoff?: BackoffOptions;
  /** Changes are published at most this often. Default 100 ms. */
  flushMs?: number;
  timeoutMs?: number;
  keepaliveMs?: number;
  endedRetentionMs?: number;
}

type Published<T> = Map<string, { json: string; value: T }>;

const VOICE_PERMISSIONS = ['call:monitor', 'call:add', 'call:coach', 'call:barge'] as const;
const NO_CHATS = 'Asterisk has no chats, SMS or messaging conversations; only voice calls are supervised on it.';

export class AsteriskConnector implements Connector {
  readonly name = 'asterisk';
  private readonly timers: Timers;
  private readonly model: AsteriskModel;
  private readonly listeners = new Set<ConnectorListener>();
  private supervisor: Supervisor;
  private client: AmiClient | undefined;
  private running = false;
  private resyncing = false;
  private attempt = 0;
  private reconnectTimer: unknown;
  private flushTimer: unknown;
  private lastPublishMs = 0;
  private status: Extract<ConnectorEvent, { type: 'status' }> = { type: 'status', state: 'connecting' };
  private readonly agents: Published<Agent> = new Map();
  private readonly queues: Published<Queue> = new Map();
  private readonly interactions: Published<Interaction> = new Map();
  private readonly warned = new Map<string, number>();
  /** Ended calls keep their timeline and periods readable after removal. */
  private readonly where: string;

  constructor(private readonly options: AsteriskConnectorOptions) {
    this.timers = options.timers ?? realTimers;
    this.where = `${options.host}:${options.port}`;
    this.supervisor = {
      id: options.supervisor.id,
      name: options.supervisor.name,
      status: 'Available',
      permissions: [...VOICE_PERMISSIONS],
      ...(options.supervisor.extension ? { extension: options.supervisor.extension } : {}),
    };
    this.model = new AsteriskModel({
      ...(options.supervisor.extension ? { selfExtension: options.supervisor.extension } : {}),
      spyFeatureCodes: options.featureCode ? [options.featureCode] : [],
      ...(options.endedRetentionMs !== undefined ? { endedRetentionMs: options.endedRetentionMs } : {}),
      warn: (key, message) => this.warnRarely(key, message),
    });
  }

  // ---- lifecycle -----------------------------------------------------------------

  /** Resolves once the first connection attempt has settled; failures are retried in the background. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.timers.clearTimeout(this.reconnectTimer);
    this.timers.clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const client = this.client;
    this.client = undefined;
    client?.close();
    this.setStatus('offline', 'Disconnected from Asterisk.');
  }

  state(): ContactCenterState {
    return {
      supervisor: { ...this.supervisor, permissions: [...this.supervisor.permissions] },
      agents: [...this.agents.values()].map((a) => a.value),
      queues: [...this.queues.values()].map((q) => q.value),
      interactions: [...this.interactions.values()].map((i) => i.value),
    };
  }

  /** A new listener is told the connection state at once (the core subscribes after start()). */
  subscribe(listener: ConnectorListener): () => void {
    this.listeners.add(listener);
    if (this.status.state !== 'online') listener({ ...this.status });
    return () => this.listeners.delete(listener);
  }

  private async connect(): Promise<void> {
    if (!this.running) return;
    const firstTry = this.attempt === 0;
    if (firstTry) this.setStatus('connecting', `Connecting to Asterisk at ${this.where}…`);
    if (!this.options.host) {
      this.setStatus('error', 'No Asterisk server is set. Set asterisk.host (and asterisk.port, asterisk.user) in Settings or IT policy.');
      return;
    }
    let secret: string | undefined;
    try {
      secret = await this.options.secret();
    } catch (e) {
      this.setStatus('error', `The AMI secret could not be read: ${(e as Error).message} Fix it, then restart Spyglass.`);
      return;
    }
    if (!secret) {
      this.setStatus('error', 'No AMI secret is stored for Asterisk. Store it in the OS secret store (see the Asterisk connector README) or set SPYGLASS_AMI_SECRET, then restart Spyglass.');
      return;
    }
    let client: AmiClient;
    try {
      client = await AmiClient.connect({
        host: this.options.host,
        port: this.options.port,
        tls: this.options.tls,
        username: this.options.username,
        secret,
        timers: this.timers,
        ...(this.options.openSocket ? { openSocket: this.options.openSocket } : {}),
        ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}),
        ...(this.options.keepaliveMs !== undefined ? { keepaliveMs: this.options.keepaliveMs } : {}),
        log: (line) => this.warnRarely('ami', line),
      });
    } catch (e) {
      this.retryLater(e as AmiError);
      return;
    }
    if (!this.running) {
      client.close();
      return;
    }
    this.client = client;
    client.onEvent((event) => this.onAmiEvent(event));
    client.onClose((error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.retryLater(error, true);
    });
    try {
      await this.resync(client);
    } catch {
      // The connection dropped (or stopped answering) mid-resync: onClose retries.
      if (client.isOpen) client.close();
      return;
    }
    this.attempt = 0;
    this.publish();
    this.setStatus('online');
    this.options.log?.info(`Asterisk: connected to ${this.where} (${client.banner}) and resynchronised.`);
  }

  /**
   * The full picture, in stream order with live events: queues and members,
   * channels (with their bridges), bridges, device states. Everything the
   * model knew is rebuilt; timelines and supervision periods are kept.
   */
  private async resync(client: AmiClient): Promise<void> {
    this.resyncing = true;
    try {
      this.model.reset();
      const apply = (item: AmiFields) => this.model.apply(item, this.timers.now());
      await client.list('QueueStatus', {}, apply);
      await client.list('QueueSummary', {}, apply);
      await client.list('CoreShowChannels', {}, apply);
      await client.list('BridgeList', {}, apply);
      // Asterisk 13+; an older one (or a user without them) still works, with member states only.
      for (const optional of ['DeviceStateList', 'PresenceStateList']) {
        await client.list(optional, {}, apply).catch((e: AmiError) => {
          if (!client.isOpen) throw e;
        });
      }
    } finally {
      this.resyncing = false;
    }
  }

  private retryLater(error: AmiError, wasOnline = false): void {
    if (!this.running) return;
    this.attempt++;
    const auth = error.kind === 'auth';
    // A refused login is retried slowly: a wrong secret must not lock the account out.
    const delay = auth ? (this.options.backoff ?? defaultBackoff).maxMs : reconnectDelayMs(this.attempt, (this.options.random ?? Math.random)(), this.options.backoff);
    const seconds = Math.max(1, Math.round(delay / 1000));
    const lost = wasOnline ? `Lost the connection to Asterisk at ${this.where}: ${error.message}` : error.message;
    const next = ` Retrying in ${seconds} s. Cached interactions stay available under Transcripts.`;
    this.setStatus(auth ? 'error' : 'offline', lost + next);
    this.options.log?.warn(`Asterisk: ${lost} (retry in ${seconds} s)`);
    this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = this.timers.setTimeout(() => void this.connect(), delay);
  }

  private onAmiEvent(event: AmiFields): void {
    this.model.apply(event, this.timers.now());
    // queues.conf may have changed (queues, members, service levels): read everything again.
    if (event.Event === 'Reload' && !this.resyncing && this.client) {
      const client = this.client;
      void this.resync(client).then(
        () => this.publish(),
        () => undefined, // a failed resync means a lost connection: onClose retries.
      );
      return;
    }
    if (!this.resyncing) this.scheduleFlush();
  }

  private scheduleFlush(delay = Math.max(this.options.flushMs ?? 100, Math.min(2000, 4 * this.lastPublishMs))): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = this.timers.setTimeout(() => {
      this.flushTimer = undefined;
      if (this.running && !this.resyncing) this.publish();
    }, delay);
  }

  /** Derives the current state and emits what changed since the last publish. */
  private publish(): void {
    // A publish re-derives every call (linear); with thousands of calls the next one
    // waits at least 4x as long as this one took, so publishing stays under ~20% CPU.
    const started = performance.now();
    this.learnOwnName();
    const derived: DerivedState = this.model.derive(this.timers.now());
    const agents = diff(this.agents, derived.agents);
    const queues = diff(this.queues, derived.queues);
    const interactions = diff(this.interactions, derived.interactions);
    if (agents.changed.length) this.emit({ type: 'agents', agents: agents.changed });
    if (agents.removed.length) this.emit({ type: 'agentsRemoved', ids: agents.removed });
    if (queues.changed.length) this.emit({ type: 'queues', queues: queues.changed });
    if (interactions.changed.length) this.emit({ type: 'interactions', interactions: interactions.changed });
    if (interactions.removed.length) this.emit({ type: 'interactionsRemoved', ids: interactions.removed });
    this.lastPublishMs = performance.now() - started;
    // Ended calls are removed after their retention even when Asterisk is quiet.
    if (derived.interactions.some((i) => i.state === 'ended')) this.scheduleFlush(1000);
  }

  private setStatus(state: Extract<ConnectorEvent, { type: 'status' }>['state'], message?: string): void {
    this.status = { type: 'status', state, ...(message ? { message } : {}) };
    this.emit({ ...this.status });
  }

  private emit(event: ConnectorEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (e) {
        this.warnRarely('listener', `A connector listener failed: ${(e as Error).message}`);
      }
    }
  }

  /** One line per problem kind per minute: hostile traffic must not flood the log. */
  private warnRarely(key: string, message: string): void {
    const now = this.timers.now();
    const last = this.warned.get(key);
    if (last !== undefined && now - last < 60_000) return;
    if (this.warned.size > 1000) this.warned.clear();
    this.warned.set(key, now);
    this.options.log?.warn(`Asterisk: ${message}`);
  }

  // ---- supervisor and voice ---------------------------------------------------------

  /**
   * Our name is the caller ID the PBX gives our endpoint, once AMI shows it on
   * our own ChanSpy leg ("Supervisor Robin Diaz" rather than "Supervisor 2001"):
   * the name other supervisors already see us by, with nothing to configure. The
   * read-only AMI user cannot look the endpoint up before that (no PJSIP show
   * actions), so until our first monitor leg the extension stands in. Kept once learnt.
   */
  private learnOwnName(): void {
    const name = this.model.selfCallerName();
    if (name === undefined || name === this.supervisor.name) return;
    this.supervisor = { ...this.supervisor, name };
    this.emit({ type: 'supervisor', supervisor: { ...this.supervisor, permissions: [...this.supervisor.permissions] } });
    const own = this.model.own;
    if (own) this.model.setOwnSupervision({ ...own, supervisorName: name }, this.timers.now());
  }

  async setSupervisorStatus(status: AgentStatus): Promise<void> {
    // Asterisk has no supervisor status of its own: it is Spyglass' and gates monitoring.
    this.supervisor = { ...this.supervisor, status };
    this.emit({ type: 'supervisor', supervisor: { ...this.supervisor } });
    if (status === 'Offline' && this.model.own) this.setOwn(undefined);
  }

  /**
   * Records our own monitoring leg (the phone dials ChanSpy right after).
   * Nothing is sent to Asterisk: read-only AMI permissions suffice.
   */
  async startSupervision(target: SupervisionTarget): Promise<void> {
    const ix = this.interactions.get(target.interactionId)?.value;
    if (!ix) throw new ConnectorError('NOT_FOUND', 'This call has ended.');
    if (ix.state === 'ended') throw new ConnectorError('REFUSED', 'The call has ended');
    if (this.status.state !== 'online') throw new ConnectorError('UNAVAILABLE', 'Asterisk is not connected (see the status bar); try again once it is.');
    const participant = ix.participants.find((p) => p.id === target.participantId);
    if (!participant || participant.state === 'disconnected') throw new ConnectorError('NOT_FOUND', 'That participant has left the call.');
    if (participant.role === 'supervisor') throw new ConnectorError('REFUSED', 'A supervisor cannot be monitored');
    const own = this.model.own;
    if (own && own.interactionId !== ix.id) throw new ConnectorError('REFUSED', 'Already supervising another call; stop it first');
    this.setOwn({
      interactionId: ix.id,
      participantId: participant.id,
      mode: target.mode,
      since: this.timers.now(),
      supervisorId: this.supervisor.id,
      supervisorName: this.supervisor.name,
      targetName: participant.name,
    });
  }

  async changeSupervisionMode(interactionId: string, mode: SupervisionMode): Promise<void> {
    const own = this.model.own;
    if (!own || own.interactionId !== interactionId) throw new ConnectorError('NOT_FOUND', 'You are not supervising this call.');
    this.setOwn({ ...own, mode });
  }

  async stopSupervision(interactionId: string): Promise<void> {
    if (this.model.own?.interactionId === interactionId) this.setOwn(undefined);
  }

  private setOwn(own: Parameters<AsteriskModel['setOwnSupervision']>[0]): void {
    this.model.setOwnSupervision(own, this.timers.now());
    if (this.status.state === 'online') this.publish();
  }

  timeline(interactionId: string): TimelineEvent[] {
    return this.model.timeline(interactionId);
  }

  periods(interactionId: string): SupervisionPeriod[] {
    return this.model.periods(interactionId);
  }

  // ---- digital: Asterisk has none -----------------------------------------------------

  transcript(): { messages: Message[]; typing?: Typing } {
    return { messages: [] };
  }
  async monitorConversation(): Promise<void> {
    throw new ConnectorError('UNAVAILABLE', NO_CHATS);
  }
  async stopMonitoringConversation(): Promise<void> {
    // Nothing to stop: there are no conversations.
  }
  async participate(): Promise<void> {
    throw new ConnectorError('UNAVAILABLE', NO_CHATS);
  }
  async send(): Promise<void> {
    throw new ConnectorError('UNAVAILABLE', NO_CHATS);
  }
  async transfer(): Promise<void> {
    throw new ConnectorError('UNAVAILABLE', NO_CHATS);
  }
  async release(): Promise<void> {
    throw new ConnectorError('UNAVAILABLE', NO_CHATS);
  }
  async assign(): Promise<void> {
    throw new ConnectorError('UNAVAILABLE', NO_CHATS);
  }
  async clearAssistanceFlag(): Promise<void> {
    throw new ConnectorError('UNAVAILABLE', NO_CHATS);
  }
}

function diff<T extends { id: string }>(published: Published<T>, next: T[]): { changed: T[]; removed: string[] } {
  const changed: T[] = [];
  const present = new Set<string>();
  for (const value of next) {
    present.add(value.id);
    const json = JSON.stringify(value);
    if (published.get(value.id)?.json === json) continue;
    published.set(value.id, { json, value });
    changed.push(value);
  }
  const removed: string[] = [];
  for (const id of published.keys()) {
    if (!present.has(id)) {
      published.delete(id);
      removed.push(id);
    }
  }
  return { changed, removed };
}
