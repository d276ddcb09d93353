import type { AgentStatus, Channel, Interaction, SupervisionMode } from '../../../preload/contract';
import { ConnectorError, type TransferTarget } from '../Connector';
import { assignToAgent, createConversation, requestAssistance, requireConversation } from './conversations';
import { applyScenario, scenarioIds, type ScenarioName } from './scenarios';
import type { DigitalSimulation } from './digitalSimulation';
import { endInteraction } from './lifecycle';
import { scriptById } from './scripts/conversations';
import { changeSupervisionMode, startSupervision, stopSupervision } from './supervision';
import { logOff, logOn } from './supervisorSimulation';
import * as calls from './voiceCalls';
import type { OtherSupervisor, World } from './world';

export interface StartCallOptions {
  id?: string;
  /** Connect the call to this agent at once; without it the call waits in its queue. */
  agentId?: string;
  queueId?: string;
  customerName?: string;
  customerPhone?: string;
  monitorable?: boolean;
  /** How long ago the call started (for "time in state"). */
  startedMsAgo?: number;
  /** Keep the background simulation away from this call and its agent (default true). */
  pinned?: boolean;
}

export interface StartChatOptions {
  id?: string;
  /** A script from scripts/conversations.ts (default 'billing-en-long'). */
  scriptId?: string;
  channel?: Channel;
  /** Assign to this agent at once; without it the chat stays pending. */
  agentId?: string;
  queueId?: string;
  monitorable?: boolean;
  /** Play the rest of the script by itself (default false: tests drive it). */
  play?: boolean;
  pinned?: boolean;
}

/**
 * Imperative controls for tests and e2e (the web host exposes them only in
 * test mode). Each call takes effect and emits its events immediately, and
 * throws ConnectorError when the step is not possible.
 */
export class DemoControl {
  constructor(
    private readonly world: World,
    private readonly digital: DigitalSimulation,
  ) {}

  // ---- voice ---------------------------------------------------------------

