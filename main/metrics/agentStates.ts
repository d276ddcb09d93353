import type { Agent } from '../../preload/contract';
import type { AgentCounts } from '../../preload/contract/metrics';

export type AgentActivity = 'offline' | 'onContact' | 'afterCallWork' | 'available' | 'away';

/**
 * What an agent is doing, for the staffing counts. Staffed = logged in (not
 * Offline). On contact wins over everything (an agent with a live interaction
 * is working it); after-call work next; "available" = On Queue and idle (can
 * be routed a contact); "away" = logged in but not taking contacts (Available
 * off queue, Busy, Away).
 */
export function agentActivity(agent: Agent): AgentActivity {
  if (agent.status === 'Offline') return 'offline';
  if (agent.interactionIds.length > 0) return 'onContact';
  if (agent.afterCallWorkSince !== undefined) return 'afterCallWork';
  if (agent.status === 'On Queue') return 'available';
  return 'away';
}

export const emptyAgentCounts = (): AgentCounts => ({ staffed: 0, available: 0, onContact: 0, afterCallWork: 0, away: 0 });

export function countAgent(counts: AgentCounts, activity: AgentActivity): void {
  if (activity === 'offline') return;
  counts.staffed += 1;
  counts[activity] += 1;
}
