import { z } from 'zod';
import { agentStatusSchema, epochMs, id } from './domain';
import { command } from './define';

/**
 * An agent's states today (issue 12 item 3), kept by main from connector
 * events (main/metrics/agentStateHistory.ts) on the core's clock, so a demo
 * at --speed 5 shows demo time. Bounded: at most 96 segments; older ones are
 * folded into `earlier` with their time per state.
 */
export const agentStateSegmentSchema = z.object({
  state: agentStatusSchema,
  start: epochMs,
  end: epochMs,
});
export type AgentStateSegment = z.infer<typeof agentStateSegmentSchema>;

export const agentHistoryViewSchema = z.object({
  agentId: id,
  /** The core's time when this was read: the last segment runs to here. */
  now: epochMs,
  /** Start of today (local midnight in main). */
  dayStart: epochMs,
  segments: z.array(agentStateSegmentSchema).max(200),
  earlier: z
    .object({
      from: epochMs,
      to: epochMs,
      msByState: z.partialRecord(agentStatusSchema, z.number().nonnegative()),
    })
    .optional(),
});
export type AgentHistoryView = z.infer<typeof agentHistoryViewSchema>;

/** The Agents table's columns (every one sorts) and groupings; settings remember the supervisor's choice. */
export const agentTableColumns = ['name', 'extension', 'status', 'timeInState', 'queues', 'current', 'monitor'] as const;
export const agentTableGroupings = ['none', 'queue', 'status'] as const;
/** "column:direction", as the `agents.sort` setting stores it. */
export const agentTableSorts = agentTableColumns.flatMap((c) => [`${c}:asc`, `${c}:desc`] as const);

export const agentCommands = {
  'agent:history': command(z.object({ agentId: id }).strict(), agentHistoryViewSchema),
};
