import type { Agent, AgentView, Interaction, InteractionView, Queue, Supervisor } from '../../preload/contract';
import { agentMonitorAction } from './agentRules';
import type { SupervisionContext } from './context';
import { isMonitoredBy, isParticipating } from './conversationFacts';
import { digitalActions, hasNewActivity } from './digitalRules';
import { lookup, type Lookup } from './lookup';
import { slaMissed, slaMissedTurnsAfter } from './sla';
import { sessionOnInteraction, voiceActionsByParticipant } from './voiceRules';

/**
 * The shapes the renderer shows (preload/contract/views.ts): the domain
 * object plus every action this supervisor may take, each refusal with its
 * reason. Recompute when the interaction, the supervisor, the voice session
 * or the clock (for SLA) changes.
 */
export function toInteractionView(
  interaction: Interaction,
  supervisor: Supervisor,
  context: SupervisionContext,
  queuesById: Lookup<Queue>,
): InteractionView {
  const isVoice = interaction.channel === 'voice';
  const view: InteractionView = {
    ...interaction,
    participantActions: isVoice ? voiceActionsByParticipant(supervisor, interaction, context) : {},
    slaMissed: slaMissed(interaction, lookup(queuesById, interaction.queueId), context.now),
    supervisedByMe: isSupervisedBy(interaction, supervisor, context),
  };
  if (!isVoice) view.digitalActions = digitalActions(supervisor, interaction, context);
  if (context.lastViewedAt !== undefined) {
    view.unseenActivity = hasNewActivity(interaction, lookup(context.lastViewedAt, interaction.id));
  }
  return view;
}

/**
 * The time after which a view toInteractionView made at `context.now` no
 * longer holds by the clock alone (its SLA deadline while it waits), or
 * undefined when only a change to the interaction can change the view.
 */
export function interactionViewExpiresAfter(interaction: Interaction, context: SupervisionContext, queuesById: Lookup<Queue>): number | undefined {
  return slaMissedTurnsAfter(interaction, lookup(queuesById, interaction.queueId), context.now);
}

/**
 * The binocular in the supervisor's own list (rules 1, 13): their voice leg
 * is on it, they hold its monitor lock, or they take part in it.
 */
export function isSupervisedBy(interaction: Interaction, supervisor: Supervisor, context: SupervisionContext): boolean {
  if (interaction.channel === 'voice') {
    return sessionOnInteraction(supervisor.id, interaction, context.voiceSession) !== undefined;
  }
  return isMonitoredBy(interaction, supervisor.id) || isParticipating(interaction, supervisor);
}

export function toAgentView(
  agent: Agent,
  supervisor: Supervisor,
  interactionsById: Lookup<Interaction>,
  context: SupervisionContext,
): AgentView {
  const action = agentMonitorAction(supervisor, agent, interactionsById, context);
  const view: AgentView = { ...agent, monitor: action.monitor };
  if (action.monitorInteractionId !== undefined) view.monitorInteractionId = action.monitorInteractionId;
  return view;
}
