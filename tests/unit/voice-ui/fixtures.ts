import type { AgentView, InteractionView, Participant, VoiceSession } from '../../../preload/contract';

export const allowed = { allowed: true } as const;
export const refused = (reason: string) => ({ allowed: false, reason }) as const;

export const agent = (id: string, name: string, status: AgentView['status'] = 'Available'): AgentView => ({
  id,
  name,
  status,
  statusSince: 0,
  queueIds: [],
  extension: id,
  interactionIds: [],
  monitor: refused('Not on an interaction'),
});

export const participant = (id: string, name: string, extra: Partial<Participant> = {}): Participant => ({
  id,
  name,
  kind: 'internal',
  role: 'agent',
  state: 'connected',
  inConsult: false,
  inConference: false,
  joinedAt: 0,
  ...extra,
});

export const call = (extra: Partial<InteractionView> = {}): InteractionView => ({
  id: 'c1',
  channel: 'voice',
  state: 'connected',
  startedAt: 0,
  monitorable: true,
  participants: [
    participant('p-agent', 'Alex Kim', { agentId: 'agent-1' }),
    participant('p-cust', 'Jennifer Morales', { kind: 'external', role: 'customer' }),
  ],
  assistanceRequested: false,
  supervisorsInvolved: [],
  participantActions: {
    'p-agent': { monitor: allowed, coach: allowed, barge: allowed, stop: refused('You are not monitoring this call') },
    'p-cust': {
      monitor: allowed,
      coach: refused('Only agents can be coached, not external participants'),
      barge: refused('Barge is not allowed for external participants'),
      stop: refused('You are not monitoring this call'),
    },
  },
  slaMissed: false,
  supervisedByMe: false,
  ...extra,
});

export const session = (extra: Partial<VoiceSession> = {}): VoiceSession => ({
  interactionId: 'c1',
  participantId: 'p-agent',
  mode: 'monitor',
  state: 'active',
  startedAt: 1_000,
  micLive: false,
  hearing: ['Alex Kim', 'Jennifer Morales'],
  heardBy: [],
  ...extra,
});
