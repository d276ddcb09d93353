import type { Agent, Availability, Interaction, Supervisor } from '../../preload/contract';
import { refused } from './availability';
import type { SupervisionContext } from './context';
import { digitalActions } from './digitalRules';
import { lookup, type Lookup } from './lookup';
import { isEnded, participantOfAgent } from './participants';
import { reasons } from './reasons';
import { voiceParticipantActions } from './voiceRules';

/** The binocular button next to an agent (Agents view, Queue activity). */
export interface AgentMonitorAction {
  monitor: Availability;
  /** The interaction the binocular would monitor, also when refused (its reason explains why). */
  monitorInteractionId?: string;
  /** The agent's participant in it: the one a voice monitor picks. */
  monitorParticipantId?: string;
}

/**
 * Which of the agent's current interactions the binocular opens and whether
 * this supervisor may monitor it. Prefers one the supervisor may monitor;
 * among equals, calls before digital conversations (one voice monitor at a
 * time makes them the scarce case), then the longest-running. If none may be
 * monitored, the tooltip gives the preferred one's reason.
 */
export function agentMonitorAction(
  supervisor: Supervisor,
  agent: Agent,
  interactionsById: Lookup<Interaction>,
  context: SupervisionContext,
): AgentMonitorAction {
  const candidates = agent.interactionIds
    .map((id) => lookup(interactionsById, id))
    .filter((i): i is Interaction => i !== undefined && !isEnded(i))
    .map((interaction) => ({ interaction, participant: participantOfAgent(interaction, agent.id) }))
    .filter((c) => c.participant !== undefined)
    .sort(
      (a, b) =>
        channelRank(a.interaction) - channelRank(b.interaction) || a.interaction.startedAt - b.interaction.startedAt,
    );
  if (candidates.length === 0) return { monitor: refused(reasons.agentNotOnInteraction) };

  const options = candidates.map(({ interaction, participant }) => ({
    interactionId: interaction.id,
    participantId: participant?.id,
    monitor:
      interaction.channel === 'voice'
        ? voiceParticipantActions(supervisor, interaction, participant?.id ?? '', context).monitor
        : digitalActions(supervisor, interaction, context).monitor,
  }));
  const chosen = options.find((o) => o.monitor.allowed) ?? options[0];
  if (chosen === undefined) return { monitor: refused(reasons.agentNotOnInteraction) };
  return {
    monitor: chosen.monitor,
    monitorInteractionId: chosen.interactionId,
    ...(chosen.participantId !== undefined ? { monitorParticipantId: chosen.participantId } : {}),
  };
}

function channelRank(interaction: Interaction): number {
  return interaction.channel === 'voice' ? 0 : 1;
}
