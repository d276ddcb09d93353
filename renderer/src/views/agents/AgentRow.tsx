import { memo, useLayoutEffect, useRef } from 'react';
import { useStore } from '../../store';
import { dispatchAgents, useAgentsUi } from '../../store/agents';
import { selectIsActiveRow } from '../../store/agents/selectors';
import { participantOfAgent } from '../../store/voice/selectors';
import { BinocularsIcon, CollapseIcon, ExpandIcon } from '../../components/icons';
import { ActionButton } from '../voice/ActionButton';
import { binocularFor, liveSessionInteractionId } from '../voice/binocular';
import { openDetails } from '../voice/commands';
import { formatElapsed, interactionSummary } from '../voice/format';
import { forgetAgentChange, reportAgentRowCommitted } from '../voice/perf';
import { useSecondTick } from '../voice/useSecondTick';
import { takeFocusRequest } from './rowFocus';

export const statusClass = (status: string) => `status-badge status-${status.toLowerCase().replace(' ', '-')}`;

interface RowProps {
  rowKey: string;
  index: number;
  top: number;
  /** The row Tab lands on when no row is active yet. */
  tabStop: boolean;
}

/** One agent: subscribes to that agent only, so an update elsewhere does not render it. */
export const AgentRow = memo(function AgentRow({ rowKey, id, index, top, tabStop, level }: RowProps & { id: string; level: number | undefined }) {
  const agent = useStore((s) => s.live.agents[id]);
  const queues = useStore((s) => (s.live.agents[id]?.queueIds ?? []).map((q) => s.live.queues[q]?.name ?? q).join(', '));
  const current = useStore((s) => {
    const a = s.live.agents[id];
    const ixId = a?.monitorInteractionId ?? a?.interactionIds[0];
    return interactionSummary(ixId ? s.live.interactions[ixId] : undefined);
  });
  const mySessionOn = useStore((s) => liveSessionInteractionId(s.live.voiceSession));
  const active = useAgentsUi(selectIsActiveRow(rowKey));
  const open = useAgentsUi((s) => s.openAgentId === id);
  const now = useSecondTick();
  const ref = useActiveFocus(rowKey, active);
  // Benchmark hook: a change of this agent reached the DOM (mounting by scrolling is not a change).
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      forgetAgentChange(id);
      return;
    }
    if (agent) reportAgentRowCommitted(useStore.getState().live.at, id);
  }, [agent, id]);
  if (!agent) return null;
  const binocular = binocularFor(agent.monitor, agent.monitorInteractionId, mySessionOn, `Monitor ${agent.name}: open the interaction with ${agent.name} preselected`);
  const openInteraction = () => {
    const ixId = agent.monitorInteractionId;
    if (!ixId) return;
    openDetails(ixId, participantOfAgent(useStore.getState().live.interactions[ixId], agent.id));
  };
  return (
    <div
      ref={ref}
      role="row"
      id={rowDomId(rowKey)}
      aria-rowindex={index + 2}
      aria-level={level}
      aria-selected={open}
      tabIndex={active || tabStop ? 0 : -1}
      className={`agents-row agent-row${active ? ' active' : ''}${open ? ' open' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-agent-id={id}
      data-row-key={rowKey}
      onClick={() => dispatchAgents({ type: 'agents/activeRow', key: rowKey })}
      onDoubleClick={() => dispatchAgents({ type: 'agents/open', agentId: id })}
    >
      <span role="gridcell" className="agent-name">
        {agent.name}
      </span>
      <span role="gridcell">
        <span className={statusClass(agent.status)}>{agent.status}</span>
      </span>
      <span role="gridcell" className="tabular">
        {formatElapsed(now - agent.statusSince)}
      </span>
      <span role="gridcell" className="tabular">
        {agent.extension}
      </span>
      <span role="gridcell" className="ellipsis" title={queues}>
        {queues || '—'}
      </span>
      <span role="gridcell" className="ellipsis" title={current}>
        {current}
      </span>
      <span role="gridcell">
        <ActionButton availability={binocular.availability} className="icon-button binocular" label={`Monitor ${agent.name}`} title={binocular.title} onClick={openInteraction}>
          <BinocularsIcon />
        </ActionButton>
      </span>
    </div>
  );
});

/** A group's header: its name and count; Enter, Space or the arrows open and close it. */
export const GroupRow = memo(function GroupRow({ rowKey, label, count, collapsed, index, top, tabStop }: RowProps & { label: string; count: number; collapsed: boolean }) {
  const active = useAgentsUi(selectIsActiveRow(rowKey));
  const ref = useActiveFocus(rowKey, active);
  return (
    <div
      ref={ref}
      role="row"
      id={rowDomId(rowKey)}
      aria-rowindex={index + 2}
      aria-level={1}
      aria-expanded={!collapsed}
      tabIndex={active || tabStop ? 0 : -1}
      className={`agents-row group-row${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-row-key={rowKey}
      onClick={() => {
        dispatchAgents({ type: 'agents/activeRow', key: rowKey });
        dispatchAgents({ type: 'agents/toggleGroup', key: rowKey });
      }}
    >
      <span role="gridcell" aria-colspan={7} className="group-cell">
        {collapsed ? <ExpandIcon /> : <CollapseIcon />}
        <span className="group-label">{label}</span> <span className="muted">({count})</span>
      </span>
    </div>
  );
});

export const rowDomId = (rowKey: string) => `agent-row-${rowKey.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The active row takes the focus when the keyboard moved there (also when it mounts after scrolling into view). */
function useActiveFocus(rowKey: string, active: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (active && takeFocusRequest(rowKey)) ref.current?.focus({ preventScroll: true });
  }, [active, rowKey]);
  return ref;
}
