import type {
  Agent,
  AgentStatus,
  Interaction,
  Message,
  Queue,
  Supervisor,
  SupervisionMode,
  SupervisionPeriod,
  TimelineEvent,
} from '../../preload/contract';

/**
 * The one seam between Spyglass and a contact-center platform (DESIGN.md
 * "Contact-center connectors"). The demo simulator implements it in-process;
 * a gateway or Asterisk connector implements the same calls over the network.
 *
 * A connector reports facts and carries out actions. It does not decide what
 * this supervisor may do: main/supervision does, before any action reaches
 * the connector. A connector still refuses what the platform refuses (by
 * rejecting with a ConnectorError), e.g. a lock taken a moment ago by another
 * supervisor.
 */

export interface ContactCenterState {
  supervisor: Supervisor;
  agents: Agent[];
  queues: Queue[];
  /** Live interactions (ended ones are reported once with state 'ended', then removed). */
  interactions: Interaction[];
}

export interface Typing {
  interactionId: string;
  agentTyping: boolean;
  draft: string;
}

export type ConnectorEvent =
  | { type: 'supervisor'; supervisor: Supervisor }
  | { type: 'agents'; agents: Agent[] }
  | { type: 'agentsRemoved'; ids: string[] }
  | { type: 'queues'; queues: Queue[] }
  | { type: 'interactions'; interactions: Interaction[] }
  | { type: 'interactionsRemoved'; ids: string[] }
  | { type: 'messages'; interactionId: string; messages: Message[] }
  | { type: 'typing'; typing: Typing }
  | { type: 'timeline'; event: TimelineEvent }
  | { type: 'period'; period: SupervisionPeriod }
  /** Something the supervisor should be told (e.g. "Agent A was notified of the transfer"). */
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; text: string }
  | { type: 'status'; state: 'connecting' | 'online' | 'offline' | 'error'; message?: string };

export type ConnectorListener = (event: ConnectorEvent) => void;

export interface SupervisionTarget {
  interactionId: string;
  participantId: string;
  mode: SupervisionMode;
  /**
   * Set when the softphone uses the auto-answer profile (the platform calls
   * the supervisor rather than the supervisor dialling a feature code): a
   * single-use token, 43 base64url characters from a CSPRNG, valid for
   * seconds (10 s by default). The platform MUST send it back, unchanged, on
   * the INVITE it places to this supervisor's SIP address for this request:
   *
   *     X-Spyglass-Monitor: <monitorToken>
   *
   * through the SIP server the supervisor's phone is registered with. The
   * phone answers by itself only an INVITE carrying the token it is waiting
   * for, once, before it expires; any other INVITE — whatever its Via,
   * `received`, From, Contact, Answer-Mode, Call-Info or Alert-Info say — is
   * declined (603) and the supervisor is told. Place the call promptly: the
   * INVITE may arrive before or after this promise settles. Connectors for
   * dial-plan PBXes (the supervisor dials) ignore it.
   */
  monitorToken?: string;
}

export interface TransferTarget {
  kind: 'agent' | 'queue';
  id: string;
}

export class ConnectorError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'REFUSED' | 'UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

export interface Connector {
  readonly name: string;
  /** The platform reports agents' after-call work (Agent.afterCallWorkSince); without it that count is not known. */
  readonly reportsAfterCallWork?: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The full current state, used for the first snapshot and after reconnects. */
  state(): ContactCenterState;
  subscribe(listener: ConnectorListener): () => void;

  setSupervisorStatus(status: AgentStatus): Promise<void>;

  // Voice (rules 1-10). The platform adds the supervisor as an internal
  // participant marked as monitoring; audio itself flows through the phone.
  startSupervision(target: SupervisionTarget): Promise<void>;
  changeSupervisionMode(interactionId: string, mode: SupervisionMode): Promise<void>;
  stopSupervision(interactionId: string): Promise<void>;

  timeline(interactionId: string): TimelineEvent[];
  periods(interactionId: string): SupervisionPeriod[];

  // Digital (rules 11-18).
  transcript(interactionId: string): { messages: Message[]; typing?: Typing };
  monitorConversation(interactionId: string): Promise<void>;
  stopMonitoringConversation(interactionId: string): Promise<void>;
  participate(interactionId: string): Promise<void>;
  send(interactionId: string, text: string): Promise<void>;
  transfer(interactionId: string, target: TransferTarget): Promise<void>;
  release(interactionId: string): Promise<void>;
  assign(interactionId: string, target: TransferTarget): Promise<void>;
  clearAssistanceFlag(interactionId: string): Promise<void>;
}
