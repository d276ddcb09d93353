import { isDigital } from '../../../preload/contract';
import type { Agent, AgentStatus, Interaction, Message, Permission, Supervisor, SupervisionMode, SupervisionPeriod, TimelineEvent } from '../../../preload/contract';
import { permissions as allPermissions } from '../../../preload/contract';
import {
  ConnectorError,
  type Connector,
  type ContactCenterState,
  type ConnectorListener,
  type SupervisionTarget,
  type TransferTarget,
  type Typing,
} from '../Connector';
import { AgentSimulation } from './agentSimulation';
import { createRealClock, type Clock } from './clock';
import { DemoControl } from './control';
import { assignConversation, clearAssistance, releaseConversation, requireConversation, transferConversation } from './conversations';
import { DigitalSimulation } from './digitalSimulation';
import { MessageLoad } from './messageLoad';
import { agentName, defaultOtherSupervisors, defaultQueues, type QueueSpec, type SupervisorSpec } from './names';
import { Rng } from './random';
import { Routing } from './routing';
import { applyScenario, defaultScenarioNames, scenarioAgents, scenarioIds, type ScenarioName } from './scenarios';
import { changeSupervisionMode, endAllBySupervisor, startSupervision, stopSupervision, supervisorParticipant, type Actor } from './supervision';
import { SupervisorSimulation } from './supervisorSimulation';
import { VoiceSimulation } from './voiceSimulation';
import { cloneAgent, cloneInteraction, cloneSupervisor, World } from './world';

export const MAX_AGENTS = 5000;
const MAX_STEP_MS = 5000;

export interface DemoOptions {
  /** Same seed + same clock ticks => same events. Default 1. */
  seed?: number;
  /** Number of agents, 1..5000. Default 40. */
  agents?: number;
  /** Queues (id, name, SLA). Default: Billing, Technical Support, Sales, Retentions, Priority Care. */
  queues?: readonly QueueSpec[];
  /** Where time comes from. Default: a real-time clock with `timeCompression`. */
  clock?: Clock;
  /** Only used when no clock is given: 10 = ten simulated seconds per real second. */
  timeCompression?: number;
  /** Overrides for the supervisor (default Morgan Lee, sup-1, Available, all permissions, extension 1001). */
  supervisor?: Partial<Supervisor>;
  /** The simulated other supervisors (default Dana Reyes sup-2, Sam Okafor sup-3). */
  otherSupervisors?: readonly SupervisorSpec[];
  /** Background traffic (arrivals, routing, status changes, other supervisors). Default true. */
  simulate?: boolean;
  /** Start with calls and conversations already in progress. Default: same as simulate. */
  warmUp?: boolean;
  /** Benchmark knob: this many extra agent/interaction state changes per simulated second. Default 0. */
  changesPerSecond?: number;
  /** Benchmark knob: this many extra chat messages per simulated second, spread over the live background conversations (messageLoad.ts). Default 0. */
  messagesPerSecond?: number;
  /** Default 8 (about half the agents on calls). */
  callsPerAgentHour?: number;
  /** Default 3. */
  chatsPerAgentHour?: number;
  /** Share of new calls whose flow does not allow monitoring. Default 0.12. */
  unmonitorableShare?: number;
  /** Simulation step in clock milliseconds; events are batched per step. Default 100. */
  tickMs?: number;
  /** An ended interaction is listed this long (state 'ended') before removal. Default 10 s. */
  endedRetentionMs?: number;
  /** Per-conversation transcript cap. Default 500. */
  maxMessagesPerConversation?: number;
  /** Named e2e situations to put in place (see scenarios.ts). Default: all but the opt-in ones (hostile text). */
  scenarios?: readonly ScenarioName[];
  /**
   * The app (not the tests) lets the scenario chats go after this much demo time: the waiting
   * one is routed, the scripted ones play on and end. Default: pinned for good (tests rely on them).
   */
  scenarioChatsPlayAfterMs?: number;
}

