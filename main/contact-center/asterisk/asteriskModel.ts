import type { Agent, Interaction, InteractionState, MonitorLock, Participant, Queue, SupervisionMode, SupervisionPeriod, TimelineEvent } from '../../../preload/contract';
import { truncateForLog, type AmiFields } from './amiFrameParser';
import { channelBlock, compareUniqueids, extensionOf, intField, meaningfulName, uniqueidEpochMs } from './amiFields';
import { AgentsModel, queueIdFor, type AgentRecord } from './agentsModel';
import { ChannelsModel, type ChannelChange, type ChannelRecord } from './channelsModel';
import { InteractionLog } from './interactionLog';
import { QueuesModel } from './queuesModel';

/**
 * The contact center as Asterisk's manager events describe it, folded into
 * Spyglass' shapes: agents (queue members), queues, and voice interactions
 * (channels grouped into calls by bridge and linkedid), with other
 * supervisors' ChanSpy sessions as monitor locks. No I/O and no clock: every
 * event comes with the time it was received, and `derive(now)` turns the
 * state into what the connector publishes. Unknown events change nothing;
 * malformed ones are reported through `warn` (truncated) and skipped.
 */

export interface AsteriskModelOptions {
  /** Our own supervisor endpoint's extension (phone.user's user part): our ChanSpy is not someone else's lock. */
  selfExtension?: string;
  /** Feature codes that start ChanSpy (phone.featureCode): a channel dialling one is a supervisor leg, never a call. */
  spyFeatureCodes?: string[];
  maxChannels?: number;
  maxAgents?: number;
  maxQueues?: number;
  maxWaitingPerQueue?: number;
  /** An ended call is listed this long (state 'ended') before it is removed. Default 10 s. */
  endedRetentionMs?: number;
  /** At most this many ended calls are listed at once (the oldest go first). Default 500. */
  maxEndedCalls?: number;
  /** `key` groups repeats of one problem (the caller logs each key rarely). */
  warn?: (key: string, message: string) => void;
}

/** This supervisor's own monitoring leg, as the connector was told by the core. */
export interface OwnSupervision {
  interactionId: string;
  participantId: string;
  mode: SupervisionMode;
  since: number;
  supervisorId: string;
  supervisorName: string;
  /** Who is supervised, for the timeline ("… started monitoring Alex Kim"). */
  targetName?: string;
}

interface CallMeta {
  id: string;
  startedAt: number;
  queueName?: string;
  visible: boolean;
  /** Channels (uniqueids) in this call when last derived. */
  channels: Set<string>;
  lastView?: Interaction;
  lastHangupAt?: number;
  endedAt?: number;
  transfer?: { fromAgentIds: string[]; since: number };
  connectedNoted: boolean;
  startedNoted: boolean;
  supervisorsInvolved: Map<string, string>;
}

export interface DerivedState {
  agents: Agent[];
  queues: Queue[];
  interactions: Interaction[];
}

/** Events that must carry a valid channel block; one that does not is malformed (logged, skipped). */
const CHANNEL_EVENTS = new Set(['Newchannel', 'Newstate', 'Hangup', 'BridgeEnter', 'BridgeLeave', 'Hold', 'Unhold', 'QueueCallerJoin', 'QueueCallerLeave', 'QueueCallerAbandon', 'CoreShowChannel', 'AgentCalled', 'AgentConnect', 'AgentComplete']);

const QUEUE_EVENTS = new Set(['QueueMember', 'QueueMemberAdded', 'QueueMemberStatus', 'QueueMemberPause', 'QueueMemberPaused', 'QueueMemberPenalty', 'QueueMemberRinginuse']);

interface Spies {
  /** Other supervisors' spy legs by the uniqueid of the channel they spy on. */
  others: Map<string, ChannelRecord[]>;
  /** Uniqueids of the channels our own ChanSpy is on. */
  ours: Set<string>;
}

export const interactionIdFor = (key: string): string => `call:${key}`;
/** The call's linkedid carries its creation time: a stable epoch for the cache's identity. */
const epochOf = (interactionId: string): { epoch?: number } => {
  const epoch = uniqueidEpochMs(interactionId.slice('call:'.length));
  return epoch !== undefined ? { epoch } : {};
};

export class AsteriskModel {
  readonly agents: AgentsModel;
  readonly queues: QueuesModel;
  readonly channels: ChannelsModel;
  readonly log = new InteractionLog();
  private readonly metas = new Map<string, CallMeta>();
  private readonly endedRetentionMs: number;
  private readonly maxEnded: number;
  private readonly warn: (key: string, message: string) => void;
  own: OwnSupervision | undefined;

