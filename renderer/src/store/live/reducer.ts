import type { Delta, Snapshot, VoiceSession } from '../../../../preload/contract';
import type { LiveState } from './initialState';

export type LiveAction =
  | { type: 'live/snapshot'; snapshot: Snapshot }
  | { type: 'live/delta'; delta: Delta }
  | { type: 'live/voiceSession'; session: VoiceSession | null };

const byName = (agents: LiveState['agents']) =>
  Object.keys(agents).sort((a, b) => (agents[a]?.name ?? '').localeCompare(agents[b]?.name ?? ''));

/** Pure: applies a snapshot or a batched delta. Unchanged parts keep their identity so components skip re-rendering. */
export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'live/snapshot': {
      const s = action.snapshot;
      const agents = Object.fromEntries(s.agents.map((a) => [a.id, a]));
      return {
        loaded: true,
        at: s.at,
        supervisor: s.supervisor,
        connector: s.connector,
        agents,
        agentOrder: byName(agents),
        queues: Object.fromEntries(s.queues.map((q) => [q.id, q])),
        interactions: Object.fromEntries(s.interactions.map((i) => [i.id, i])),
        // An ended monitor's wrap-up (main no longer holds it) stays until closed, across a reconnect too.
        voiceSession: s.voiceSession ?? (state.voiceSession?.state === 'ended' ? state.voiceSession : undefined),
      };
    }
    case 'live/delta': {
      const d = action.delta;
      let next: LiveState = { ...state, at: d.at };
      if (d.supervisor) next.supervisor = d.supervisor;
      if (d.connector) next.connector = d.connector;
      if (d.queues) next.queues = Object.fromEntries(d.queues.map((q) => [q.id, q]));
      if (d.agents?.length || d.removedAgentIds?.length) {
        const agents = { ...state.agents };
        let membershipChanged = false;
        for (const a of d.agents ?? []) {
          if (!agents[a.id] || agents[a.id]?.name !== a.name) membershipChanged = true;
          agents[a.id] = a;
        }
        for (const id of d.removedAgentIds ?? []) {
          if (agents[id]) membershipChanged = true;
          delete agents[id];
        }
        next = { ...next, agents, agentOrder: membershipChanged ? byName(agents) : state.agentOrder };
      }
      if (d.interactions?.length || d.removedInteractionIds?.length) {
        const interactions = { ...state.interactions };
        for (const i of d.interactions ?? []) interactions[i.id] = i;
        for (const id of d.removedInteractionIds ?? []) delete interactions[id];
        next.interactions = interactions;
      }
      return next;
    }
    case 'live/voiceSession':
      return { ...state, voiceSession: action.session ?? undefined };
    default:
      return state;
  }
}
