import { useEffect } from 'react';
import { agentTableGroupings, agentTableSorts } from '../../../../preload/contract/agents';
import { invoke } from '../../services/api';
import { useStore } from '../../store';
import { dispatchAgents, useAgentsUi, type AgentColumn, type AgentGrouping, type AgentsUiState } from '../../store/agents';

/** The `agents.sort` setting's value for a sort ("status:desc"). */
export const sortSetting = (sort: AgentsUiState['sort']): string => `${sort.column}:${sort.direction}`;

/** Pure: the sort and grouping that setting values name; a value that names none is left out. */
export function choicesFromSettings(sort: unknown, groupBy: unknown): { sort?: AgentsUiState['sort']; groupBy?: AgentGrouping } {
  const out: { sort?: AgentsUiState['sort']; groupBy?: AgentGrouping } = {};
  if (typeof sort === 'string' && (agentTableSorts as readonly string[]).includes(sort)) {
    const [column, direction] = sort.split(':') as [AgentColumn, 'asc' | 'desc'];
    out.sort = { column, direction };
  }
  if (typeof groupBy === 'string' && (agentTableGroupings as readonly string[]).includes(groupBy)) out.groupBy = groupBy as AgentGrouping;
  return out;
}

/** Once per page: the settings' choices are applied when they first arrive, unless the supervisor already chose. */
let settled = false;
let applying = false;

// Every later choice is remembered in the user's settings (a policy-locked one is simply not saved).
useAgentsUi.subscribe((state, previous) => {
  if (applying) return;
  if (state.sort !== previous.sort || state.groupBy !== previous.groupBy) settled = true;
  if (state.sort !== previous.sort) remember('agents.sort', sortSetting(state.sort));
  if (state.groupBy !== previous.groupBy) remember('agents.groupBy', state.groupBy);
});

function remember(key: 'agents.sort' | 'agents.groupBy', value: string): void {
  try {
    void invoke('config:set', { key, value }).catch(() => undefined);
  } catch {
    // Not connected yet (tests, a page still loading): nothing to remember it in.
  }
}

/** The Agents table opens sorted and grouped as the supervisor last left it. */
export function useRememberedChoices(): void {
  const sort = useStore((s) => s.config.view?.values['agents.sort']);
  const groupBy = useStore((s) => s.config.view?.values['agents.groupBy']);
  useEffect(() => {
    if (settled || (sort === undefined && groupBy === undefined)) return;
    settled = true;
    const chosen = choicesFromSettings(sort, groupBy);
    applying = true;
    try {
      if (chosen.sort) dispatchAgents({ type: 'agents/sort', ...chosen.sort });
      if (chosen.groupBy) dispatchAgents({ type: 'agents/groupBy', groupBy: chosen.groupBy });
    } finally {
      applying = false;
    }
  }, [sort, groupBy]);
}
