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
  queueId?: string | null;
  queueName?: string | null;
  agents: AgentRef[];
  customerName?: string | null;
  state: string;
  endedAt?: number | null;
  monitoredByMe: boolean;
}

export interface RecordedConversation {
  /**
   * Every cached interaction field but lastSeenAt (updated with the next real change, and by
   * the end): the interaction record last sent itself, not a copy (nothing changes a record
   * once made: merging makes a new one).
   */
  fields: CachedFields;
  /** Each participant as last sent: see sentParticipant. */
  participants: SentParticipants;
}

/**
 * Participants by id: as last sent (CacheRecorder), or held to send (PendingCacheWrites), in
 * the order first added. Most conversations have two to four, so a short list searched in
 * order: a Map per conversation cost ~0.8 KB of young-generation garbage and, per lookup, a
 * hash of the platform's fresh id string (issue 15). Past SHORT_LIST participants (a
 * conference, a long transfer chain) a Map, so a lookup stays constant-time however many.
 */
export type SentParticipants = ParticipantRecord[] | Map<string, ParticipantRecord>;

export const SHORT_LIST = 8;

export function sentParticipant(sent: SentParticipants, participantId: string): ParticipantRecord | undefined {
  if (!Array.isArray(sent)) return sent.get(participantId);
  for (let n = 0; n < sent.length; n++) if (sent[n]!.participantId === participantId) return sent[n];
  return undefined;
}

/** `p` replaces the participant of the same id, or is added; returns the list to keep (a Map once the list would pass SHORT_LIST). */
export function rememberParticipant(sent: SentParticipants, p: ParticipantRecord): SentParticipants {
  if (!Array.isArray(sent)) return sent.set(p.participantId, p);
  for (let n = 0; n < sent.length; n++) {
    if (sent[n]!.participantId === p.participantId) {
      sent[n] = p;
      return sent;
    }
  }
  if (sent.length < SHORT_LIST) {
    sent.push(p);
    return sent;
  }
  const map = new Map<string, ParticipantRecord>();
  for (const q of sent) map.set(q.participantId, q);
  return map.set(p.participantId, p);
}
