import type { AgentRef, InteractionRecord } from './types';

/**
 * Two upserts of one interaction as one record: what the cache holds after writing
 * `earlier` then `later` is what it holds after writing the result alone. Mirrors the
 * ON CONFLICT clause in repositories/cacheWriter.ts (keep the two in step): the latest
 * channel and state; queue, customer and end kept unless the later one says; monitored
 * by me once true stays true; the earliest start and the latest sighting; every agent
 * who handled it (agents are added, never removed). Used by core/PendingCacheWrites.ts
 * when it holds several updates of one conversation: replacing the earlier record with
 * the later lost an agent who left within the hold, and a customer name the later
 * update did not carry.
 */
export function mergeInteractionRecords(earlier: InteractionRecord, later: InteractionRecord): InteractionRecord {
  return {
    ...later,
    queueId: later.queueId ?? earlier.queueId ?? null,
    queueName: later.queueName ?? earlier.queueName ?? null,
    customerName: later.customerName ?? earlier.customerName ?? null,
    endedAt: later.endedAt ?? earlier.endedAt ?? null,
    monitoredByMe: earlier.monitoredByMe || later.monitoredByMe,
    startedAt: Math.min(earlier.startedAt, later.startedAt),
    lastSeenAt: Math.max(earlier.lastSeenAt, later.lastSeenAt),
    agents: mergeAgents(earlier.agents, later.agents),
  };
}

function mergeAgents(earlier: readonly AgentRef[], later: readonly AgentRef[]): AgentRef[] {
  if (earlier.length === 0) return [...later];
  if (startsWithSameIds(later, earlier)) return [...later]; // the usual case: the same agents, maybe more (no map to build)
  const byId = new Map(earlier.map((a) => [a.id, a]));
  for (const a of later) byId.set(a.id, a);
  return [...byId.values()];
}

/**
 * Whether `list` begins with `prefix`'s agents, by id and in its order, and names no agent
 * twice: then merging `prefix` into `list` gives `list` as it is. Short lists only (a
 * conversation has a few agents); longer ones take the map.
 */
function startsWithSameIds(list: readonly AgentRef[], prefix: readonly AgentRef[]): boolean {
  if (list.length < prefix.length || list.length > 8) return false;
  for (let n = 0; n < prefix.length; n++) if (list[n]!.id !== prefix[n]!.id) return false;
  for (let n = 1; n < list.length; n++) for (let m = 0; m < n; m++) if (list[n]!.id === list[m]!.id) return false;
  return true;
}