  constructor(private readonly options: AsteriskModelOptions = {}) {
    this.warn = options.warn ?? (() => {});
    const capacity = (key: string) => (message: string) => this.warn(key, message);
    this.agents = new AgentsModel(options.maxAgents ?? 5000, capacity('agents-full'));
    this.queues = new QueuesModel(options.maxQueues ?? 500, options.maxWaitingPerQueue ?? 5000, capacity('queues-full'));
    this.channels = new ChannelsModel(options.maxChannels ?? 10_000, capacity('channels-full'));
    this.endedRetentionMs = options.endedRetentionMs ?? 10_000;
    this.maxEnded = options.maxEndedCalls ?? 500;
  }

  /** Before a full resync: live facts are rebuilt; call timelines and periods are kept. */
  reset(): void {
    this.agents.clear();
    this.queues.clear();
    this.channels.clear();
  }

  apply(event: AmiFields, now: number): void {
    const name = event.Event;
    if (name === undefined) return;
    try {
      this.applyEvent(name, event, now);
    } catch (e) {
      this.warn(`event:${name}`, `Skipped a malformed ${truncateForLog(name, 40)} event: ${truncateForLog((e as Error).message)}`);
    }
  }

  private applyEvent(name: string, event: AmiFields, now: number): void {
    if (CHANNEL_EVENTS.has(name) && channelBlock(event) === undefined) {
      this.warn(`event:${name}`, `Skipped a malformed ${name} event (Channel ${truncateForLog(event.Channel ?? '(none)', 60)}, Uniqueid ${truncateForLog(event.Uniqueid ?? '(none)', 60)})`);
      return;
    }
    if (QUEUE_EVENTS.has(name)) {
      if (this.agents.upsertMember(event, now)) this.queues.touch(event.Queue);
      return;
    }
    switch (name) {
      case 'QueueMemberRemoved':
        this.agents.removeMember(event, now);
        return;
      case 'QueueParams':
        this.queues.params(event);
        return;
      case 'QueueSummary':
        this.queues.summary(event);
        return;
      case 'QueueEntry':
      case 'QueueCallerJoin': {
        this.queues.join(event, now);
        const block = channelBlock(event);
        const ch = block && (name === 'QueueCallerJoin' ? this.channels.upsert(block, now) : this.channels.byId.get(block.Uniqueid));
        if (ch && event.Queue) {
          const meta = this.meta(this.keyOf(ch), ch.createdAt);
          meta.queueName = event.Queue;
          if (name === 'QueueCallerJoin' && !meta.startedNoted) this.log.add(meta.id, now, 'started', `Call from ${callerLabel(ch)} entered ${event.Queue}`);
          meta.startedNoted = true;
        }
        return;
      }
      case 'QueueCallerLeave':
        this.queues.leave(event);
        return;
      case 'QueueCallerAbandon': {
        this.queues.abandon(event);
        const ch = event.Uniqueid ? this.channels.byId.get(event.Uniqueid) : undefined;
        const held = intField(event, 'HoldTime');
        if (ch) this.log.add(this.meta(this.keyOf(ch), ch.createdAt).id, now, 'ended', `${callerLabel(ch)} hung up after waiting${held !== undefined ? ` ${held} s` : ''} in ${event.Queue ?? 'the queue'} (abandoned)`);
        return;
      }
      case 'AgentCalled':
      case 'AgentConnect':
      case 'AgentComplete':
      case 'AgentRingNoAnswer':
        this.agentEvent(name, event, now);
        return;
      case 'DeviceStateChange':
        this.agents.deviceState(event, now);
        return;
      case 'PresenceStateChange':
        this.agents.presenceState(event, now);
        return;
      case 'BlindTransfer':
        this.blindTransfer(event, now);
        return;
      case 'AttendedTransfer':
        this.attendedTransfer(event, now);
        return;
      default:
        break;
    }
    // Hangup changes grouping: remember which call the channel was in first.
    const before = name === 'Hangup' && event.Uniqueid ? this.channels.byId.get(event.Uniqueid) : undefined;
    const beforeKey = before ? this.keyOf(before) : undefined;
    const change = this.channels.apply(event, now);
    if (change) this.onChannelChange(change, now, beforeKey);
    if (name === 'CoreShowChannel') this.queueFromApplication(event, now);
  }

