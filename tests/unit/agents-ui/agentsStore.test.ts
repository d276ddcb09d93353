import { describe, expect, it } from 'vitest';
import { initialAgentsUiState } from '../../../renderer/src/store/agents/initialState';
import { agentsUiReducer } from '../../../renderer/src/store/agents/reducer';
import { selectActiveFilterCount, selectAriaSort, selectIsActiveRow, selectOpenAgentId } from '../../../renderer/src/store/agents/selectors';

describe('agents UI slice', () => {
  it('starts sorted by name, ascending, ungrouped, unfiltered, nothing active or open', () => {
    expect(initialAgentsUiState).toMatchObject({
      sort: { column: 'name', direction: 'asc' },
      groupBy: 'none',
      collapsed: {},
      filter: { queueId: 'all', skill: 'all', minMinutesInState: 0 },
      activeRow: undefined,
      openAgentId: undefined,
    });
  });

  it('sorting a new column goes ascending; the same column again reverses it; an explicit direction is kept', () => {
    const byStatus = agentsUiReducer(initialAgentsUiState, { type: 'agents/sort', column: 'status' });
    expect(byStatus.sort).toEqual({ column: 'status', direction: 'asc' });
    expect(agentsUiReducer(byStatus, { type: 'agents/sort', column: 'status' }).sort).toEqual({ column: 'status', direction: 'desc' });
    expect(agentsUiReducer(initialAgentsUiState, { type: 'agents/sort', column: 'name' }).sort.direction).toBe('desc');
    expect(agentsUiReducer(byStatus, { type: 'agents/sort', column: 'status', direction: 'asc' })).toBe(byStatus);
  });

  it('grouping opens every group again; a group toggles closed and open', () => {
    const grouped = agentsUiReducer(initialAgentsUiState, { type: 'agents/groupBy', groupBy: 'status' });
    const closed = agentsUiReducer(grouped, { type: 'agents/toggleGroup', key: 'status:Away' });
    expect(closed.collapsed).toEqual({ 'status:Away': true });
    expect(agentsUiReducer(closed, { type: 'agents/toggleGroup', key: 'status:Away' }).collapsed).toEqual({});
    expect(agentsUiReducer(closed, { type: 'agents/groupBy', groupBy: 'queue' }).collapsed).toEqual({});
    expect(agentsUiReducer(closed, { type: 'agents/groupBy', groupBy: 'status' })).toBe(closed);
  });

  it('filters merge; the same values return the same state (subscribers skip rendering)', () => {
    const s = agentsUiReducer(initialAgentsUiState, { type: 'agents/filter', filter: { queueId: 'sales' } });
    expect(s.filter).toEqual({ queueId: 'sales', skill: 'all', minMinutesInState: 0 });
    const t = agentsUiReducer(s, { type: 'agents/filter', filter: { minMinutesInState: 15 } });
    expect(t.filter).toEqual({ queueId: 'sales', skill: 'all', minMinutesInState: 15 });
    expect(agentsUiReducer(t, { type: 'agents/filter', filter: { queueId: 'sales' } })).toBe(t);
    expect(selectActiveFilterCount(t)).toBe(2);
  });

  it('the active row and the open agent change only when different', () => {
    const a = agentsUiReducer(initialAgentsUiState, { type: 'agents/activeRow', key: 'agent-3' });
    expect(agentsUiReducer(a, { type: 'agents/activeRow', key: 'agent-3' })).toBe(a);
    const o = agentsUiReducer(a, { type: 'agents/open', agentId: 'agent-3' });
    expect(selectOpenAgentId(o)).toBe('agent-3');
    expect(agentsUiReducer(o, { type: 'agents/open', agentId: undefined }).openAgentId).toBeUndefined();
  });

  it('selectors: a row asks only whether it is active; a header gets its aria-sort', () => {
    const a = agentsUiReducer(initialAgentsUiState, { type: 'agents/activeRow', key: 'agent-3' });
    expect(selectIsActiveRow('agent-3')(a)).toBe(true);
    expect(selectIsActiveRow('agent-4')(a)).toBe(false);
    expect(selectAriaSort('name')(initialAgentsUiState)).toBe('ascending');
    expect(selectAriaSort('status')(initialAgentsUiState)).toBe('none');
    const desc = agentsUiReducer(initialAgentsUiState, { type: 'agents/sort', column: 'name' });
    expect(selectAriaSort('name')(desc)).toBe('descending');
  });

  it('ignores actions of other slices', () => {
    expect(agentsUiReducer(initialAgentsUiState, { type: 'voice/pick' } as never)).toBe(initialAgentsUiState);
  });
});

describe('remembered choices (settings agents.sort, agents.groupBy)', () => {
  it('reads "column:direction" and a grouping; anything else names nothing', async () => {
    const { choicesFromSettings, sortSetting } = await import('../../../renderer/src/views/agents/rememberedChoices');
    expect(choicesFromSettings('status:desc', 'queue')).toEqual({ sort: { column: 'status', direction: 'desc' }, groupBy: 'queue' });
    expect(choicesFromSettings('status:sideways', 'teams')).toEqual({});
    expect(choicesFromSettings(undefined, 42)).toEqual({});
    expect(sortSetting({ column: 'timeInState', direction: 'asc' })).toBe('timeInState:asc');
  });
});
