import type { AgentRef, ParticipantRecord } from '../cache/types';

/**
 * What CacheRecorder last sent the cache for one conversation, so an update that
 * changes nothing cached costs no write (issue 15, event-shaped load: most connector
 * updates move a participant from alerting to connected, or a wait time). Compared
 * field by field: serialising both shapes to JSON on every update was 13% of the
 * main thread's time at 80k events/s.
 */
export interface CachedFields {
  channel: string;
  queueId: string | null;
  queueName: string | null;
  agents: AgentRef[];
  customerName: string | null;
  state: string;
  endedAt: number | null;
  monitoredByMe: boolean;
}

export interface RecordedConversation {
  /** Every cached interaction field but lastSeenAt (updated with the next real change, and by the end). */
  fields: CachedFields;
  /** Each participant as last sent, by participant id. */
  participants: Map<string, ParticipantRecord>;
}

export function sameCachedFields(a: CachedFields, b: CachedFields): boolean {
  return (
    a.channel === b.channel &&
    a.queueId === b.queueId &&
    a.queueName === b.queueName &&
    a.customerName === b.customerName &&
    a.state === b.state &&
    a.endedAt === b.endedAt &&
    a.monitoredByMe === b.monitoredByMe &&
    sameAgents(a.agents, b.agents)
  );
}

function sameAgents(a: readonly AgentRef[], b: readonly AgentRef[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id || a[i]!.name !== b[i]!.name) return false;
  return true;
}

/**
 * The participants the cache does not have as they are now: new ones and changed ones.
 * The cache upserts participants by id and never removes one (who took part stays
 * part of the record), so sending only these leaves the same rows as sending all.
 */
export function changedParticipants(sent: ReadonlyMap<string, ParticipantRecord> | undefined, now: readonly ParticipantRecord[]): ParticipantRecord[] {
  if (!sent) return [...now];
  return now.filter((p) => {
    const s = sent.get(p.participantId);
    return !s || s.name !== p.name || s.kind !== p.kind || s.role !== p.role;
  });
}
