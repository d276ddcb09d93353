import type { Agent, AgentStatus } from '../../../preload/contract';
import type { AmiFields } from './amiFrameParser';
import { extensionOf } from './amiFields';

/**
 * Agents are queue members (QueueStatus' QueueMember, QueueMemberAdded /
 * Removed / Status / Pause), with the state of their device
 * (DeviceStateChange) and presence (PresenceStateChange). One agent per
 * device, in as many queues as it is a member of. Pure: time is an argument.
 */

interface Membership {
  paused: boolean;
  /** Device state as the member event gave it (name, e.g. "NOT_INUSE"). */
  device: string;
}

export interface AgentRecord {
  id: string;
  /** The interface queues dial (PJSIP/1001, Local/1001@agents/n). */
  interface: string;
  /** The device whose state counts (PJSIP/1001); the interface when none is given. */
  stateInterface: string;
  extension: string;
  name: string;
  queues: Map<string, Membership>;
  /** Latest DeviceStateChange for stateInterface; newer than any member event. */
  device?: string;
  presence?: string;
  status: AgentStatus;
  statusSince: number;
}

/** app_queue's numeric member Status -> device state name. */
const memberStatusNames = ['UNKNOWN', 'NOT_INUSE', 'INUSE', 'BUSY', 'INVALID', 'UNAVAILABLE', 'RINGING', 'RINGINUSE', 'ONHOLD'];

export const agentIdFor = (stateInterface: string): string => `agent:${stateInterface}`;

export class AgentsModel {
  readonly byId = new Map<string, AgentRecord>();
  /** Device (upper-cased, e.g. "PJSIP/1001") -> agent id. */
  private readonly byDevice = new Map<string, string>();
  /**
   * Extension -> agent id, for members whose state interface is not a device
   * (FreePBX: Interface "Local/1001@from-queue/n", StateInterface
   * "hint:1001@ext-local"): their calls ring "PJSIP/1001-…" channels.
   */
  private readonly byExtension = new Map<string, string>();

  constructor(
    private readonly maxAgents: number,
    private readonly warn: (message: string) => void,
  ) {}

  /** Before a resync: the states known so far, so an unchanged state keeps its "since". */
  private beforeResync = new Map<string, { status: AgentStatus; since: number }>();

  clear(): void {
    this.beforeResync = new Map([...this.byId].map(([id, a]) => [id, { status: a.status, since: a.statusSince }]));
    this.byId.clear();
    this.byDevice.clear();
    this.byExtension.clear();
  }

