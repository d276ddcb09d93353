import type { Agent, Interaction } from '../../preload/contract';
import type { AgentCounts } from '../../preload/contract/metrics';
import { agentActivity, countAgent, emptyAgentCounts, type AgentActivity } from './agentStates';
import { emptyLive, type LiveQueue } from './liveQueues';

/** What one interaction adds to its queue's live counts (see liveQueues.addLive). */
type LiveKind = 'none' | 'voiceWaiting' | 'digitalActive' | 'digitalPending';

interface LiveEntry {
  queueId: string;
  kind: LiveKind;
  startedAt: number;
  slaDeadline: number | undefined;
}

interface QueueLive {
  digitalActive: number;
  /** Waiting voice calls: id → startedAt (small: only what is unanswered now). */
  voiceWaiting: Map<string, number>;
  /** Pending digital conversations: id → the platform's deadline, if it set one. */
  digitalPending: Map<string, { startedAt: number; slaDeadline: number | undefined }>;
}

function liveKind(ix: Interaction): LiveKind {
  if (ix.state === 'ended') return 'none';
  const unanswered = ix.state === 'pending' || ix.state === 'alerting';
  if (ix.channel === 'voice') return unanswered ? 'voiceWaiting' : 'none';
  return unanswered ? 'digitalPending' : 'digitalActive';
}

/**
 * The "now" counts of the metrics (staffing per queue, waiting, digital
 * active/pending), kept up to date one agent or interaction at a time, so the
 * once-a-second recompute costs the queues and the unanswered contacts, not
 * every agent and interaction (5,000 agents: issue 12's bench). Each entry
 * remembers what it added, so an update takes exactly that out again.
 * Keyed by the raw queue id ('' = none): whether a queue is known is decided
 * when the metrics are computed, as the from-scratch count does.
 */
export class LiveTally {
  private readonly agentEntries = new Map<string, { activity: AgentActivity; queueIds: readonly string[] }>();
  private readonly agentTotal = emptyAgentCounts();
  private readonly agentsByQueue = new Map<string, AgentCounts>();
  private readonly liveEntries = new Map<string, LiveEntry>();
  private readonly liveByQueue = new Map<string, QueueLive>();

  /** A tally of these agents and interactions from scratch. */
  static of(agents: Iterable<Agent>, interactions: Iterable<Interaction>): LiveTally {
    const tally = new LiveTally();
    for (const a of agents) tally.updateAgent(a);
    for (const ix of interactions) tally.updateInteraction(ix);
    return tally;
  }

  updateAgent(agent: Agent): void {
    this.removeAgent(agent.id);
    const entry = { activity: agentActivity(agent), queueIds: [...new Set(agent.queueIds)] };
    this.agentEntries.set(agent.id, entry);
    this.applyAgent(entry, 1);
  }

  removeAgent(id: string): void {
    const old = this.agentEntries.get(id);
    if (!old) return;
    this.agentEntries.delete(id);
    this.applyAgent(old, -1);
  }

  updateInteraction(ix: Interaction): void {
    this.removeInteraction(ix.id);
    const entry: LiveEntry = { queueId: ix.queueId ?? '', kind: liveKind(ix), startedAt: ix.startedAt, slaDeadline: ix.slaDeadline };
    if (entry.kind === 'none') return;
    this.liveEntries.set(ix.id, entry);
    const q = this.queueLive(entry.queueId);
    if (entry.kind === 'digitalActive') q.digitalActive += 1;
    else if (entry.kind === 'voiceWaiting') q.voiceWaiting.set(ix.id, entry.startedAt);
    else q.digitalPending.set(ix.id, { startedAt: entry.startedAt, slaDeadline: entry.slaDeadline });
  }

  removeInteraction(id: string): void {
    const old = this.liveEntries.get(id);
    if (!old) return;
    this.liveEntries.delete(id);
    const q = this.queueLive(old.queueId);
    if (old.kind === 'digitalActive') q.digitalActive -= 1;
    else if (old.kind === 'voiceWaiting') q.voiceWaiting.delete(id);
    else q.digitalPending.delete(id);
  }

  /** Staffing of every agent (each counted once). */
  agentsTotal(): AgentCounts {
    return { ...this.agentTotal };
  }

  /** Staffing of one queue's members. */
  agentsOf(queueId: string): AgentCounts {
    const c = this.agentsByQueue.get(queueId);
    return c ? { ...c } : emptyAgentCounts();
  }

  /** Queue ids (raw, '' = none) that have live interactions counted. */
  liveQueueIds(): Iterable<string> {
    return this.liveByQueue.keys();
  }

  /** One queue's live counts at `now`; `slaSeconds` is its threshold when the platform set no deadline. */
  liveOf(queueId: string, now: number, slaSeconds: number | undefined): LiveQueue {
    const live = emptyLive();
    const q = this.liveByQueue.get(queueId);
    if (!q) return live;
    live.digitalActive = q.digitalActive;
    live.waiting = q.voiceWaiting.size;
    for (const startedAt of q.voiceWaiting.values()) {
      if (live.oldestWaitingSince === undefined || startedAt < live.oldestWaitingSince) live.oldestWaitingSince = startedAt;
    }
    live.digitalPending = q.digitalPending.size;
    for (const p of q.digitalPending.values()) {
      const deadline = p.slaDeadline ?? (slaSeconds !== undefined ? p.startedAt + slaSeconds * 1000 : undefined);
      if (deadline !== undefined && now > deadline) live.digitalPendingOverSla += 1;
    }
    return live;
  }

  private applyAgent(entry: { activity: AgentActivity; queueIds: readonly string[] }, sign: 1 | -1): void {
    add(this.agentTotal, entry.activity, sign);
    for (const q of entry.queueIds) {
      let c = this.agentsByQueue.get(q);
      if (!c) this.agentsByQueue.set(q, (c = emptyAgentCounts()));
      add(c, entry.activity, sign);
    }
  }

  private queueLive(queueId: string): QueueLive {
    let q = this.liveByQueue.get(queueId);
    if (!q) this.liveByQueue.set(queueId, (q = { digitalActive: 0, voiceWaiting: new Map(), digitalPending: new Map() }));
    return q;
  }
}

function add(counts: AgentCounts, activity: AgentActivity, sign: 1 | -1): void {
  if (sign === 1) {
    countAgent(counts, activity);
    return;
  }
  if (activity === 'offline') return;
  counts.staffed -= 1;
  counts[activity] -= 1;
}
