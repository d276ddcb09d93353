import type { Agent } from '../../preload/contract';
import type { AgentHistoryView } from '../../preload/contract/agents';
import { agentHistoryView, recordAgentState, type AgentStateHistory } from '../metrics/agentStateHistory';
import { localDayStart } from './MetricsFeed';

/**
 * Every agent's states today, fed from connector events on the core's clock
 * (a demo at --speed 5 records demo time). Memory: at most
 * MAX_SEGMENTS_PER_AGENT segments per agent the platform still reports.
 */
export class AgentStateHistories {
  private readonly byAgent = new Map<string, AgentStateHistory>();

  observe(agents: Iterable<Agent>, at: number): void {
    const dayStart = localDayStart(at);
    for (const a of agents) this.byAgent.set(a.id, recordAgentState(this.byAgent.get(a.id), a.status, a.statusSince, at, dayStart));
  }

  /** The platform no longer reports these agents: nothing to show for them. */
  forget(ids: readonly string[]): void {
    for (const id of ids) this.byAgent.delete(id);
  }

  view(agentId: string, now: number): AgentHistoryView | undefined {
    const h = this.byAgent.get(agentId);
    if (!h) return undefined;
    // A day that ended since the last change: today starts with the state the agent is still in.
    const today = localDayStart(now);
    const current = h.dayStart < today ? recordAgentState(h, h.segments.at(-1)?.state ?? 'Offline', today, now, today) : h;
    return agentHistoryView(agentId, current, now);
  }
}
