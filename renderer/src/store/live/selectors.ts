import type { AgentView, InteractionView } from '../../../../preload/contract';
import type { LiveState } from './initialState';

export const selectSupervisor = (s: LiveState) => s.supervisor;
export const selectAgent = (id: string) => (s: LiveState): AgentView | undefined => s.agents[id];
export const selectInteraction = (id: string | undefined) => (s: LiveState): InteractionView | undefined =>
  id ? s.interactions[id] : undefined;

/** Interactions this supervisor is monitoring or participating in (their own interaction panel, rule 13). */
export const selectMyInteractions = (s: LiveState): InteractionView[] =>
  Object.values(s.interactions).filter((i) => i.supervisedByMe);

export const selectVoiceInteractions = (s: LiveState): InteractionView[] =>
  Object.values(s.interactions).filter((i) => i.channel === 'voice' && i.state !== 'ended');

export const selectDigitalInteractions = (s: LiveState): InteractionView[] =>
  Object.values(s.interactions).filter((i) => i.channel !== 'voice');

/** The Chats tab marker: any SLA missed or assistance requested (rule 16). */
export const selectChatsNeedAttention = (s: LiveState): boolean =>
  Object.values(s.interactions).some((i) => i.channel !== 'voice' && (i.slaMissed || i.assistanceRequested));

export const agentName = (s: LiveState, id: string | undefined): string => (id ? s.agents[id]?.name ?? id : '');