  /** After a resync, a caller still in (or answered from) a queue runs the Queue application: "support,tT,,,600". */
  private queueFromApplication(event: AmiFields, now: number): void {
    const ch = event.Uniqueid ? this.channels.byId.get(event.Uniqueid) : undefined;
    if (!ch || ch.application !== 'Queue' || !ch.applicationData) return;
    const queue = ch.applicationData.split(',')[0]?.trim();
    if (queue) this.meta(this.keyOf(ch), ch.createdAt).queueName = queue;
    void now;
  }

  private agentEvent(name: string, event: AmiFields, now: number): void {
    const caller = channelBlock(event);
    const dest = channelBlock(event, 'Dest');
    const callerCh = caller && this.channels.upsert(caller, now);
    if (dest) this.channels.upsert(dest, now);
    if (!callerCh) return;
    const meta = this.meta(this.keyOf(callerCh), callerCh.createdAt);
    if (event.Queue && event.Queue.length <= 200) meta.queueName = event.Queue;
    if (name === 'AgentComplete') this.queues.complete(event);
    if (name === 'AgentConnect') {
      const agent = this.agentByInterface(event.Interface) ?? (dest ? this.agents.agentForEndpoint(this.channels.byId.get(dest.Uniqueid)?.endpoint ?? '') : undefined);
      const hold = intField(event, 'HoldTime');
      const who = agent?.name ?? truncateForLog(event.MemberName ?? 'An agent', 60);
      this.log.add(meta.id, now, 'connected', `${who} answered${hold !== undefined ? ` after ${hold} s` : ''}${event.Queue ? ` in ${event.Queue}` : ''}`);
      meta.connectedNoted = true;
    }
  }

  private agentByExtension(extension: string): AgentRecord | undefined {
    if (extension === '') return undefined;
    for (const a of this.agents.byId.values()) if (a.extension === extension) return a;
    return undefined;
  }

  private agentByInterface(iface: string | undefined): AgentRecord | undefined {
    if (!iface) return undefined;
    for (const a of this.agents.byId.values()) if (a.interface === iface || a.stateInterface === iface) return a;
    return undefined;
  }

  private blindTransfer(event: AmiFields, now: number): void {
    const transferer = channelBlock(event, 'Transferer');
    const transferee = channelBlock(event, 'Transferee');
    const anchor = (transferee && this.channels.upsert(transferee, now)) ?? (transferer && this.channels.upsert(transferer, now));
    if (!anchor) return;
    const from = transferer ? this.channels.byId.get(transferer.Uniqueid) : undefined;
    const fromAgent = from ? this.agents.agentForEndpoint(from.endpoint) : undefined;
    const meta = this.meta(this.keyOf(anchor), anchor.createdAt);
    const ext = (event.Extension ?? '').slice(0, 80);
    const target = this.agentByExtension(ext);
    if (event.Result !== undefined && event.Result !== 'Success') {
      this.log.add(meta.id, now, 'transferred', `${fromAgent?.name ?? 'The agent'}'s transfer to ${target?.name ?? ext} failed (${truncateForLog(event.Result, 40)})`);
      return;
    }
    meta.transfer = { fromAgentIds: fromAgent ? [fromAgent.id] : [], since: now };
    this.log.add(meta.id, now, 'transferred', `${fromAgent?.name ?? 'The agent'} transferred the call to ${target?.name ?? (ext || 'another number')} (blind)`);
  }

  private attendedTransfer(event: AmiFields, now: number): void {
    const orig = channelBlock(event, 'OrigTransferer');
    const second = channelBlock(event, 'SecondTransferer');
    const origCh = orig && this.channels.upsert(orig, now);
    if (second) this.channels.upsert(second, now);
    const transferee = channelBlock(event, 'Transferee');
    const anchor = (transferee && this.channels.upsert(transferee, now)) ?? origCh;
    if (!anchor) return;
    const meta = this.meta(this.keyOf(anchor), anchor.createdAt);
    const fromAgent = origCh ? this.agents.agentForEndpoint(origCh.endpoint) : undefined;
    const targetBlock = channelBlock(event, 'TransferTarget');
    const targetCh = targetBlock && this.channels.upsert(targetBlock, now);
    // The target may be a Local channel ("Local/1004@agents"): its extension names the agent.
    const targetAgent = targetCh ? (this.agents.agentForEndpoint(targetCh.endpoint) ?? this.agentByExtension(extensionOf(targetCh.endpoint))) : undefined;
    const target = targetAgent?.name ?? (targetCh ? callerLabel(targetCh) : (second?.ConnectedLineName ?? second?.ConnectedLineNum ?? 'another party'));
    if (event.Result !== undefined && event.Result !== 'Success') {
      this.log.add(meta.id, now, 'transferred', `${fromAgent?.name ?? 'The agent'}'s transfer to ${truncateForLog(target, 60)} failed (${truncateForLog(event.Result, 40)})`);
      return;
    }
    meta.transfer = { fromAgentIds: fromAgent ? [fromAgent.id] : [], since: now };
    this.log.add(meta.id, now, 'transferred', `${fromAgent?.name ?? 'The agent'} transferred the call to ${truncateForLog(target, 60)} (attended)`);
  }

