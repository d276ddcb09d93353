// Shared by main (rule checks) and the renderer (when to ask): one wording, no copy.
/**
 * Rule 18 (seed 003): actions the agent will see ask for confirmation first.
 * Monitoring, stopping a monitor, clearing the supervisor's own assistance
 * marker and marking a chat viewed are invisible to the agent and customer.
 */
export const supervisorChatActions = [
  'monitor',
  'stop',
  'participate',
  'send',
  'transfer',
  'release',
  'assign',
  'clearFlag',
  'markViewed',
] as const;
export type SupervisorChatAction = (typeof supervisorChatActions)[number];

export const actionsVisibleToAgent: readonly SupervisorChatAction[] = ['participate', 'send', 'transfer', 'release', 'assign'];

export function requiresConfirmation(action: SupervisorChatAction): boolean {
  return actionsVisibleToAgent.includes(action);
}

export interface ConfirmationNames {
  /** The agent who has the chat now, if any. */
  agentName?: string;
  /** The agent or queue the chat goes to (transfer, assign). */
  targetName?: string;
  /** The chat's queue (release). */
  queueName?: string;
}

/**
 * The question to ask before an action the agent will see, or undefined when
 * no confirmation is needed. Says who will notice, so the supervisor knows
 * the action is not silent.
 */
export function confirmationPrompt(action: SupervisorChatAction, names: ConfirmationNames = {}): string | undefined {
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
