import type { Alert } from '../../../../preload/contract';
import { dispatch, useStore } from '../../store';
import { dispatchAgents } from '../../store/agents';
import { dispatchAlerts } from '../../store/alerts';
import { dispatchVoice } from '../../store/voice';
import { openDetails } from '../voice/commands';

/** Opens the Alerts panel, on one alert when given (a desktop notification was clicked). */
export function showAlert(alertId: string | undefined): void {
  dispatch({ type: 'ui/show', view: 'alerts' });
  dispatchAlerts({ type: 'alerts/focus', alertId });
}

/** Why "Open" cannot go to the alert's interaction, or undefined when it can. */
export function interactionGone(alert: Alert): string | undefined {
  const id = alert.subject.interactionId;
  if (!id) return 'This alert is not about one interaction';
  const ix = useStore.getState().live.interactions[id];
  return ix && ix.state !== 'ended' ? undefined : 'It has ended; its cached copy is under Transcripts';
}

/** Opens the interaction's details (the agent preselected when the alert names one). */
export function openInteraction(alert: Alert): void {
  const id = alert.subject.interactionId;
  if (!id || interactionGone(alert)) return;
  const ix = useStore.getState().live.interactions[id];
  const participant = ix?.participants.find((p) => p.agentId !== undefined && p.agentId === alert.subject.agentId);
  openDetails(id, ix?.channel === 'voice' ? participant?.id : undefined);
}

/**
 * Shows the agent in Agents with their details open (state, today's timeline), searched by name
 * over every status so their row and monitor button are at hand when the details close.
 */
export function showAgent(alert: Alert): void {
  const agentId = alert.subject.agentId;
  const agent = agentId ? useStore.getState().live.agents[agentId] : undefined;
  if (!agent) return;
  dispatchVoice({ type: 'voice/agentFilter', query: agent.name, status: 'all' });
  dispatchAgents({ type: 'agents/open', agentId: agent.id });
  dispatch({ type: 'ui/show', view: 'agents' });
}

/** Queue activity, where the queue's row shows the numbers behind the alert. */
export function showQueue(): void {
  dispatch({ type: 'ui/show', view: 'queues' });
}
