import type { AgentView, InteractionView } from '../../../../preload/contract';
import type { LiveState } from './initialState';

export const selectSupervisor = (s: LiveState) => s.supervisor;
export const selectAgent = (id: string) => (s: LiveState): AgentView | undefined => s.agents[id];
export const selectInteraction = (id: string | undefined) => (s: LiveState): InteractionView | undefined =>
  id ? s.interactions[id] : undefined;

/**
 * Remembers the answer for the last `interactions` object it saw. Every
 * dispatch runs every selector (typing indicators alone are ~250 a second in
 * the demo), while `interactions` changes only with a delta: a scan of
 * thousands of interactions per dispatch became one per delta.
 */
function perInteractions<T>(compute: (interactions: LiveState['interactions']) => T): (s: LiveState) => T {
  let seen: LiveState['interactions'] | undefined;
  let result: T;
  return (s) => {
    if (s.interactions !== seen) {
      result = compute(s.interactions);
      seen = s.interactions;
    }
    return result;
  };
}

/** Interactions this supervisor is monitoring or participating in (their own interaction panel, rule 13). */
export const selectMyInteractions = (s: LiveState): InteractionView[] =>
  Object.values(s.interactions).filter((i) => i.supervisedByMe);

/**
 * Ids of the supervisor's own interactions, oldest first. The same array while
 * the ids stay the same, so the panel does not render for others' changes.
 */
export const selectMyInteractionIds = (() => {
  let last: string[] = [];
  return perInteractions((interactions): string[] => {
    const ids = Object.values(interactions)
      .filter((i) => i.supervisedByMe)
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((i) => i.id);
    if (ids.length !== last.length || ids.some((id, n) => id !== last[n])) last = ids;
    return last;
  });
})();

export const selectVoiceInteractions = (s: LiveState): InteractionView[] =>
  Object.values(s.interactions).filter((i) => i.channel === 'voice' && i.state !== 'ended');

export const selectDigitalInteractions = (s: LiveState): InteractionView[] =>
  Object.values(s.interactions).filter((i) => i.channel !== 'voice');

/** The Chats tab marker: any SLA missed or assistance requested (rule 16). */
export const selectChatsNeedAttention = perInteractions((interactions): boolean =>
  Object.values(interactions).some((i) => i.channel !== 'voice' && (i.slaMissed || i.assistanceRequested)),
);

export const agentName = (s: LiveState, id: string | undefined): string => (id ? s.agents[id]?.name ?? id : '');
