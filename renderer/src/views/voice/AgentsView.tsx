import { useStore } from '../../store';
import { useAgentsUi } from '../../store/agents';
import { selectOpenAgentId } from '../../store/agents/selectors';
import { AgentDetails } from '../agents/AgentDetails';
import { AgentFilters } from '../agents/AgentFilters';
import { AgentsGrid } from '../agents/AgentsGrid';
import { useRememberedChoices } from '../agents/rememberedChoices';
import { useAgentTable } from '../agents/useAgentTable';
import { MetricsStrip } from '../metrics/MetricsStrip';
import '../agents/agents.css';
import './voice.css';

/**
 * Agents and what they are doing (issues 4 and 12): search, filter, sort and
 * group (views/agents), virtualized rows that each subscribe to their own
 * agent, and the open agent's details with today's state history.
 */
export function AgentsView() {
  useRememberedChoices();
  const total = useStore((s) => s.live.agentOrder.length);
  const { rows, shown } = useAgentTable();
  const openAgentId = useAgentsUi(selectOpenAgentId);
  const activeRow = useAgentsUi((s) => s.activeRow);
  return (
    <section aria-labelledby="agents-title" className={`view voice-view agents-view${openAgentId ? ' with-details' : ''}`}>
      <h1 id="agents-title">Agents</h1>
      <MetricsStrip />
      <AgentFilters shown={shown} total={total} />
      <div className="agents-body">
        <div className="agents-main">
          <AgentsGrid rows={rows} />
          {rows.length === 0 ? <p className="muted empty">No agents match this filter.</p> : null}
        </div>
        {openAgentId ? <AgentDetails key={openAgentId} agentId={openAgentId} returnTo={activeRow} /> : null}
      </div>
    </section>
  );
}
