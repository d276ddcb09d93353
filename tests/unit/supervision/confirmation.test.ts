import { describe, expect, it } from 'vitest';
import { actionsVisibleToAgent, confirmationPrompt, requiresConfirmation, supervisorChatActions } from '../../../main/supervision';

describe('rule 18: confirmation before actions the agent will see', () => {
  it('participate, send, transfer, release and assign ask first', () => {
    expect([...actionsVisibleToAgent].sort()).toEqual(['assign', 'participate', 'release', 'send', 'transfer']);
    for (const action of actionsVisibleToAgent) expect(requiresConfirmation(action)).toBe(true);
  });

  it('monitor, stop, clearing the flag and marking viewed are silent', () => {
    for (const action of ['monitor', 'stop', 'clearFlag', 'markViewed'] as const) expect(requiresConfirmation(action)).toBe(false);
  });

  it('every action is classified', () => {
    const silent = supervisorChatActions.filter((a) => !requiresConfirmation(a));
    expect(silent.length + actionsVisibleToAgent.length).toBe(supervisorChatActions.length);
  });

  it('prompts say who will notice', () => {
    expect(confirmationPrompt('participate', { agentName: 'Alex Kim' })).toBe('Join this chat? Alex Kim and the customer will see your messages.');
    expect(confirmationPrompt('send')).toBe('Send this message? The agent and the customer will see it, labelled as from a supervisor.');
    expect(confirmationPrompt('transfer', { agentName: 'Alex Kim', targetName: 'Billing' })).toBe(
      'Transfer this chat to Billing? Alex Kim will be notified.',
    );
    expect(confirmationPrompt('release', { agentName: 'Chris Jones', queueName: 'Billing' })).toBe(
      "Release this chat to Billing? It leaves Chris Jones' list.",
    );
    expect(confirmationPrompt('release')).toBe("Release this chat to its queue? It leaves the agent's list.");
    expect(confirmationPrompt('assign', { targetName: 'Nina Park' })).toBe('Assign this chat to Nina Park?');
  });

  it('silent actions have no prompt', () => {
    for (const action of ['monitor', 'stop', 'clearFlag', 'markViewed'] as const) expect(confirmationPrompt(action)).toBeUndefined();
  });
});