  private onChannelChange(change: ChannelChange, now: number, beforeKey: string | undefined): void {
    switch (change.kind) {
      case 'created':
        return;
      case 'hungup': {
        this.queues.forgetCaller(change.channel.uniqueid);
        const meta = this.metas.get(beforeKey ?? this.keyOf(change.channel));
        if (meta) meta.lastHangupAt = now;
        return;
      }
      case 'held':
      case 'unheld': {
        if (this.isHidden(change.channel)) return;
        const meta = this.meta(this.keyOf(change.channel), change.channel.createdAt);
        const who = this.partyName(change.channel);
        this.log.add(meta.id, now, change.kind === 'held' ? 'held' : 'resumed', change.kind === 'held' ? `${who} put the call on hold` : `${who} resumed the call`);
        return;
      }
      case 'spy-start':
      case 'spy-stop': {
        if (this.isSelf(change.spyer) || change.spyeeUniqueid === undefined) return;
        const spyee = this.channels.byId.get(change.spyeeUniqueid);
        if (!spyee) return;
        const meta = this.meta(this.keyOf(spyee), spyee.createdAt);
        const sup = { supervisorId: spyerId(change.spyer), supervisorName: spyerName(change.spyer), mode: 'monitor' as const };
        const target = this.partyName(spyee);
        if (change.kind === 'spy-start') {
          meta.supervisorsInvolved.set(sup.supervisorId, sup.supervisorName);
          this.log.openPeriod({ interactionId: meta.id, ...sup, participantId: participantIdFor(meta.id, spyee.uniqueid), startedAt: now });
          // AMI says another seat's ChanSpy began, not whether it whispers or barges: claim no mode.
          this.log.add(meta.id, now, 'supervision-start', `${sup.supervisorName} started listening in on ${target} (mode not reported by Asterisk)`, sup);
        } else {
          this.log.closePeriod(meta.id, sup.supervisorId, now);
          this.log.add(meta.id, now, 'supervision-end', `${sup.supervisorName} stopped listening in on ${target}`, sup);
        }
        return;
      }
    }
  }

  // ---- own supervision (told by the connector) ---------------------------------

  setOwnSupervision(own: OwnSupervision | undefined, now: number): void {
    const before = this.own;
    if (before && (!own || own.interactionId !== before.interactionId)) {
      this.log.closePeriod(before.interactionId, before.supervisorId, now);
      this.log.add(before.interactionId, now, 'supervision-end', `${before.supervisorName} stopped ${verb(before.mode)}${before.targetName ? ` ${before.targetName}` : ''}`, { supervisorId: before.supervisorId, supervisorName: before.supervisorName, mode: before.mode });
    }
    if (own && (!before || before.interactionId !== own.interactionId || before.mode !== own.mode)) {
      const who = { supervisorId: own.supervisorId, supervisorName: own.supervisorName, mode: own.mode };
      const same = before?.interactionId === own.interactionId;
      if (same) this.log.closePeriod(own.interactionId, own.supervisorId, now);
      this.log.openPeriod({ interactionId: own.interactionId, ...who, participantId: own.participantId, startedAt: now });
      this.log.add(own.interactionId, now, same ? 'supervision-mode' : 'supervision-start', same ? `${own.supervisorName} switched from ${before!.mode} to ${own.mode}` : `${own.supervisorName} started ${verb(own.mode)}${own.targetName ? ` ${own.targetName}` : ''}`, who);
      const meta = [...this.metas.values()].find((m) => m.id === own.interactionId);
      meta?.supervisorsInvolved.set(own.supervisorId, own.supervisorName);
    } else if (own && before && own.supervisorName !== before.supervisorName) {
      // Our name was learnt from the PBX mid-leg (the caller ID on our ChanSpy): "Supervisors who took part" follows.
      const meta = [...this.metas.values()].find((m) => m.id === own.interactionId);
      if (meta?.supervisorsInvolved.has(own.supervisorId)) meta.supervisorsInvolved.set(own.supervisorId, own.supervisorName);
    }
    this.own = own;
  }

