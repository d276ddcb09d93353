import { audibility, interactionViewExpiresAfter, toAgentView, toInteractionView, type SupervisionContext } from '../supervision';
import type { RulesPort, ViewContext } from './ports';

/** The core's view of main/supervision: the pure rules, fed from the core's mirror. */
export const supervisionRules: RulesPort = {
  agentView: (agent, ctx) => toAgentView(agent, ctx.supervisor, ctx.interactions, toRulesContext(ctx)),
  interactionView: (interaction, ctx) => toInteractionView(interaction, ctx.supervisor, toRulesContext(ctx), ctx.queues),
  interactionViewExpiresAfter: (interaction, ctx) => interactionViewExpiresAfter(interaction, toRulesContext(ctx), ctx.queues),
  audibility: (interaction, participantId, mode, mixing) => audibility(interaction, participantId, mode, mixing),
};

function toRulesContext(ctx: ViewContext): SupervisionContext {
  return { now: ctx.now, agentsById: ctx.agents, ...(ctx.voice ? { voiceSession: ctx.voice } : {}) };
}
