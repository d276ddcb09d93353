import type { AgentColumn, AgentsUiState } from './initialState';

/** Narrow selectors: each returns a primitive or a part that keeps its identity, so only what changed re-renders. */
export const selectSort = (s: AgentsUiState) => s.sort;
export const selectGroupBy = (s: AgentsUiState) => s.groupBy;
export const selectCollapsed = (s: AgentsUiState) => s.collapsed;
export const selectFilter = (s: AgentsUiState) => s.filter;
export const selectOpenAgentId = (s: AgentsUiState) => s.openAgentId;
export const selectActiveRow = (s: AgentsUiState) => s.activeRow;
/** One row asks only whether it is the active one (a boolean: moving the cursor re-renders two rows). */
export const selectIsActiveRow = (key: string) => (s: AgentsUiState) => s.activeRow === key;
/** aria-sort of a column header. */
export const selectAriaSort =
  (column: AgentColumn) =>
  (s: AgentsUiState): 'ascending' | 'descending' | 'none' =>
    s.sort.column !== column ? 'none' : s.sort.direction === 'asc' ? 'ascending' : 'descending';
/** How many of this view's filters narrow the list, for the "Clear filters" button. */
export const selectActiveFilterCount = (s: AgentsUiState): number =>
  (s.filter.queueId !== 'all' ? 1 : 0) + (s.filter.skill !== 'all' ? 1 : 0) + (s.filter.minMinutesInState > 0 ? 1 : 0);