  timeline(interactionId: string): TimelineEvent[] {
    return this.log.timeline(interactionId);
  }

  periods(interactionId: string): SupervisionPeriod[] {
    return this.log.periods(interactionId);
  }

  // ---- grouping ------------------------------------------------------------------

  /** Which call a channel belongs to: the oldest linkedid in its bridge, else its own linkedid. */
  keyOf(ch: ChannelRecord): string {
    let key = ch.linkedid;
    const members = ch.bridgeId !== undefined ? this.channels.bridges.get(ch.bridgeId) : undefined;
    if (members) for (const m of members) if (compareUniqueids(m.linkedid, key) < 0) key = m.linkedid;
    return key;
  }

  private meta(key: string, startedAt: number): CallMeta {
    let meta = this.metas.get(key);
    if (!meta) {
      meta = { id: interactionIdFor(key), startedAt, visible: false, channels: new Set(), connectedNoted: false, startedNoted: false, supervisorsInvolved: new Map() };
      this.metas.set(key, meta);
    }
    return meta;
  }

  /** Local channel halves are plumbing; spy legs are supervisors, not parties. */
  isHidden(ch: ChannelRecord): boolean {
    return ch.name.startsWith('Local/') || this.isSpyer(ch);
  }

  private isSpyer(ch: ChannelRecord): boolean {
    if (ch.spy !== undefined || ch.application === 'ChanSpy') return true;
    const exten = ch.exten ?? '';
    return (this.options.spyFeatureCodes ?? []).some((code) => code.length > 0 && exten.startsWith(code) && exten.length > code.length);
  }

  isSelf(spyer: ChannelRecord): boolean {
    const self = this.options.selfExtension;
    return self !== undefined && self !== '' && (extensionOf(spyer.endpoint) === self || spyer.callerNum === self);
  }

  /**
   * Our own endpoint's caller ID name as Asterisk reports it on our ChanSpy
   * leg (the endpoint's callerid=, the name other supervisors see us by), if
   * such a leg exists now and its name says more than the extension.
   * Only spy legs dialled from our endpoint count: they carry its own caller ID,
   * never a caller's.
   */
  selfCallerName(): string | undefined {
    const self = this.options.selfExtension;
    if (self === undefined || self === '') return undefined;
    for (const ch of this.channels.byId.values()) {
      if (!this.isSpyer(ch) || extensionOf(ch.endpoint) !== self) continue;
      const name = meaningfulName(ch.callerName);
      if (name !== undefined && name !== self) return name;
    }
    return undefined;
  }

  private partyName(ch: ChannelRecord): string {
    return this.agents.agentForEndpoint(ch.endpoint)?.name ?? callerLabel(ch);
  }

  /**
   * Spy legs by the channel they spy on (one pass over the channels per
   * derive): other supervisors', and the channels our own ChanSpy reaches.
   */
  private spyersBySpyee(): Spies {
    const others = new Map<string, ChannelRecord[]>();
    const ours = new Set<string>();
    for (const spyer of this.channels.byId.values()) {
      if (!this.isSpyer(spyer)) continue;
      const spyeeId = spyer.spy ? spyer.spy.spyeeUniqueid : this.channels.inferredSpyee(spyer)?.uniqueid;
      if (spyeeId === undefined) continue;
      if (this.isSelf(spyer)) {
        ours.add(spyeeId);
        continue;
      }
      const list = others.get(spyeeId);
      if (list) list.push(spyer);
      else others.set(spyeeId, [spyer]);
    }
    return { others, ours };
  }

  /**
   * A consult inside one call (Asterisk's Atxfer feature keeps one linkedid):
   * an agent holds the customer and another agent talks or rings outside the
   * customer's bridge. Those agents are the consulted specialists.
   */
  private consultInCall(channels: ChannelRecord[]): Set<string> {
    const found = new Set<string>();
    const customer = channels.find((c) => !this.agents.agentForEndpoint(c.endpoint));
    const holder = channels.find((c) => c.held && this.agents.agentForEndpoint(c.endpoint));
    if (!customer || !holder) return found;
    for (const c of channels) {
      if (c === holder || c.endpoint === holder.endpoint || !this.agents.agentForEndpoint(c.endpoint)) continue;
      if (c.bridgeId === undefined || c.bridgeId !== customer.bridgeId) found.add(c.uniqueid);
    }
    return found;
  }