  /** The agent whose device is `endpoint` (e.g. "PJSIP/1001"), if any. */
  agentForEndpoint(endpoint: string): AgentRecord | undefined {
    const upper = endpoint.toUpperCase();
    const id = this.byDevice.get(upper) ?? (PHONE_TECH.test(upper) ? this.byExtension.get(extensionOf(endpoint)) : undefined);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** QueueMember (list item) and QueueMemberAdded/Status/Pause: the member's current facts. */
  upsertMember(event: AmiFields, now: number): AgentRecord | undefined {
    const queue = event.Queue;
    const iface = event.Interface ?? event.Location;
    if (!queue || !iface || queue.length > 200 || iface.length > 200) return undefined;
    const stateInterface = event.StateInterface && event.StateInterface.length <= 200 ? event.StateInterface : iface;
    const id = agentIdFor(stateInterface);
    let agent = this.byId.get(id);
    const created = !agent;
    if (!agent) {
      if (this.byId.size >= this.maxAgents) {
        this.warn(`More than ${this.maxAgents} queue members: the rest are not shown.`);
        return undefined;
      }
      agent = {
        id,
        interface: iface,
        stateInterface,
        extension: extensionOf(stateInterface),
        name: '',
        queues: new Map(),
        status: 'Offline',
        statusSince: now,
      };
      this.byId.set(id, agent);
      this.byDevice.set(stateInterface.toUpperCase(), id);
      if (!isDevice(stateInterface) && agent.extension) this.byExtension.set(agent.extension, id);
    }
    const name = event.MemberName ?? event.Name;
    agent.name = name && name.length <= 200 ? name : agent.name || agent.extension;
    const previous = agent.queues.get(queue);
    const statusCode = event.Status !== undefined && /^\d$/.test(event.Status) ? Number(event.Status) : undefined;
    agent.queues.set(queue, {
      paused: event.Paused !== undefined ? event.Paused === '1' : (previous?.paused ?? false),
      device: statusCode !== undefined ? (memberStatusNames[statusCode] ?? 'UNKNOWN') : (previous?.device ?? 'UNKNOWN'),
    });
    // A member event is newer than an older DeviceStateChange only when it carries a status.
    if (statusCode !== undefined) delete agent.device;
    this.restatus(agent, now);
    if (created) agent.statusSince = this.sinceAtFirstSight(agent, event, now);
    return agent;
  }

  /**
   * When a state began, for an agent first seen now (a resync): the same state
   * as before the reconnect keeps its time; a pause says when it began
   * (LastPause, epoch seconds); otherwise we only know it holds now.
   */
  private sinceAtFirstSight(agent: AgentRecord, event: AmiFields, now: number): number {
    const before = this.beforeResync.get(agent.id);
    if (before?.status === agent.status) return before.since;
    const lastPause = event.LastPause !== undefined && /^\d{1,12}$/.test(event.LastPause) ? Number(event.LastPause) * 1000 : 0;
    if (agent.status === 'Away' && lastPause > 0 && lastPause <= now) return lastPause;
    return now;
  }

  removeMember(event: AmiFields, now: number): AgentRecord | undefined {
    const iface = event.StateInterface ?? event.Interface ?? event.Location;
    if (!iface || !event.Queue) return undefined;
    const agent = this.byId.get(agentIdFor(iface)) ?? this.agentForEndpoint(iface);
    if (!agent) return undefined;
    agent.queues.delete(event.Queue);
    if (agent.queues.size === 0) {
      this.byId.delete(agent.id);
      this.byDevice.delete(agent.stateInterface.toUpperCase());
      if (this.byExtension.get(agent.extension) === agent.id) this.byExtension.delete(agent.extension);
      return agent;
    }
    this.restatus(agent, now);
    return undefined;
  }

  /** DeviceStateChange: Device, State (NOT_INUSE, INUSE, UNAVAILABLE, …). Unknown devices are ignored (bounded). */
  deviceState(event: AmiFields, now: number): void {
    const agent = event.Device ? this.agentForEndpoint(event.Device) : undefined;
    if (!agent || !event.State || event.State.length > 40) return;
    agent.device = event.State.toUpperCase();
    this.restatus(agent, now);
  }

  /**
   * PresenceStateChange: Presentity ("CustomPresence:1001"; the documentation
   * says "Presence", a real Asterisk sends "Presentity"), Status (available,
   * away, dnd, xa, unavailable, …).
   */
  presenceState(event: AmiFields, now: number): void {
    const presentity = event.Presentity ?? event.Presence;
    if (!presentity || presentity.length > 200 || !event.Status || event.Status.length > 40) return;
    const ext = extensionOf(presentity);
    for (const agent of this.byId.values()) {
      if (agent.extension === ext) {
        agent.presence = event.Status.toLowerCase();
        this.restatus(agent, now);
      }
    }
  }

  toAgent(agent: AgentRecord, interactionIds: string[]): Agent {
    return {
      id: agent.id,
      name: agent.name,
      status: agent.status,
      statusSince: agent.statusSince,
      queueIds: [...agent.queues.keys()].map(queueIdFor),
      extension: agent.extension,
      interactionIds,
    };
  }

  private restatus(agent: AgentRecord, now: number): void {
    const next = agentStatus(agent);
    if (next !== agent.status) {
      agent.status = next;
      agent.statusSince = now;
    }
  }
}

/** Channel technologies of phones (a "PJSIP/1001-…" channel is extension 1001's phone). */
const PHONE_TECH = /^(PJSIP|SIP|IAX2|DAHDI)\//;

/** "PJSIP/1001" is a device; "hint:1001@ext-local" and "Local/1001@from-queue/n" are not. */
const isDevice = (stateInterface: string): boolean => PHONE_TECH.test(stateInterface.toUpperCase());

export const queueIdFor = (queueName: string): string => `queue:${queueName}`;

/**
 * What a supervisor calls the agent's state: an unreachable device is
 * Offline; paused in every queue is Away; do-not-disturb presence is Busy,
 * away/xa presence is Away; otherwise the agent takes queue calls (On Queue),
 * also while on one (the call itself shows under Interacting).
 */
export function agentStatus(agent: Pick<AgentRecord, 'queues' | 'device' | 'presence'>): AgentStatus {
  const memberships = [...agent.queues.values()];
  const device = agent.device ?? memberships.find((m) => m.device !== 'UNKNOWN')?.device ?? 'UNKNOWN';
  if (device === 'UNAVAILABLE' || device === 'INVALID') return 'Offline';
  if (agent.presence === 'unavailable') return 'Offline';
  if (memberships.length > 0 && memberships.every((m) => m.paused)) return 'Away';
  if (agent.presence === 'dnd') return 'Busy';
  if (agent.presence === 'away' || agent.presence === 'xa') return 'Away';
  return 'On Queue';
}
