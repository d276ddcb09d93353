/**
 * Rule 18: actions the agent will see ask for confirmation first. Mirrors
 * main/supervision/confirmation.ts (the renderer never imports main/);
 * tests/unit/digital-ui/confirmation.test.ts checks the two agree, word for word.
 * Main still checks and audits every action: this only decides when to ask.
 */
export type ChatAction = 'monitor' | 'stop' | 'participate' | 'send' | 'transfer' | 'release' | 'assign' | 'clearFlag' | 'markViewed';

export const actionsVisibleToAgent: readonly ChatAction[] = ['participate', 'send', 'transfer', 'release', 'assign'];

export function requiresConfirmation(action: ChatAction): boolean {
  return actionsVisibleToAgent.includes(action);
}

export interface ConfirmationNames {
  agentName?: string;
  targetName?: string;
  queueName?: string;
}

export function confirmationPrompt(action: ChatAction, names: ConfirmationNames = {}): string | undefined {
  const agent = names.agentName ?? 'the agent';
  switch (action) {
    case 'participate':
      return `Join this chat? ${capitalise(agent)} and the customer will see your messages.`;
    case 'send':
      return `Send this message? ${capitalise(agent)} and the customer will see it, labelled as from a supervisor.`;
    case 'transfer':
      return `Transfer this chat to ${names.targetName ?? 'the selected agent or queue'}? ${capitalise(agent)} will be notified.`;
    case 'release':
      return `Release this chat to ${names.queueName ?? 'its queue'}? It leaves ${possessive(agent)} list.`;
    case 'assign':
      return `Assign this chat to ${names.targetName ?? 'the selected agent or queue'}?`;
    default:
      return undefined;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
