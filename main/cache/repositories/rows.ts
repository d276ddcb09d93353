import type { AgentRef, Channel, InteractionSummary } from '../types';

/** Row shape of `interactions` plus a message count. */
export interface InteractionRow {
  id: string;
  channel: Channel;
  queue_id: string | null;
  queue_name: string | null;
  customer_name: string | null;
  state: string;
  started_at: number;
  ended_at: number | null;
  monitored_by_me: number;
  last_seen_at: number;
  message_count: number;
}

export const INTERACTION_COLUMNS = `i.id, i.channel, i.queue_id, i.queue_name, i.customer_name, i.state, i.started_at,
  i.ended_at, i.monitored_by_me, i.last_seen_at,
  (SELECT coalesce(sum(b.message_count), 0) FROM message_blocks b WHERE b.interaction_key = i.key) AS message_count`;

export function toSummary(row: InteractionRow, agents: AgentRef[]): InteractionSummary {
  return {
    id: row.id,
    channel: row.channel,
    queueId: row.queue_id,
    queueName: row.queue_name,
    agents,
    customerName: row.customer_name,
    state: row.state,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    monitoredByMe: row.monitored_by_me === 1,
    lastSeenAt: row.last_seen_at,
    messageCount: row.message_count,
  };
}
