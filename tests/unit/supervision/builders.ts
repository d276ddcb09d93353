import type {
  Agent,
  Interaction,
  Participant,
  Permission,
  Queue,
  Supervisor,
  SupervisionMode,
} from '../../../preload/contract';
import { permissions as allPermissions } from '../../../preload/contract';
import type { SupervisionContext, VoiceSessionRef } from '../../../main/supervision';

/** Small builders for supervision tests: sensible defaults, override what the test is about. */

export const T0 = 1_700_000_000_000;

export function supervisor(overrides: Partial<Supervisor> = {}): Supervisor {
  return {
    id: 'sup-1',
    name: 'Sam Carter',
    status: 'Available',
    permissions: [...allPermissions],
    extension: '9001',
    ...overrides,
  };
}

export function withoutPermission(sup: Supervisor, ...missing: Permission[]): Supervisor {
  return { ...sup, permissions: sup.permissions.filter((p) => !missing.includes(p)) };
}

export function participant(overrides: Partial<Participant> & Pick<Participant, 'id'>): Participant {
  return {
    name: overrides.id,
    kind: 'internal',
    role: 'agent',
    state: 'connected',
    inConsult: false,
    inConference: false,
    joinedAt: T0,
    ...overrides,
  };
}

export const agentParty = (overrides: Partial<Participant> = {}): Participant =>
  participant({ id: 'p-agent', name: 'Alex Kim', kind: 'internal', role: 'agent', agentId: 'agent-1', ...overrides });

export const customerParty = (overrides: Partial<Participant> = {}): Participant =>
  participant({ id: 'p-customer', name: 'Chris Doe', kind: 'external', role: 'customer', joinedAt: T0 - 1000, ...overrides });

export const specialistParty = (overrides: Partial<Participant> = {}): Participant =>
  participant({
    id: 'p-specialist',
    name: 'Pat Lee',
    kind: 'internal',
    role: 'specialist',
    agentId: 'agent-2',
    inConsult: true,
    joinedAt: T0 + 60_000,
    ...overrides,
  });

export const supervisorParty = (
  supervisorId: string,
  name: string,
  mode: SupervisionMode,
  targetParticipantId = 'p-agent',
  overrides: Partial<Participant> = {},
): Participant =>
  participant({
    id: `p-${supervisorId}`,
    name,
    kind: 'internal',
    role: 'supervisor',
    agentId: supervisorId,
    supervising: { supervisorId, mode, targetParticipantId },
    joinedAt: T0 + 30_000,
    ...overrides,
  });

/** A connected agent-customer call. */
export function call(overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: 'call-1',
    channel: 'voice',
    state: 'connected',
    queueId: 'q-1',
    startedAt: T0 - 1000,
    monitorable: true,
    participants: [customerParty(), agentParty()],
    assistanceRequested: false,
    supervisorsInvolved: [],
    ...overrides,
  };
}

/** An assigned chat: customer plus agent. */
export function chat(overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: 'chat-1',
    channel: 'chat',
    state: 'connected',
    queueId: 'q-1',
    startedAt: T0 - 1000,
    monitorable: true,
    participants: [customerParty(), agentParty()],
    assistanceRequested: false,
    supervisorsInvolved: [],
    ...overrides,
  };
}

/** A chat waiting in its queue, no agent yet. */
export function pendingChat(overrides: Partial<Interaction> = {}): Interaction {
  return chat({ id: 'chat-pending', state: 'pending', participants: [customerParty()], ...overrides });
}

export function queue(overrides: Partial<Queue> = {}): Queue {
  return { id: 'q-1', name: 'Billing', waiting: 0, slaSeconds: 60, ...overrides };
}

export function agent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 'agent-1',
    name: 'Alex Kim',
    status: 'On Queue',
    statusSince: T0 - 100_000,
    queueIds: ['q-1'],
    extension: '2001',
    interactionIds: [],
    ...overrides,
  };
}

export function context(overrides: Partial<SupervisionContext> = {}): SupervisionContext {
  return { now: T0 + 120_000, ...overrides };
}

export function session(
  mode: SupervisionMode,
  participantId = 'p-agent',
  interactionId = 'call-1',
): VoiceSessionRef {
  return { interactionId, participantId, mode };
}

export function byId<T extends { id: string }>(...items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