/**
 * The embedded demo contact center: a deterministic, seedable simulation
 * behind the Connector interface. It is the default, no-setup data source
 * for the app, the e2e tests and the benchmarks.
 */
export class DemoContactCenter implements Connector {
  readonly name = 'demo';
  /** Background calls end in a short after-call work (voiceSimulation.ts). */
  readonly reportsAfterCallWork = true;
  /** Imperative controls for tests (the web host exposes them only in test mode). */
  readonly control: DemoControl;
  readonly clock: Clock;

  private readonly world: World;
  private readonly routing: Routing;
  private readonly voice: VoiceSimulation;
  private readonly digital: DigitalSimulation;
  private readonly agentSim: AgentSimulation;
  private readonly supervisorSim: SupervisorSimulation;
  private readonly messageLoad: MessageLoad;
  private readonly simulate: boolean;
  private readonly tickMs: number;
  private timer: unknown;
  private lastTick = 0;
  private running = false;
  /** Simulation steps that threw (should stay 0; tests check it). */
  errors = 0;

  static create(options: DemoOptions = {}): DemoContactCenter {
    return new DemoContactCenter(options);
  }

  constructor(options: DemoOptions = {}) {
    const agentCount = options.agents ?? 40;
    if (!Number.isInteger(agentCount) || agentCount < 1 || agentCount > MAX_AGENTS) {
      throw new RangeError(`agents must be an integer from 1 to ${MAX_AGENTS}, got ${agentCount}`);
    }
    const queues = options.queues ?? defaultQueues;
    if (queues.length === 0) throw new RangeError('at least one queue is needed');
    this.clock = options.clock ?? createRealClock({ factor: options.timeCompression ?? 1 });
    this.simulate = options.simulate ?? true;
    this.tickMs = options.tickMs ?? 100;
    const rng = new Rng(options.seed ?? 1);
    // Separate streams per part, so e.g. a new agent name draw does not reshuffle all traffic.
    const setupRng = rng.fork();
    const supervisor: Supervisor = {
      id: 'sup-1',
      name: 'Morgan Lee',
      status: 'Available',
      permissions: [...allPermissions],
      extension: '1001',
      ...options.supervisor,
    };
    this.world = new World(this.clock, supervisor, {
      endedRetentionMs: options.endedRetentionMs ?? 10_000,
      maxMessagesPerConversation: options.maxMessagesPerConversation ?? 500,
      maxTimelinePerInteraction: 500,
      archivedInteractions: 2000,
    });
    const world = this.world;
    for (const spec of options.otherSupervisors ?? defaultOtherSupervisors) {
      world.others.set(spec.id, { id: spec.id, name: spec.name, online: true, mayLogOff: spec.mayLogOff ?? false });
    }
    for (const q of queues) world.queues.set(q.id, { id: q.id, name: q.name, waiting: 0, slaSeconds: q.slaSeconds });
    this.createAgents(agentCount, queues, setupRng);

    this.routing = new Routing(world, rng.fork());
    this.voice = new VoiceSimulation(world, rng.fork(), this.routing, {
      callsPerAgentHour: options.callsPerAgentHour ?? 8,
      unmonitorableShare: options.unmonitorableShare ?? 0.12,
    });
    this.digital = new DigitalSimulation(world, rng.fork(), this.routing, { chatsPerAgentHour: options.chatsPerAgentHour ?? 3 });
    this.agentSim = new AgentSimulation(world, rng.fork(), this.routing, options.changesPerSecond ?? 0);
    this.supervisorSim = new SupervisorSimulation(world, rng.fork());
    this.messageLoad = new MessageLoad(world, options.messagesPerSecond ?? 0);
    world.onRemoved = (id) => this.digital.forget(id);
    world.scheduler.onError = (error) => this.reportError(error);
    this.control = new DemoControl(world, this.digital);

    // Scenarios first, so their fixed agents are taken before the warm-up fills the rest.
    // They name the default queues and the first agents; a custom layout without them skips them.
    const layoutFits = defaultQueues.every((q) => world.queues.has(q.id));
    for (const name of options.scenarios ?? defaultScenarioNames) {
      if (layoutFits && scenarioAgents[name].every((id) => world.agents.has(id))) applyScenario(this.control, name);
    }
    const letGoAfter = options.scenarioChatsPlayAfterMs;
    if (letGoAfter !== undefined && this.simulate) {
      world.scheduler.at(this.clock.now() + letGoAfter, () => {
        for (const name of options.scenarios ?? defaultScenarioNames) {
          const id = scenarioIds[name];
          const ix = world.interactions.get(id);
          if (!ix || !isDigital(ix.channel) || !world.pinned.has(id)) continue;
          world.pinned.delete(id);
          for (const agentId of scenarioAgents[name]) world.pinned.delete(agentId);
          this.digital.letGo(id);
        }
      });
    }
    if (options.warmUp ?? this.simulate) {
      this.voice.warmUp(0.5);
      this.digital.warmUp(0.35);
    }
    // Setup happened before anyone could subscribe: state() carries it, not events.
    world.flush();
  }

