/**
 * main/supervision: the supervision rules as pure functions (DESIGN.md rules
 * 1-18). No I/O, no clock, no randomness: time and ids are arguments.
 */
export { allowed, refused, firstRefusal, reasonOf } from './availability';
export type { SupervisionContext, VoiceSessionRef } from './context';
export { lookup, type Lookup } from './lookup';
export { reasons, permissionLabel, doingVerb } from './reasons';
export {
  voiceModePermission,
  joinCallPermission,
  digitalMonitorPermissions,
  chatAssignmentPermission,
  participatePermission,
  hasPermission,
} from './permissions';
export {
  voiceParticipantActions,
  voiceActionsByParticipant,
  voiceModeAvailability,
  voiceStopAvailability,
  coachLockHolder,
  sessionOnInteraction,
} from './voiceRules';
export { micToggle, coachToggle, modeChange, type ModeTransition } from './modeTransitions';
export {
  audibility,
  audibilityPreview,
  audibilityTable,
  spiedChannelTable,
  spiedAgent,
  heardOnLeg,
  heardParticipants,
  callScenario,
  heardByPreview,
  joinNames,
  newAgentsInTransfer,
  type Audibility,
  type AudibilityPreviewRow,
  type CallScenario,
  type HeardOnLeg,
  type PbxMixing,
  type PickedSide,
} from './audibility';
export {
  digitalActions,
  sendAvailability,
  attentionMarkers,
  chatsTabNeedsAttention,
  hasNewActivity,
  type AttentionMarkers,
} from './digitalRules';
export { isAssigned, isPending, isMonitoredBy, isParticipating } from './conversationFacts';
export { slaMissed, slaMissedTurnsAfter, slaDeadline, answeredAt } from './sla';
export {
  requiresConfirmation,
  confirmationPrompt,
  actionsVisibleToAgent,
  supervisorChatActions,
  type SupervisorChatAction,
  type ConfirmationNames,
} from './confirmation';
export { agentMonitorAction, type AgentMonitorAction } from './agentRules';
export {
  acquireMonitorLock,
  releaseMonitorLock,
  releaseLockIfEnded,
  releaseLocksOf,
  type LockResult,
} from './locks';
export {
  supervisionStartedEvent,
  supervisionModeChangedEvent,
  supervisionEndedEvent,
  nextPeriods,
  supervisorsWhoTookPart,
  type SupervisionEventInput,
} from './timeline';
export { toInteractionView, interactionViewExpiresAfter, toAgentView, isSupervisedBy } from './views';
export { isEnded, isHandledBy, participantOfAgent } from './participants';
