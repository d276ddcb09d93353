import { create } from 'zustand';
import { initialAgentsUiState, type AgentsUiState } from './initialState';
import { agentsUiReducer, type AgentsUiAction } from './reducer';

/**
 * The Agents view's choices (sort, grouping, filters, the keyboard cursor, the
 * open agent). A store of its own next to the root store, so the 200 agent
 * changes a second in `live` never re-run these selectors and vice versa.
 */
export const useAgentsUi = create<AgentsUiState>(() => initialAgentsUiState);
export const dispatchAgents = (action: AgentsUiAction): void => useAgentsUi.setState((s) => agentsUiReducer(s, action), true);

export type { AgentsUiState, AgentColumn, AgentFilter, AgentGrouping, SortDirection } from './initialState';
export type { AgentsUiAction } from './reducer';