  startCall(options: StartCallOptions = {}): string {
    return this.#apply(() => {
      const agent = options.agentId ? this.#agent(options.agentId) : undefined;
      const queueId = options.queueId ? this.#queue(options.queueId) : (agent?.queueIds[0] ?? this.#firstQueue());
      const ix = calls.createCall(this.world, {
        ...(options.id ? { id: options.id } : {}),
        queueId,
        customerName: options.customerName ?? 'Jennifer Morales',
        ...(options.customerPhone ? { customerPhone: options.customerPhone } : {}),
        monitorable: options.monitorable ?? true,
        startedAt: this.world.now() - (options.startedMsAgo ?? 0),
      });
      if (options.pinned ?? true) this.world.pinned.add(ix.id);
      if (agent) {
        if (options.pinned ?? true) this.world.pinned.add(agent.id);
        this.world.setAgentStatus(agent, 'On Queue');
        calls.offerCall(this.world, ix, agent);
        calls.answerCall(this.world, ix);
      }
      return ix.id;
    });
  }

  answerCall(id: string): void {
    this.#apply(() => calls.answerCall(this.world, this.#call(id)));
  }

  holdCall(id: string): void {
    this.#apply(() => calls.holdCall(this.world, calls.requireCall(this.world, id)));
  }

  resumeCall(id: string): void {
    this.#apply(() => calls.resumeCall(this.world, calls.requireCall(this.world, id)));
  }

  /** Starts a consult with a specialist agent; returns the specialist's participant id. */
  consult(id: string, specialistAgentId: string): string {
    return this.#apply(() => calls.startConsult(this.world, this.#call(id), this.#agent(specialistAgentId)).id);
  }

  completeConsult(id: string): void {
    this.#apply(() => calls.completeConsultTransfer(this.world, this.#call(id)));
  }

  cancelConsult(id: string): void {
    this.#apply(() => calls.cancelConsult(this.world, this.#call(id)));
  }

  conference(id: string, agentId?: string): void {
    this.#apply(() => calls.startConference(this.world, this.#call(id), agentId ? this.#agent(agentId) : undefined));
  }

  endConference(id: string): void {
    this.#apply(() => calls.endConference(this.world, this.#call(id)));
  }

  /** Blind transfer by the agent: to an agent (rings; answer with answerCall) or to a queue. */
  blindTransfer(id: string, target: TransferTarget): void {
    this.#apply(() =>
      calls.blindTransfer(
        this.world,
        this.#call(id),
        target.kind === 'agent' ? { kind: 'agent', agent: this.#agent(target.id) } : { kind: 'queue', queueId: this.#queue(target.id) },
      ),
    );
  }

  addExternalParty(id: string, name: string): string {
    return this.#apply(() => calls.addExternalParty(this.world, this.#call(id), name).id);
  }

  removeExternalParty(id: string, participantId: string): void {
    this.#apply(() => calls.removeExternalParty(this.world, this.#call(id), participantId));
  }

  /** The call or conversation ends (customer hangs up / conversation closed). */
  endInteraction(id: string): void {
    this.#apply(() => {
      const ix = this.world.interactions.get(id);
      if (!ix) throw new ConnectorError('NOT_FOUND', `No interaction ${id}`);
      // The timeline (and a supervisor's ended monitoring toolbar) says who hung up.
      endInteraction(this.world, ix, ix.channel === 'voice' ? 'Call ended by the customer' : undefined);
    });
  }

  // ---- digital -------------------------------------------------------------

  startChat(options: StartChatOptions = {}): string {
    return this.#apply(() => {
      const script = scriptById(options.scriptId ?? 'billing-en-long');
      const ix = createConversation(this.world, {
        script,
        ...(options.id ? { id: options.id } : {}),
        ...(options.channel ? { channel: options.channel } : {}),
        ...(options.queueId ? { queueId: this.#queue(options.queueId) } : {}),
        ...(options.monitorable !== undefined ? { monitorable: options.monitorable } : {}),
      });
      if (options.pinned ?? true) this.world.pinned.add(ix.id);
      if (options.agentId) {
        const agent = this.#agent(options.agentId);
        if (options.pinned ?? true) this.world.pinned.add(agent.id);
        this.world.setAgentStatus(agent, 'On Queue');
        assignToAgent(this.world, ix, agent);
      }
      this.digital.register(ix, script, { play: options.play ?? false, autoEnd: false });
      return ix.id;
    });
  }

  customerSays(id: string, text: string, attachments: { name: string; url: string }[] = []): string {
    return this.#apply(() => {
      const ix = requireConversation(this.world, id);
      return this.world.addMessage(ix.id, { senderKind: 'customer', senderName: ix.customer?.name ?? 'Customer', text, attachments }).id;
    });
  }

  agentSays(id: string, text: string): string {
    return this.#apply(() => {
      const ix = requireConversation(this.world, id);
      const agent = this.world.agentParticipant(ix);
      if (!agent) throw new ConnectorError('REFUSED', 'No agent on this conversation');
      this.world.setTyping(ix.id, false, '');
      return this.world.addMessage(ix.id, { senderKind: 'agent', senderName: agent.name, text }).id;
    });
  }

  /** The agent's typing indicator with their unsent draft (agentTyping false keeps a paused draft). */
  agentTypes(id: string, draft: string, agentTyping = true): void {
    this.#apply(() => this.world.setTyping(requireConversation(this.world, id).id, agentTyping, draft));
  }

  requestAssistance(id: string): void {
    this.#apply(() => requestAssistance(this.world, requireConversation(this.world, id)));
  }

  // ---- agents and other supervisors ----------------------------------------

  setAgentStatus(agentId: string, status: AgentStatus): void {
    this.#apply(() => this.world.setAgentStatus(this.#agent(agentId), status));
  }

  /** The supervisor also takes calls: this agent login becomes theirs (their name and extension). */
  supervisorTakesCalls(agentId: string): void {
    this.#apply(() => {
      const agent = this.#agent(agentId);
      agent.name = this.world.supervisor.name;
      if (this.world.supervisor.extension) agent.extension = this.world.supervisor.extension;
      this.world.markAgent(agent.id);
    });
  }

  /** Another (simulated) supervisor starts supervising; their lock rules are the platform's. */
  supervisorStart(supervisorId: string, interactionId: string, mode: SupervisionMode = 'monitor', participantId?: string): void {
    this.#apply(() => {
      const sup = this.#other(supervisorId);
      if (!sup.online) throw new ConnectorError('REFUSED', `${sup.name} is offline`);
      const ix = this.#interaction(interactionId);
      const target = participantId ?? this.world.agentParticipant(ix)?.id ?? this.world.customerParticipant(ix)?.id;
      if (!target) throw new ConnectorError('NOT_FOUND', 'Nobody to supervise on this interaction');
      startSupervision(this.world, sup, ix, target, mode);
    });
  }

  supervisorMode(supervisorId: string, interactionId: string, mode: SupervisionMode): void {
    this.#apply(() => changeSupervisionMode(this.world, this.#other(supervisorId), this.#interaction(interactionId), mode));
  }

  supervisorStop(supervisorId: string, interactionId: string): void {
    this.#apply(() => stopSupervision(this.world, this.#other(supervisorId), this.#interaction(interactionId)));
  }

  /** The other supervisor disconnects/logs off: every lock they held is released. */
  disconnectSupervisor(supervisorId: string): void {
    this.#apply(() => logOff(this.world, this.#other(supervisorId)));
  }

  reconnectSupervisor(supervisorId: string): void {
    this.#apply(() => logOn(this.world, this.#other(supervisorId)));
  }

  /** Messages the demo has written since it started (each goes to the core in the tick's batch): benchmarks read the achieved rate. */
  messagesWritten(): number {
    return this.world.issued('msg');
  }

  /** The fixed ids of the scenario interactions (JSON-friendly, for the e2e socket). */
  scenarioIds(): Record<ScenarioName, string> {
    return { ...scenarioIds };
  }

  /** Puts a named situation in place (see scenarios.ts); returns its interaction id. */
  scenario(name: ScenarioName): string {
    return applyScenario(this, name);
  }

  /** Keeps the background simulation away from an interaction or agent (or lets it back). */
  pin(id: string, pinned = true): void {
    if (pinned) this.world.pinned.add(id);
    else this.world.pinned.delete(id);
  }

  // ---- helpers -------------------------------------------------------------

  #apply<T>(fn: () => T): T {
    try {
      return fn();
    } finally {
      this.world.flush();
    }
  }

  #interaction(id: string): Interaction {
    const ix = this.world.interactions.get(id);
    if (!ix) throw new ConnectorError('NOT_FOUND', `No interaction ${id}`);
    return ix;
  }

  #call(id: string): Interaction {
    return calls.requireCall(this.world, id);
  }

  #agent(id: string) {
    const agent = this.world.agents.get(id);
    if (!agent) throw new ConnectorError('NOT_FOUND', `No agent ${id}`);
    return agent;
  }

  #queue(id: string): string {
    if (!this.world.queues.has(id)) throw new ConnectorError('NOT_FOUND', `No queue ${id}`);
    return id;
  }

  #firstQueue(): string {
    const q = this.world.queues.keys().next().value;
    if (q === undefined) throw new ConnectorError('UNAVAILABLE', 'There are no queues');
    return q;
  }

  #other(id: string): OtherSupervisor {
    const sup = this.world.others.get(id);
    if (!sup) throw new ConnectorError('NOT_FOUND', `No simulated supervisor ${id}`);
    return sup;
  }
}
