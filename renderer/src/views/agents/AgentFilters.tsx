import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { agentStatuses, type AgentStatus, type AgentView } from '../../../../preload/contract';
import { useStore } from '../../store';
import { dispatchAgents, useAgentsUi, type AgentGrouping } from '../../store/agents';
import { initialAgentFilter } from '../../store/agents/initialState';
import { selectActiveFilterCount } from '../../store/agents/selectors';
import { dispatchVoice, useVoiceUi } from '../../store/voice';
import { skillsOf } from './agentTable';

const timeChoices: ReadonlyArray<readonly [number, string]> = [
  [0, 'Any time'],
  [1, '1 min or more'],
  [5, '5 min or more'],
  [15, '15 min or more'],
  [30, '30 min or more'],
  [60, '1 hour or more'],
];

/** Skills change with the team, not with every state change: read once per set of agents. */
let skillsMemo: { order: readonly string[]; text: string } | undefined;
function skillsText(order: readonly string[], agents: Readonly<Record<string, AgentView>>): string {
  if (skillsMemo?.order !== order) skillsMemo = { order, text: skillsOf(Object.values(agents)).join('\u0000') };
  return skillsMemo.text;
}

/** Search, filters and grouping above the Agents table. */
export function AgentFilters({ shown, total }: { shown: number; total: number }) {
  const filter = useAgentsUi((s) => s.filter);
  const query = useVoiceUi((s) => s.agentQuery);
  const status = useVoiceUi((s) => s.agentStatus);
  const groupBy = useAgentsUi((s) => s.groupBy);
  const narrowing = useAgentsUi(selectActiveFilterCount) + (status !== 'all' ? 1 : 0);
  // Queue names and skills change rarely: compare them as text so agent updates do not re-render the filters.
  const queueList = useStore(useShallow((s) => Object.values(s.live.queues).map((q) => `${q.id}\u0000${q.name}`)));
  const skillText = useStore((s) => skillsText(s.live.agentOrder, s.live.agents));
  const skills = useMemo(() => (skillText ? skillText.split('\u0000') : []), [skillText]);
  const queues = useMemo(
    () => queueList.map((t) => t.split('\u0000') as [string, string]).sort((a, b) => a[1].localeCompare(b[1])),
    [queueList],
  );
  const set = (f: Partial<typeof filter>) => dispatchAgents({ type: 'agents/filter', filter: f });
  return (
    <div className="agents-filters" role="search" aria-label="Filter agents">
      <label className="filter-field" title="Show agents whose name or extension contains this text (Ctrl+F or /)">
        <span>Search</span>
        <input id="agents-search" type="search" value={query} placeholder="Name or extension" onChange={(e) => dispatchVoice({ type: 'voice/agentFilter', query: e.target.value })} />
      </label>
      <label className="filter-field">
        <span>Agent status</span>
        <select value={status} onChange={(e) => dispatchVoice({ type: 'voice/agentFilter', status: e.target.value as AgentStatus | 'all' })}>
          <option value="all">All statuses</option>
          {agentStatuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span>Queue</span>
        <select value={filter.queueId} onChange={(e) => set({ queueId: e.target.value })}>
          <option value="all">All queues</option>
          {queues.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span>Skill</span>
        <select value={filter.skill} onChange={(e) => set({ skill: e.target.value })} disabled={skills.length === 0} title={skills.length === 0 ? 'The contact center reports no skills' : undefined}>
          <option value="all">All skills</option>
          {skills.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span>Time in state</span>
        <select value={filter.minMinutesInState} onChange={(e) => set({ minMinutesInState: Number(e.target.value) })}>
          {timeChoices.map(([minutes, label]) => (
            <option key={minutes} value={minutes}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span>Group by</span>
        <select value={groupBy} onChange={(e) => dispatchAgents({ type: 'agents/groupBy', groupBy: e.target.value as AgentGrouping })}>
          <option value="none">No grouping</option>
          <option value="queue">Queue</option>
          <option value="status">Status</option>
        </select>
      </label>
      {narrowing > 0 ? (
        <button
          type="button"
          onClick={() => {
            set(initialAgentFilter);
            dispatchVoice({ type: 'voice/agentFilter', status: 'all' });
          }}
        >
          Clear filters ({narrowing})
        </button>
      ) : null}
      <span className="muted" data-testid="agents-count">
        {shown === total ? `${total} agents` : `${shown} of ${total} agents`}
      </span>
    </div>
  );
}
