import type { AgentRef, ParticipantRecord } from '../cache/types';

/**
 * What CacheRecorder last sent the cache for one conversation, so an update that
 * changes nothing cached costs no write (issue 15, event-shaped load: most connector
 * updates move a participant from alerting to connected, or a wait time). CacheRecorder
 * compares an update with it field by field as it reads the update, and makes records
 * only for what changed: serialising both shapes to JSON on every update was 13% of the
 * main thread's time at 80k events/s, and building every record to compare it most of
 * what remained (issue 15).
 *
 * Participants: the cache upserts them by id and never removes one (who took part stays
 * part of the record), so sending only new and changed ones leaves the same rows as
 * sending all.
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
