import { agentTableColumns, agentTableGroupings } from '../../../../preload/contract/agents';

/** Columns of the Agents table; every one sorts. */
export const agentColumns = agentTableColumns;
export type AgentColumn = (typeof agentColumns)[number];
export type SortDirection = 'asc' | 'desc';
export const agentGroupings = agentTableGroupings;
export type AgentGrouping = (typeof agentGroupings)[number];

/**
 * Filters of this view. The search text and the status filter stay in the
 * voice store (`agentQuery`, `agentStatus`), where other views (an alert's
 * "Show agent") already set them.
 */
export interface AgentFilter {
  queueId: string | 'all';
  skill: string | 'all';
  /** In their current state for at least this many minutes (0 = any time). */
  minMinutesInState: number;
}

/** What the supervisor chose on the Agents view (what main reported is in `live`). */
export interface AgentsUiState {
  sort: { column: AgentColumn; direction: SortDirection };
  groupBy: AgentGrouping;
  /** Group keys whose rows are hidden. */
  collapsed: Record<string, true>;
  filter: AgentFilter;
  /** The row the arrow keys are on (a row key: an agent id, or a group's key). */
  activeRow: string | undefined;
  /** The agent whose details are open. */
  openAgentId: string | undefined;
}

export const initialAgentFilter: AgentFilter = { queueId: 'all', skill: 'all', minMinutesInState: 0 };

export const initialAgentsUiState: AgentsUiState = {
  sort: { column: 'name', direction: 'asc' },
  groupBy: 'none',
  collapsed: {},
  filter: initialAgentFilter,
  activeRow: undefined,
  openAgentId: undefined,
};
