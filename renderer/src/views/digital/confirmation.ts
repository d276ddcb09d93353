/**
 * Rule 18: actions the agent will see ask for confirmation first. The list
 * and the wording are shared with main through the contract; main still
 * checks and audits every action, this only decides when to ask.
 */
export {
  actionsVisibleToAgent,
  confirmationPrompt,
  requiresConfirmation,
  type ConfirmationNames,
  type SupervisorChatAction as ChatAction,
} from '../../../../preload/contract/confirmation';
