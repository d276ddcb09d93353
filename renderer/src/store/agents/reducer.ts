import type { AgentColumn, AgentFilter, AgentGrouping, AgentsUiState, SortDirection } from './initialState';

export type AgentsUiAction =
  /** Sorts by a column: the same column again reverses the direction. */
  | { type: 'agents/sort'; column: AgentColumn; direction?: SortDirection }
  | { type: 'agents/groupBy'; groupBy: AgentGrouping }
  | { type: 'agents/toggleGroup'; key: string }
  | { type: 'agents/filter'; filter: Partial<AgentFilter> }
  | { type: 'agents/activeRow'; key: string | undefined }
  | { type: 'agents/open'; agentId: string | undefined };

/** Pure; returns the same state when nothing changes, so subscribers skip rendering. */
export function agentsUiReducer(state: AgentsUiState, action: AgentsUiAction): AgentsUiState {
  switch (action.type) {
    case 'agents/sort': {
      const direction = action.direction ?? (state.sort.column === action.column && state.sort.direction === 'asc' ? 'desc' : 'asc');
      if (state.sort.column === action.column && state.sort.direction === direction) return state;
      return { ...state, sort: { column: action.column, direction } };
    }
    case 'agents/groupBy':
      return state.groupBy === action.groupBy ? state : { ...state, groupBy: action.groupBy, collapsed: {} };
    case 'agents/toggleGroup': {
      const collapsed = { ...state.collapsed };
      if (collapsed[action.key]) delete collapsed[action.key];
      else collapsed[action.key] = true;
      return { ...state, collapsed };
    }
    case 'agents/filter': {
      const filter = { ...state.filter, ...action.filter };
      const same = (Object.keys(filter) as (keyof AgentFilter)[]).every((k) => filter[k] === state.filter[k]);
      return same ? state : { ...state, filter };
    }
    case 'agents/activeRow':
      return state.activeRow === action.key ? state : { ...state, activeRow: action.key };
    case 'agents/open':
      return state.openAgentId === action.agentId ? state : { ...state, openAgentId: action.agentId };
    default:
      return state;
  }
}