  // ---- derive ----------------------------------------------------------------------

  derive(now: number): DerivedState {
    const { groups, consultIds } = this.group();
    const spyers = this.spyersBySpyee();
    const interactions: Interaction[] = [];
    const interactionsOfAgent = new Map<string, string[]>();
    const seen = new Set<string>();
    for (const [key, channels] of groups) {
      const meta = this.meta(key, Math.min(...channels.map((c) => c.createdAt)));
      meta.endedAt = undefined;
      meta.channels = new Set(channels.map((c) => c.uniqueid));
      const view = this.buildInteraction(meta, channels, consultIds, spyers, now);
      if (!meta.visible) continue;
      seen.add(key);
      meta.lastView = view;
      interactions.push(view);
      for (const p of view.participants) {
        if (p.agentId && p.state !== 'disconnected') {
          const list = interactionsOfAgent.get(p.agentId) ?? [];
          if (!list.includes(view.id)) list.push(view.id);
          interactionsOfAgent.set(p.agentId, list);
        }
      }
    }
    let endedExcess = -this.maxEnded;
    for (const meta of this.metas.values()) if (meta.endedAt !== undefined) endedExcess++;
    for (const [key, meta] of this.metas) {
      if (seen.has(key)) continue;
      if (!meta.visible || !meta.lastView) {
        if (!groups.has(key)) this.metas.delete(key);
        continue;
      }
      const stillLive = [...meta.channels].some((u) => this.channels.byId.has(u));
      if (stillLive && meta.endedAt === undefined) {
        // Its channels joined another call (a transfer merged them): it just goes away.
        this.metas.delete(key);
        continue;
      }
      if (meta.endedAt === undefined) {
        meta.endedAt = Math.max(meta.startedAt, meta.lastHangupAt ?? now);
        this.log.closeAll(meta.id, meta.endedAt);
        this.log.add(meta.id, meta.endedAt, 'ended', 'The call ended');
        const { monitorLock: _gone, ...rest } = meta.lastView;
        meta.lastView = {
          ...rest,
          state: 'ended',
          endedAt: meta.endedAt,
          participants: meta.lastView.participants.filter((p) => p.role !== 'supervisor').map((p) => ({ ...p, state: 'disconnected' as const })),
        };
      }
      // Ended calls are listed for a while; a flood of short calls cannot hold more than maxEnded (oldest go first).
      if (now - meta.endedAt >= this.endedRetentionMs || endedExcess-- > 0) {
        this.metas.delete(key);
        continue;
      }
      interactions.push(meta.lastView);
    }
    // Our own leg ends with the call (ChanSpy option E ends it on the PBX too).
    if (this.own && !interactions.some((i) => i.id === this.own!.interactionId && i.state !== 'ended')) {
      const ended = interactions.find((i) => i.id === this.own!.interactionId)?.endedAt ?? now;
      this.setOwnSupervision(undefined, ended);
    }
    const agents = [...this.agents.byId.values()].map((a) => this.agents.toAgent(a, interactionsOfAgent.get(a.id) ?? []));
    const queues = [...this.queues.byName.values()].map((q) => this.queues.toQueue(q));
    return { agents, queues, interactions };
  }

  /** Channels grouped into calls; a consult leg joins the call its agent put on hold. */
  private group(): { groups: Map<string, ChannelRecord[]>; consultIds: Set<string> } {
    const consultIds = new Set<string>();
    const groups = new Map<string, ChannelRecord[]>();
    for (const ch of this.channels.byId.values()) {
      if (this.isHidden(ch)) continue;
      const key = this.keyOf(ch);
      const list = groups.get(key);
      if (list) list.push(ch);
      else groups.set(key, [ch]);
    }
    // Consult: a call of internal parties only, made by an agent whose other channel holds a call with a customer.
    const heldByEndpoint = new Map<string, string>();
    for (const [key, list] of groups) {
      if (!list.some((c) => !this.agents.agentForEndpoint(c.endpoint))) continue;
      for (const c of list) if (c.held && this.agents.agentForEndpoint(c.endpoint)) heldByEndpoint.set(c.endpoint, key);
    }
    if (heldByEndpoint.size === 0) return { groups, consultIds };
    for (const [key, list] of [...groups]) {
      if (list.some((c) => !this.agents.agentForEndpoint(c.endpoint))) continue;
      const target = list.map((c) => heldByEndpoint.get(c.endpoint)).find((k) => k !== undefined && k !== key);
      if (target === undefined) continue;
      const into = groups.get(target)!;
      for (const c of list) {
        into.push(c);
        consultIds.add(c.uniqueid);
      }
      groups.delete(key);
    }
    return { groups, consultIds };
  }