  private createAgents(count: number, queues: readonly QueueSpec[], rng: Rng): void {
    const now = this.clock.now();
    for (let i = 0; i < count; i++) {
      const primary = queues[i % queues.length] as QueueSpec;
      const queueIds = [primary.id];
      // About a third of the agents are skilled for a second queue.
      if (queues.length > 1 && rng.chance(0.35)) {
        const second = queues[(i + 1 + rng.int(0, queues.length - 2)) % queues.length] as QueueSpec;
        if (second.id !== primary.id) queueIds.push(second.id);
      }
      const r = rng.next();
      const status: AgentStatus = r < 0.6 ? 'On Queue' : r < 0.7 ? 'Available' : r < 0.8 ? 'Busy' : r < 0.88 ? 'Away' : 'Offline';
      const agent: Agent = {
        id: `agent-${i + 1}`,
        name: agentName(i),
        status,
        statusSince: now - rng.int(0, 1800) * 1000,
        queueIds,
        extension: String(2001 + i),
        interactionIds: [],
        // From the index, not the seeded random numbers: adding skills left every seeded run as it was.
        skills: demoSkills(i),
      };
      this.world.agents.set(agent.id, agent);
    }
  }

  // ---- lifecycle -----------------------------------------------------------

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.world.emitNow({ type: 'status', state: 'online' });
    this.world.flush();
    this.lastTick = this.clock.now();
    this.timer = this.clock.setTimeout(this.tick, this.tickMs);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.clock.clearTimeout(this.timer);
    this.world.emitNow({ type: 'status', state: 'offline' });
    this.world.flush();
  }

  /** One simulation step: due scheduled steps, new traffic, then one batch of events. */
  private readonly tick = (): void => {
    if (!this.running) return;
    const now = this.clock.now();
    // After a stall (sleep, debugger) do not replay the missed traffic in one burst.
    const dt = Math.min(MAX_STEP_MS, Math.max(0, now - this.lastTick));
    this.lastTick = now;
    try {
      this.world.scheduler.runDue(now);
      if (this.simulate) {
        this.agentSim.tick(dt);
        this.voice.tick(dt);
        this.digital.tick(dt);
        this.supervisorSim.tick(dt);
        this.messageLoad.tick(dt);
      }
    } catch (error) {
      this.reportError(error);
    } finally {
      this.world.flush();
      if (this.running) this.timer = this.clock.setTimeout(this.tick, this.tickMs);
    }
  };

  /** A simulation bug is reported as a connector notice once, and the demo keeps running. */
  private reportError(error: unknown): void {
    this.errors++;
    if (this.errors === 1) this.world.notice('warning', `Demo simulation error: ${(error as Error)?.message ?? String(error)}`);
  }

  state(): ContactCenterState {
    return {
      supervisor: cloneSupervisor(this.world.supervisor),
      agents: [...this.world.agents.values()].map(cloneAgent),
      queues: [...this.world.queues.values()].map((q) => ({ ...q })),
      interactions: [...this.world.interactions.values()].map(cloneInteraction),
    };
  }

  subscribe(listener: ConnectorListener): () => void {
    return this.world.subscribe(listener);
  }

  // ---- supervisor ------------------------------------------------------------

  async setSupervisorStatus(status: AgentStatus): Promise<void> {
    this.act(() => {
      if (this.world.supervisor.status === status) return;
      this.world.supervisor.status = status;
      this.world.markSupervisor();
      // Logging off ends every supervision leg and releases every lock, as on a real platform.
      if (status === 'Offline') endAllBySupervisor(this.world, this.world.supervisor.id, `${this.world.supervisor.name} logged off`);
    });
  }

  // ---- voice -----------------------------------------------------------------

  async startSupervision(target: SupervisionTarget): Promise<void> {
    this.act(() => {
      const ix = this.voiceCall(target.interactionId);
      this.requirePermission(modePermission(target.mode));
      this.requireAvailable();
      const me = this.me();
      for (const other of this.world.interactions.values()) {
        if (other.id !== ix.id && other.channel === 'voice' && other.state !== 'ended' && supervisorParticipant(other, me.id)) {
          throw new ConnectorError('REFUSED', `Already supervising another call (${other.id}); stop it first`);
        }
      }
      startSupervision(this.world, me, ix, target.participantId, target.mode);
    });
  }

  async changeSupervisionMode(interactionId: string, mode: SupervisionMode): Promise<void> {
    this.act(() => {
      const ix = this.voiceCall(interactionId);
      this.requirePermission(modePermission(mode));
      changeSupervisionMode(this.world, this.me(), ix, mode);
    });
  }

  /** Ends this supervisor's leg only, never the call. Stopping what is not running is a no-op. */
  async stopSupervision(interactionId: string): Promise<void> {
    this.act(() => {
      const ix = this.world.interactions.get(interactionId);
      if (ix) stopSupervision(this.world, this.me(), ix);
    });
  }

  timeline(interactionId: string): TimelineEvent[] {
    return this.world.timeline(interactionId).map((e) => ({ ...e }));
  }

  periods(interactionId: string): SupervisionPeriod[] {
    return this.world.periods(interactionId).map((p) => ({ ...p }));
  }

  // ---- digital ---------------------------------------------------------------

  transcript(interactionId: string): { messages: Message[]; typing?: Typing } {
    const messages = this.world.messages(interactionId).map((m) => ({ ...m, attachments: m.attachments.map((a) => ({ ...a })) }));
    const typing = this.world.typing(interactionId);
    return typing ? { messages, typing: { ...typing } } : { messages };
  }

  /** Read-only and silent: takes the monitor lock, never sends anything the agent or customer sees. */
  async monitorConversation(interactionId: string): Promise<void> {
    this.act(() => {
      const ix = requireConversation(this.world, interactionId);
      this.requirePermission('message:monitor');
      this.requireAvailable();
      const me = this.me();
      const mine = supervisorParticipant(ix, me.id);
      if (mine?.supervising?.mode === 'monitor') return;
      if (mine) throw new ConnectorError('REFUSED', 'You are participating in this conversation');
      startSupervision(this.world, me, ix, this.conversationTarget(ix), 'monitor');
    });
  }

  async stopMonitoringConversation(interactionId: string): Promise<void> {
    this.act(() => {
      const ix = this.world.interactions.get(interactionId);
      if (ix) stopSupervision(this.world, this.me(), ix);
    });
  }

  /** Joins as an internal participant; from now on `send` reaches agent and customer. */
  async participate(interactionId: string): Promise<void> {
    this.act(() => {
      const ix = requireConversation(this.world, interactionId);
      this.requirePermission('chat:participate');
      const me = this.me();
      const mine = supervisorParticipant(ix, me.id);
      if (mine?.supervising?.mode === 'barge') return;
      // Participating is not silent monitoring: the monitor lock is released.
      if (mine) changeSupervisionMode(this.world, me, ix, 'barge');
      else startSupervision(this.world, me, ix, this.conversationTarget(ix), 'barge');
      this.world.addTimeline(ix.id, 'chat-action', `${me.name} joined the conversation`, { supervisorId: me.id, supervisorName: me.name });
      this.world.addMessage(ix.id, { senderKind: 'system', senderName: 'System', text: `${me.name} (supervisor) joined the conversation` });
    });
  }

  async send(interactionId: string, text: string): Promise<void> {
    this.act(() => {
      const ix = requireConversation(this.world, interactionId);
      const me = this.me();
      if (supervisorParticipant(ix, me.id)?.supervising?.mode !== 'barge') {
        throw new ConnectorError('REFUSED', 'Join the conversation (Participate) before sending');
      }
      if (text.trim() === '') throw new ConnectorError('REFUSED', 'The message is empty');
      if (text.length > 20_000) throw new ConnectorError('REFUSED', 'The message is too long');
      this.world.addMessage(ix.id, { senderKind: 'supervisor', senderName: me.name, text });
    });
  }

  async transfer(interactionId: string, target: TransferTarget): Promise<void> {
    this.act(() => {
      const ix = requireConversation(this.world, interactionId);
      transferConversation(this.world, ix, target, this.me());
      this.digital.resume(ix);
    });
  }

  async release(interactionId: string): Promise<void> {
    this.act(() => {
      const ix = requireConversation(this.world, interactionId);
      releaseConversation(this.world, ix, this.me());
      this.digital.resume(ix);
    });
  }

  async assign(interactionId: string, target: TransferTarget): Promise<void> {
    this.act(() => {
      const ix = requireConversation(this.world, interactionId);
      assignConversation(this.world, ix, target, this.me());
      this.digital.resume(ix);
    });
  }

  async clearAssistanceFlag(interactionId: string): Promise<void> {
    this.act(() => {
      const ix = this.world.interactions.get(interactionId);
      if (!ix) throw new ConnectorError('NOT_FOUND', `No interaction ${interactionId}`);
      clearAssistance(this.world, ix, this.me());
    });
  }

  // ---- helpers -----------------------------------------------------------------

  /** Runs an action and pushes its events at once, also when it was refused half-way. */
  private act(fn: () => void): void {
    try {
      fn();
    } finally {
      this.world.flush();
    }
  }

  private me(): Actor {
    return { id: this.world.supervisor.id, name: this.world.supervisor.name };
  }

  private requirePermission(permission: Permission): void {
    if (!this.world.supervisor.permissions.includes(permission)) {
      throw new ConnectorError('REFUSED', `Missing permission ${permission}`);
    }
  }

  private requireAvailable(): void {
    if (this.world.supervisor.status !== 'Available') {
      throw new ConnectorError('REFUSED', `Your status must be Available to monitor (it is ${this.world.supervisor.status})`);
    }
  }

  private voiceCall(id: string): Interaction {
    const ix = this.world.interactions.get(id);
    if (!ix) throw new ConnectorError('NOT_FOUND', `No interaction ${id}`);
    if (isDigital(ix.channel)) throw new ConnectorError('REFUSED', 'Conversations are monitored with monitorConversation/participate');
    return ix;
  }

  /** Digital supervision follows the agent, or the customer while the chat is pending. */
  private conversationTarget(ix: Interaction): string {
    const target = this.world.agentParticipant(ix) ?? this.world.customerParticipant(ix);
    if (!target) throw new ConnectorError('NOT_FOUND', 'Nobody on this conversation');
    return target.id;
  }
}

const modePermission = (mode: SupervisionMode): Permission => (mode === 'monitor' ? 'call:monitor' : mode === 'coach' ? 'call:coach' : 'call:barge');

/** Languages and products as a contact center routes on them: everyone speaks English, some another language, some know billing or tech. */
function demoSkills(i: number): string[] {
  const skills = ['English'];
  const language = ['Spanish', undefined, 'French', undefined, undefined, 'German', undefined][i % 7];
  if (language) skills.push(language);
  if (i % 3 === 0) skills.push('Billing');
  if (i % 4 === 1) skills.push('Technical support');
  return skills;
}
