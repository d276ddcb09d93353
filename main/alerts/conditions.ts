import type { Agent, Interaction, Queue } from '../../preload/contract';
import type { AlertKind, AlertSubject } from '../../preload/contract/alerts';
import { metricIntervalNames, type MetricsSnapshot } from '../../preload/contract/metrics';
import type { AlertRules } from './rules';
import { agentIdOf, agentStateName, describeInteraction, formatDuration, queueName } from './wording';

/** Something true now that deserves an alert; `key` names the condition (kind + subject). */
export interface AlertCondition {
  key: string;
  kind: AlertKind;
  subject: AlertSubject;
  title: string;
  text: string;
}

export interface ConditionInput {
  now: number;
  rules: AlertRules;
  /** This supervisor: a lock they hold themselves is not "someone else's". */
  supervisorId: string;
  interactions: Iterable<Interaction>;
  agents: Iterable<Agent>;
  queues: ReadonlyMap<string, Queue>;
  /** When each held call went on hold (holdClock.ts). */
  holdSince: ReadonlyMap<string, number>;
  /** The latest queue metrics, for the service-level alert. */
  metrics: MetricsSnapshot | undefined;
  /** Conversations the supervisor asked to hear about when their lock is released. */
  wantedLocks: ReadonlySet<string>;
}

const waitingStates = new Set<Interaction['state']>(['pending', 'alerting']);
const stuckStatuses = new Set<Agent['status']>(['Busy', 'Away']);

/** When an agent first answered (the earliest agent leg past ringing), in one pass without arrays: this runs for every call every second. */
function answeredAt(ix: Interaction): number | undefined {
  let first: number | undefined;
  for (const p of ix.participants) {
    if (p.role !== 'agent' || p.state === 'alerting' || p.supervising !== undefined) continue;
    if (first === undefined || p.joinedAt < first) first = p.joinedAt;
  }
  return first;
}

const over = (sinceMs: number | undefined, now: number, limitSeconds: number): boolean =>
  sinceMs !== undefined && now - sinceMs >= limitSeconds * 1000;

/**
 * Every alert condition true at `now` (pure: time, ids and state are all
 * arguments). Costs one pass over the interactions, agents and queue rows.
 */
export function currentConditions(input: ConditionInput): AlertCondition[] {
  const { now, rules } = input;
  const out: AlertCondition[] = [];
  for (const ix of input.interactions) {
    if (ix.state === 'ended') continue;
    // Worded only for an interaction that alerts: most of thousands alert on nothing, every second.
    let about = '';
    let subject: AlertSubject = { interactionId: ix.id };
    const describe = () => {
      if (about) return;
      about = describeInteraction(ix);
      const agentId = agentIdOf(ix);
      subject = { interactionId: ix.id, ...(agentId ? { agentId } : {}), ...(ix.queueId ? { queueId: ix.queueId } : {}) };
    };
    const waiting = waitingStates.has(ix.state);
    if (rules.longWait.enabled && waiting && over(ix.startedAt, now, rules.longWait.seconds)) {
      describe();
      const queue = queueName(ix.queueId, input.queues);
      out.push({
        key: `longWait:${ix.id}`,
        kind: 'longWait',
        subject,
        title: `Long wait: ${about}`,
        text: `Waiting${queue ? ` in ${queue}` : ''} for ${formatDuration(now - ix.startedAt)} (alert after ${formatDuration(rules.longWait.seconds * 1000)}).`,
      });
    }
    if (ix.channel === 'voice' && !waiting) {
      const since = answeredAt(ix) ?? ix.startedAt;
      if (rules.longCall.enabled && over(since, now, rules.longCall.seconds)) {
        describe();
        out.push({
          key: `longCall:${ix.id}`,
          kind: 'longCall',
          subject,
          title: `Long call: ${about}`,
          text: `On the call for ${formatDuration(now - since)} (alert after ${formatDuration(rules.longCall.seconds * 1000)}).`,
        });
      }
      const heldSince = input.holdSince.get(ix.id);
      if (rules.longHold.enabled && over(heldSince, now, rules.longHold.seconds)) {
        describe();
        out.push({
          key: `longHold:${ix.id}`,
          kind: 'longHold',
          subject,
          title: `Long hold: ${about}`,
          text: `The customer has been on hold for ${formatDuration(now - (heldSince ?? now))} (alert after ${formatDuration(rules.longHold.seconds * 1000)}).`,
        });
      }
    }
    if (rules.assistance.enabled && ix.assistanceRequested) {
      describe();
      const since = ix.assistanceRequestedAt;
      out.push({
        key: `assistance:${ix.id}`,
        kind: 'assistance',
        subject,
        title: `Assistance requested: ${about}`,
        text: `The agent asked for help${since !== undefined ? ` ${formatDuration(now - since)} ago` : ''}.`,
      });
    }
    if (rules.lockReleased.enabled && input.wantedLocks.has(ix.id) && (ix.monitorLock === undefined || ix.monitorLock.supervisorId === input.supervisorId)) {
      describe();
      out.push({
        key: `lockReleased:${ix.id}`,
        kind: 'lockReleased',
        subject,
        title: `Free to monitor: ${about}`,
        text: 'The other supervisor released it; you can monitor it now.',
      });
    }
  }
  if (rules.agentStuck.enabled) {
    for (const agent of input.agents) {
      const acw = agent.afterCallWorkSince !== undefined && agent.interactionIds.length === 0 && agent.status !== 'Offline';
      const since = acw ? agent.afterCallWorkSince : stuckStatuses.has(agent.status) ? agent.statusSince : undefined;
      if (!over(since, now, rules.agentStuck.seconds)) continue;
      out.push({
        key: `agentStuck:${agent.id}`,
        kind: 'agentStuck',
        subject: { agentId: agent.id },
        title: `${agent.name}: ${agentStateName(agent)} for ${formatDuration(now - (since ?? now))}`,
        text: `${agent.name} has been in ${agentStateName(agent)} for ${formatDuration(now - (since ?? now))} (alert after ${formatDuration(rules.agentStuck.seconds * 1000)}).`,
      });
    }
  }
  const metrics = input.metrics;
  if (rules.slaBreach.enabled && metrics) {
    const interval = rules.slaBreach.interval;
    for (const row of metrics.queues) {
      const m = row.intervals[interval];
      if (row.queueId === undefined || m.serviceLevelPercent === undefined || !m.breached.includes('serviceLevel')) continue;
      out.push({
        key: `slaBreach:${row.queueId}`,
        kind: 'slaBreach',
        subject: { queueId: row.queueId },
        title: `Service level below target: ${row.name}`,
        text: `${row.name}: ${Math.round(m.serviceLevelPercent)}% answered within ${row.thresholdSeconds ?? '?'} s, ${metricIntervalNames[interval].toLowerCase()} (target ${metrics.thresholds.serviceLevelMinPercent}%).`,
      });
    }
  }
  return out;
}