  private buildInteraction(meta: CallMeta, channels: ChannelRecord[], consultIds: Set<string>, spyers: Spies, now: number): Interaction {
    const sorted = [...channels].sort((a, b) => compareUniqueids(a.uniqueid, b.uniqueid));
    const consultInCall = this.consultInCall(sorted);
    const isConsult = (ch: ChannelRecord): boolean => consultIds.has(ch.uniqueid) || consultInCall.has(ch.uniqueid);
    const participants: Participant[] = [];
    const byChannel = new Map<string, Participant>();
    const agentRows = new Map<string, Participant>();
    const holders = sorted.filter((c) => c.held && !isConsult(c));
    let customer: ChannelRecord | undefined;
    let consult = false;
    for (const ch of sorted) {
      const agent = this.agents.agentForEndpoint(ch.endpoint);
      const inConsult = isConsult(ch);
      const state: Participant['state'] = ch.state !== 'Up' ? 'alerting' : holders.some((h) => h !== ch && !(inConsult && agent && h.endpoint === ch.endpoint)) && !inConsult ? 'held' : 'connected';
      if (agent) {
        const existing = agentRows.get(agent.id);
        if (existing) {
          // The same agent on a second leg (their consult call): one row, shown as talking.
          if (state === 'connected') existing.state = 'connected';
          byChannel.set(ch.uniqueid, existing);
          continue;
        }
        const isSpecialist = inConsult;
        consult ||= isSpecialist;
        const p: Participant = {
          id: participantIdFor(meta.id, ch.uniqueid),
          name: agent.name,
          kind: 'internal',
          role: isSpecialist ? 'specialist' : 'agent',
          agentId: agent.id,
          state,
          inConsult: isSpecialist,
          inConference: false,
          joinedAt: ch.createdAt,
        };
        agentRows.set(agent.id, p);
        byChannel.set(ch.uniqueid, p);
        participants.push(p);
      } else {
        const isCustomer = customer === undefined;
        if (isCustomer) customer = ch;
        const p: Participant = {
          id: participantIdFor(meta.id, ch.uniqueid),
          name: callerLabel(ch),
          kind: 'external',
          role: isCustomer ? 'customer' : 'external',
          state,
          inConsult: false,
          inConference: false,
          joinedAt: ch.createdAt,
        };
        byChannel.set(ch.uniqueid, p);
        participants.push(p);
      }
    }
    // A conference: more than two parties talking in one bridge, none of them a consult.
    const talking = participants.filter((p) => p.state === 'connected');
    const conference = !consult && talking.length > 2;
    if (conference) for (const p of talking) p.inConference = true;

    const waitingIn = customer ? this.queues.queueOfCaller(customer.uniqueid) : undefined;
    const agentsPresent = participants.filter((p) => p.agentId);
    if (!meta.visible) meta.visible = waitingIn !== undefined || meta.queueName !== undefined || participants.length >= 2 || agentsPresent.length > 0;
    if (meta.visible && !meta.startedNoted) {
      meta.startedNoted = true;
      this.log.add(meta.id, meta.startedAt, 'started', `Call from ${customer ? callerLabel(customer) : (participants[0]?.name ?? 'an unknown party')}`);
    }

    if (meta.transfer) {
      const fromGone = !agentsPresent.some((p) => meta.transfer!.fromAgentIds.includes(p.agentId!));
      if (fromGone && talking.length >= 2) delete meta.transfer;
    }
    const state = callState({ participants, waiting: waitingIn !== undefined, consult, conference, transferring: meta.transfer !== undefined, held: holders.length > 0 });
    // A queue call's answer is told by AgentConnect (with the wait); other calls are noted here.
    if (state === 'connected' && !meta.connectedNoted && meta.queueName === undefined) {
      meta.connectedNoted = true;
      this.log.add(meta.id, now, 'connected', `${participants.filter((p) => p.state === 'connected').map((p) => p.name).join(' and ')} connected`);
    }

    // Other supervisors' ChanSpy legs, and ours.
    let lock: MonitorLock | undefined;
    for (const [spyeeId, target] of byChannel) {
      for (const spyer of spyers.others.get(spyeeId) ?? []) {
        const supervisorId = spyerId(spyer);
        const supervisorName = spyerName(spyer);
        const since = spyer.spy?.since ?? spyer.createdAt;
        meta.supervisorsInvolved.set(supervisorId, supervisorName);
        participants.push({
          id: participantIdFor(meta.id, spyer.uniqueid),
          name: supervisorName,
          kind: 'internal',
          role: 'supervisor',
          state: 'connected',
          inConsult: false,
          inConference: false,
          // Another seat's ChanSpy: AMI does not report its mode (see docs/asterisk/chanspy-findings.md).
          supervising: { supervisorId, mode: 'monitor', modeUnknown: true, targetParticipantId: target.id },
          joinedAt: since,
        });
        if (!lock || since < lock.since) lock = { supervisorId, supervisorName, mode: 'monitor', modeUnknown: true, since };
      }
    }
    const own = this.own;
    if (own && own.interactionId === meta.id) {
      // Connected only once Asterisk reports our ChanSpy on this call; until then our leg is being set up.
      const confirmed = [...byChannel.keys()].some((u) => spyers.ours.has(u));
      participants.push({
        id: participantIdFor(meta.id, 'self'),
        name: own.supervisorName,
        kind: 'internal',
        role: 'supervisor',
        state: confirmed ? 'connected' : 'alerting',
        inConsult: false,
        inConference: false,
        supervising: { supervisorId: own.supervisorId, mode: own.mode, targetParticipantId: own.participantId },
        joinedAt: own.since,
      });
    }
    const queueName = meta.queueName ?? waitingIn;
    return {
      id: meta.id,
      channel: 'voice',
      state,
      ...(queueName !== undefined ? { queueId: queueIdFor(queueName) } : {}),
      startedAt: meta.startedAt,
      ...epochOf(meta.id),
      // ChanSpy can listen to any channel: every Asterisk call is monitorable.
      monitorable: true,
      participants,
      ...(lock ? { monitorLock: lock } : {}),
      ...(customer ? { customer: { name: callerLabel(customer), ...(meaningfulName(customer.callerNum) ? { phone: customer.callerNum! } : {}) } } : {}),
      assistanceRequested: false,
      supervisorsInvolved: [...meta.supervisorsInvolved].map(([id, name]) => ({ id, name })),
    };
  }
}

