import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { agentStatuses, type AgentStatus, type AgentView } from '../../../../preload/contract';
import { useStore } from '../../store';
import { dispatchAgents, useAgentsUi, type AgentGrouping } from '../../store/agents';
import { initialAgentFilter } from '../../store/agents/initialState';
import { selectActiveFilterCount } from '../../store/agents/selectors';
import { dispatchVoice, useVoiceUi } from '../../store/voice';
import { skillsOf } from './agentTable';

type Choice = readonly [value: string, text: string];

const timeChoices: readonly Choice[] = [
  ['0', 'Any time'],
  ['1', '1 min or more'],
  ['5', '5 min or more'],
  ['15', '15 min or more'],
  ['30', '30 min or more'],
  ['60', '1 hour or more'],
];
const statusChoices: readonly Choice[] = [['all', 'All statuses'], ...agentStatuses.map((s) => [s, s] as const)];
const groupChoices: readonly Choice[] = [
  ['none', 'No grouping'],
  ['queue', 'Queue'],
  ['status', 'Status'],
];

/** One labelled filter: a select with its tooltip (every filter is the same shape). */
function FilterSelect(props: { label: string; title: string; value: string; options: readonly Choice[]; disabled?: boolean; onChange: (value: string) => void }) {
  return (
    <label className="filter-field">
      <span>{props.label}</span>
      <select value={props.value} title={props.title} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

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
      <FilterSelect
        label="Agent status"
        title="Show only agents in this status"
        value={status}
        options={statusChoices}
        onChange={(v) => dispatchVoice({ type: 'voice/agentFilter', status: v as AgentStatus | 'all' })}
      />
      <FilterSelect label="Queue" title="Show only agents in this queue" value={filter.queueId} options={[['all', 'All queues'], ...queues]} onChange={(v) => set({ queueId: v })} />
      <FilterSelect
        label="Skill"
        title={skills.length === 0 ? 'The contact center reports no skills' : 'Show only agents with this skill'}
        value={filter.skill}
        options={[['all', 'All skills'], ...skills.map((k) => [k, k] as const)]}
        disabled={skills.length === 0}
        onChange={(v) => set({ skill: v })}
      />
      <FilterSelect
        label="Time in state"
        title="Show only agents who have been in their current state at least this long"
        value={String(filter.minMinutesInState)}
        options={timeChoices}
        onChange={(v) => set({ minMinutesInState: Number(v) })}
      />
      <FilterSelect
        label="Group by"
        title="Group the table's rows by queue or by status"
        value={groupBy}
        options={groupChoices}
        onChange={(v) => dispatchAgents({ type: 'agents/groupBy', groupBy: v as AgentGrouping })}
      />
      {narrowing > 0 ? (
        <button
          type="button"
          title="Show every agent again (the search text stays)"
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
