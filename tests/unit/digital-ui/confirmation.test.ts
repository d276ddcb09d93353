import { describe, expect, it } from 'vitest';
import * as main from '../../../main/supervision/confirmation';
import * as ui from '../../../renderer/src/views/digital/confirmation';

// The renderer mirrors main's rule 18 list and wording (it may not import main/): they must agree.
describe('confirmation mirror', () => {
  it('asks for exactly the actions main says the agent will see', () => {
    for (const action of main.supervisorChatActions) {
      expect(ui.requiresConfirmation(action), action).toBe(main.requiresConfirmation(action));
    }
    expect([...ui.actionsVisibleToAgent].sort()).toEqual([...main.actionsVisibleToAgent].sort());
  });

  it('asks in the same words', () => {
    const names = [{}, { agentName: 'Priya Shah', targetName: 'Technical Support', queueName: 'Billing' }, { agentName: 'Thomas' }];
    for (const action of main.supervisorChatActions) {
      for (const n of names) expect(ui.confirmationPrompt(action, n), action).toBe(main.confirmationPrompt(action, n));
    }
    expect(ui.confirmationPrompt('transfer', { agentName: 'Priya Shah', targetName: 'Technical Support' })).toBe(
      'Transfer this chat to Technical Support? Priya Shah will be notified.',
    );
  });
});
