import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { agentStatuses, type AgentStatus } from '../../../../preload/contract';
import { useStore } from '../../store';
import { dispatchVoice, useVoiceUi } from '../../store/voice';
import { filterAgentIds, participantOfAgent } from '../../store/voice/selectors';
import { ActionButton } from './ActionButton';
import { binocularFor, liveSessionInteractionId } from './binocular';
import { openDetails } from './commands';
import { formatElapsed, interactionSummary } from './format';
import { BinocularsIcon } from '../../components/icons';
import { reportAgentRowCommitted } from './perf';
import { useSecondTick } from './useSecondTick';
import { MetricsStrip } from '../metrics/MetricsStrip';
import './voice.css';

const ROW_HEIGHT = 40;

/** Agents and what they are doing (issue 4): virtualized, each row subscribes to its own agent. */
export function AgentsView() {
  const query = useVoiceUi((s) => s.agentQuery);
  const status = useVoiceUi((s) => s.agentStatus);
  const total = useStore((s) => s.live.agentOrder.length);
  // Without a filter this is the name order itself (identity only changes when agents come or go).
  const ids = useStore(useShallow((s) => filterAgentIds(s.live.agentOrder, s.live.agents, query, status)));
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();

  return (
    <section aria-labelledby="agents-title" className="view voice-view agents-view">
      <h1 id="agents-title">Agents</h1>
      <MetricsStrip />
      <div className="agents-filters" role="search" aria-label="Filter agents">
        <label className="filter-field" title="Show agents whose name contains this text (Ctrl+F or /)">
          <span>Search</span>
          <input
            id="agents-search"
            type="search"
            value={query}
            placeholder="Agent name"
            onChange={(e) => dispatchVoice({ type: 'voice/agentFilter', query: e.target.value })}
          />
        </label>
        <label className="filter-field" title="Show only agents in this status">
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
        <span className="muted" data-testid="agents-count">
          {ids.length === total ? `${total} agents` : `${ids.length} of ${total} agents`}
        </span>
      </div>
      <div role="table" aria-label="Agents" aria-rowcount={ids.length + 1} className="agents-table">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="agents-row agents-head">
            <span role="columnheader">Agent</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">Time in state</span>
            <span role="columnheader">Queues</span>
            <span role="columnheader">Current interaction</span>
            <span role="columnheader">Monitor</span>
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="agents-scroll" tabIndex={0} aria-label="Agent rows (scroll)">
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const id = ids[item.index];
              return id ? <AgentRow key={id} id={id} index={item.index} top={item.start} /> : null;
            })}
          </div>
        </div>
      </div>
      {ids.length === 0 ? <p className="muted empty">No agents match this filter.</p> : null}
    </section>
  );
}

const AgentRow = memo(function AgentRow({ id, index, top }: { id: string; index: number; top: number }) {
  const agent = useStore((s) => s.live.agents[id]);
  const queues = useStore((s) => (s.live.agents[id]?.queueIds ?? []).map((q) => s.live.queues[q]?.name ?? q).join(', '));
  const current = useStore((s) => {
    const a = s.live.agents[id];
    const ixId = a?.monitorInteractionId ?? a?.interactionIds[0];
    return interactionSummary(ixId ? s.live.interactions[ixId] : undefined);
  });
  const mySessionOn = useStore((s) => liveSessionInteractionId(s.live.voiceSession));
  const now = useSecondTick();
  // Benchmark hook: a change of this agent reached the DOM (mounting by scrolling is not a change).
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (agent) reportAgentRowCommitted(useStore.getState().live.at, id);
  }, [agent, id]);
  if (!agent) return null;
  const binocular = binocularFor(
    agent.monitor,
    agent.monitorInteractionId,
    mySessionOn,
    `Monitor ${agent.name}: open the interaction with ${agent.name} preselected`,
  );
  const statusClass = `status-badge status-${agent.status.toLowerCase().replace(' ', '-')}`;
  const open = () => {
    const ixId = agent.monitorInteractionId;
    if (!ixId) return;
    openDetails(ixId, participantOfAgent(useStore.getState().live.interactions[ixId], agent.id));
  };
  return (
    <div role="row" aria-rowindex={index + 2} className="agents-row" style={{ transform: `translateY(${top}px)` }} data-agent-id={id}>
      <span role="cell" className="agent-name">
        {agent.name}
      </span>
      <span role="cell">
        <span className={statusClass}>{agent.status}</span>
      </span>
      <span role="cell" className="tabular">
        {formatElapsed(now - agent.statusSince)}
      </span>
      <span role="cell" className="ellipsis" title={queues}>
        {queues || '—'}
      </span>
      <span role="cell" className="ellipsis" title={current}>
        {current}
      </span>
      <span role="cell">
        <ActionButton
          availability={binocular.availability}
          className="icon-button binocular"
          label={`Monitor ${agent.name}`}
          title={binocular.title}
          onClick={open}
        >
          <BinocularsIcon />
        </ActionButton>
      </span>
    </div>
  );
});
