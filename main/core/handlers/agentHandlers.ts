import { CommandError } from '../../../preload/contract';
import type { Handlers } from '../dispatch';
import type { AgentStateHistories } from '../AgentStateHistories';

/** What these handlers need from the core (a narrow port, DESIGN.md). */
export interface AgentHistoryPort {
  agentHistory: AgentStateHistories;
  now(): number;
}

export function agentHandlers(core: AgentHistoryPort): Handlers {
  return {
    'agent:history': ({ agentId }) => {
      const view = core.agentHistory.view(agentId, core.now());
      if (!view) throw new CommandError('NOT_FOUND', 'This agent is not reported by the contact center.');
      return view;
    },
  };
}
