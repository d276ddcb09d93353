import { describe, expect, it } from 'vitest';
import type { AgentView, InteractionView, Snapshot } from '../../../preload/contract';
import { initialLiveState } from '../../../renderer/src/store/live/initialState';
import { liveReducer } from '../../../renderer/src/store/live/reducer';
import { selectChatsNeedAttention, selectMyInteractionIds, selectMyInteractions } from '../../../renderer/src/store/live/selectors';

const agent = (id: string, name: string, status: AgentView['status'] = 'Available'): AgentView => ({
  id,
  name,
  status,
  statusSince: 0,
  queueIds: [],
  extension: id,
  interactionIds: [],
  monitor: { allowed: false, reason: 'Not on an interaction' },
});

const chat = (id: string, extra: Partial<InteractionView> = {}): InteractionView => ({
  id,
  channel: 'chat',
  state: 'connected',
  startedAt: 0,
  monitorable: true,
  participants: [],
  assistanceRequested: false,
  supervisorsInvolved: [],
  participantActions: {},
  slaMissed: false,
  supervisedByMe: false,
  ...extra,
});

const snapshot: Snapshot = {
  at: 1,
  supervisor: { id: 's', name: 'Morgan Lee', status: 'Available', permissions: [] },
  agents: [agent('a2', 'Zoe'), agent('a1', 'Alex')],
  queues: [],
  interactions: [chat('c1')],
  connector: { name: 'demo', state: 'online' },
};

describe('live slice', () => {
  it('loads a snapshot with agents ordered by name', () => {
    const s = liveReducer(initialLiveState, { type: 'live/snapshot', snapshot });
    expect(s.loaded).toBe(true);
    expect(s.agentOrder).toEqual(['a1', 'a2']);
    expect(s.supervisor?.name).toBe('Morgan Lee');
  });

  it('applies a delta and keeps untouched parts identical', () => {
    const s1 = liveReducer(initialLiveState, { type: 'live/snapshot', snapshot });
    const s2 = liveReducer(s1, { type: 'live/delta', delta: { at: 2, agents: [agent('a1', 'Alex', 'Busy')] } });
    expect(s2.agents.a1?.status).toBe('Busy');
    expect(s2.agents.a2).toBe(s1.agents.a2);
    expect(s2.agentOrder).toBe(s1.agentOrder);
    expect(s2.interactions).toBe(s1.interactions);
  });

  it('adds and removes agents and interactions', () => {
    const s1 = liveReducer(initialLiveState, { type: 'live/snapshot', snapshot });
    const s2 = liveReducer(s1, {
      type: 'live/delta',
      delta: { at: 2, agents: [agent('a0', 'Bea')], removedAgentIds: ['a2'], removedInteractionIds: ['c1'] },
    });
    expect(s2.agentOrder).toEqual(['a1', 'a0']);
    expect(s2.interactions).toEqual({});
  });

  it('selectors: own interactions and the Chats attention marker', () => {
    const s = liveReducer(initialLiveState, {
      type: 'live/snapshot',
      snapshot: { ...snapshot, interactions: [chat('c1', { supervisedByMe: true }), chat('c2', { slaMissed: true })] },
    });
    expect(selectMyInteractions(s).map((i) => i.id)).toEqual(['c1']);
    expect(selectChatsNeedAttention(s)).toBe(true);
    expect(selectChatsNeedAttention(liveReducer(initialLiveState, { type: 'live/snapshot', snapshot }))).toBe(false);
  });

  it('selectors over all interactions follow every delta, and keep their answer (same array) when the interactions did not change', () => {
    const s1 = liveReducer(initialLiveState, {
      type: 'live/snapshot',
      snapshot: { ...snapshot, interactions: [chat('c1', { supervisedByMe: true, startedAt: 5 }), chat('c2')] },
    });
    expect(selectMyInteractionIds(s1)).toEqual(['c1']);
    expect(selectChatsNeedAttention(s1)).toBe(false);
    // An agent-only delta: the same array comes back (the panel does not render).
    const s2 = liveReducer(s1, { type: 'live/delta', delta: { at: 2, agents: [agent('a1', 'Alex', 'Busy')] } });
    expect(selectMyInteractionIds(s2)).toBe(selectMyInteractionIds(s1));
    // Another supervisor's chat changes: still the same ids, still the same array.
    const s3 = liveReducer(s2, { type: 'live/delta', delta: { at: 3, interactions: [chat('c2', { assistanceRequested: true })] } });
    expect(selectMyInteractionIds(s3)).toBe(selectMyInteractionIds(s1));
    expect(selectChatsNeedAttention(s3)).toBe(true);
    // The supervisor joins an older chat: it comes first (oldest first), and the marker clears with the request.
    const s4 = liveReducer(s3, {
      type: 'live/delta',
      delta: { at: 4, interactions: [chat('c2', { supervisedByMe: true, startedAt: 1 })] },
    });
    expect(selectMyInteractionIds(s4)).toEqual(['c2', 'c1']);
    expect(selectChatsNeedAttention(s4)).toBe(false);
    // An earlier state read again gets its own answer.
    expect(selectMyInteractionIds(s1)).toEqual(['c1']);
  });
});