function callState(facts: { participants: Participant[]; waiting: boolean; consult: boolean; conference: boolean; transferring: boolean; held: boolean }): InteractionState {
  const { participants } = facts;
  if (facts.consult) return 'consult';
  if (facts.transferring) return 'transferring';
  if (facts.held) return 'held';
  if (facts.conference) return 'conference';
  const talking = participants.filter((p) => p.state === 'connected');
  const agentTalking = talking.some((p) => p.agentId);
  if (agentTalking && talking.length >= 2) return 'connected';
  if (participants.some((p) => p.agentId && p.state === 'alerting')) return 'alerting';
  if (facts.waiting) return 'pending';
  if (talking.length >= 2) return 'connected';
  // Someone rings; else one party is left on the line (the other just hung up).
  return participants.some((p) => p.state === 'alerting') || talking.length === 0 ? 'alerting' : 'connected';
}

export const participantIdFor = (interactionId: string, uniqueid: string): string => `${interactionId}~${uniqueid}`;

/** How a channel's party is named: caller id name, else number, else the endpoint. */
function callerLabel(ch: ChannelRecord): string {
  return meaningfulName(ch.callerName) ?? meaningfulName(ch.callerNum) ?? ch.endpoint;
}

const spyerId = (spyer: ChannelRecord): string => `spy:${spyer.endpoint}`;

/** "Dana Reyes (PJSIP/7002)", or the endpoint alone when the channel has no caller id name. */
function spyerName(spyer: ChannelRecord): string {
  const name = meaningfulName(spyer.callerName);
  return name ? `${name} (${spyer.endpoint})` : spyer.endpoint;
}

const verb = (mode: SupervisionMode): string => (mode === 'monitor' ? 'monitoring' : mode === 'coach' ? 'coaching' : 'barging in');
