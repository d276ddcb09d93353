import type { AgentView, ConnectorStatus, InteractionView, Queue, Supervisor, VoiceSession } from '../../../../preload/contract';

/** The renderer's mirror of what main reported: no rules here, only what main sent. */
export interface LiveState {
  loaded: boolean;
  at: number;
  supervisor: Supervisor | undefined;
  connector: ConnectorStatus | undefined;
  agents: Record<string, AgentView>;
  /** Agent ids sorted by name; recomputed only when the set of agents changes. */
  agentOrder: string[];
  queues: Record<string, Queue>;
  interactions: Record<string, InteractionView>;
  voiceSession: VoiceSession | undefined;
}

export const initialLiveState: LiveState = {
  loaded: false,
  at: 0,
  supervisor: undefined,
  connector: undefined,
  agents: {},
  agentOrder: [],
  queues: {},
  interactions: {},
  voiceSession: undefined,
};
