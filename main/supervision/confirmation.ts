// Rule 18 lives in the contract so main and the renderer ask with the same words.
export {
  actionsVisibleToAgent,
  confirmationPrompt,
  requiresConfirmation,
  supervisorChatActions,
  type ConfirmationNames,
  type SupervisorChatAction,
} from '../../preload/contract/confirmation';
