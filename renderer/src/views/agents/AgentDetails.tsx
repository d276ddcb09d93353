import { useEffect, useRef, useState } from 'react';
import type { AgentHistoryView } from '../../../../preload/contract';
import { invoke } from '../../services/api';
import { useStore } from '../../store';
import { dispatchAgents } from '../../store/agents';
import { participantOfAgent } from '../../store/voice/selectors';
import { formatElapsed, interactionSummary } from '../voice/format';
import { openDetails } from '../voice/commands';
import { useSecondTick } from '../voice/useSecondTick';
import { rowDomId, statusClass } from './AgentRow';
import { requestRowFocus, takeFocusRequest } from './rowFocus';
import { StateTimeline } from './StateTimeline';

/** Asked again when the agent's state changes, and once a minute anyway (main's clock may run faster). */
const REFRESH_MS = 60_000;

/** The agent opened from the table (Enter): who they are, what they do now, their states today. */
export function AgentDetails({ agentId, returnTo }: { agentId: string; returnTo: string | undefined }) {
  const agent = useStore((s) => s.live.agents[agentId]);
  const queues = useStore((s) => (s.live.agents[agentId]?.queueIds ?? []).map((q) => s.live.queues[q]?.name ?? q).join(', '));
  // Primitives only: a selector returning a new object each time would render forever.
  const currentId = useStore((s) => s.live.agents[agentId]?.monitorInteractionId ?? s.live.agents[agentId]?.interactionIds[0]);
  const currentText = useStore((s) => (currentId ? interactionSummary(s.live.interactions[currentId]) : ''));
  const current = currentId ? { id: currentId, text: currentText } : undefined;
  const now = useSecondTick();
  const [history, setHistory] = useState<AgentHistoryView | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const changedAt = agent ? `${agent.status}@${agent.statusSince}` : '';

  useEffect(() => heading.current?.focus(), [agentId]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void invoke('agent:history', { agentId }).then((r) => {
        if (!live) return;
        if (r.ok) {
          setHistory(r.value);
          setError(undefined);
        } else setError(r.error.message);
      });
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [agentId, changedAt]);

  const close = () => {
    dispatchAgents({ type: 'agents/open', agentId: undefined });
    if (!returnTo) return;
    // Back to the row it was opened from: now if it is on screen, else when it scrolls into view.
    requestRowFocus(returnTo);
    dispatchAgents({ type: 'agents/activeRow', key: returnTo });
    requestAnimationFrame(() => {
      const row = document.getElementById(rowDomId(returnTo));
      if (row && takeFocusRequest(returnTo)) row.focus();
    });
  };

  return (
    <aside
      className="agent-details"
      aria-labelledby="agent-details-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="agent-details-head">
        <h2 id="agent-details-title" ref={heading} tabIndex={-1}>
          {agent?.name ?? agentId}
        </h2>
        <button type="button" onClick={close} title="Close the agent's details (Escape)">
          Close
        </button>
      </div>
      {agent ? (
        <dl className="agent-facts">
          <dt>Status</dt>
          <dd>
            <span className={statusClass(agent.status)}>{agent.status}</span> <span className="tabular">for {formatElapsed(now - agent.statusSince)}</span>
          </dd>
          <dt>Extension</dt>
          <dd className="tabular">{agent.extension}</dd>
          <dt>Queues</dt>
          <dd>{queues || '—'}</dd>
          <dt>Skills</dt>
          <dd>{agent.skills?.length ? agent.skills.join(', ') : 'Not reported'}</dd>
          <dt>Now</dt>
          <dd>
            {current ? (
              <button type="button" className="link-button" onClick={() => openDetails(current.id, participantOfAgent(useStore.getState().live.interactions[current.id], agentId))}>
                {current.text}
              </button>
            ) : (
              'No interaction'
            )}
          </dd>
        </dl>
      ) : (
        <p className="muted">The contact center no longer reports this agent.</p>
      )}
      {error ? <p className="warn-text">State history unavailable: {error}</p> : null}
      {history ? <StateTimeline history={history} /> : error ? null : <p className="muted">Loading the state history…</p>}
    </aside>
  );
}
