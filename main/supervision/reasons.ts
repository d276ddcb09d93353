import type { Permission, SupervisionMode } from '../../preload/contract';

/**
 * Every sentence a supervisor may read on a disabled button. Kept in one
 * place so the wording stays consistent and tests can refer to it.
 */

const permissionLabels: Record<Permission, string> = {
  'call:monitor': 'Call Monitor',
  'call:add': 'Call Add',
  'call:coach': 'Call Coach',
  'call:barge': 'Call Barge',
  'message:monitor': 'Message Monitor',
  'message:view': 'Message View',
  'message:accept': 'Message Accept',
  'chat:participate': 'Chat Participate',
};

export function permissionLabel(permission: Permission): string {
  return permissionLabels[permission];
}

/** "monitoring", "coaching", "barging into": reads well before a name or "another call". */
export function doingVerb(mode: SupervisionMode): string {
  switch (mode) {
    case 'monitor':
      return 'monitoring';
    case 'coach':
      return 'coaching';
    case 'barge':
      return 'barging into';
  }
}

export const reasons = {
  // Voice (rules 1-10)
  notVoice: 'This is not a voice call',
  callEnded: 'The call has ended',
  callNotConnected: 'The call is not connected yet',
  participantNotOnCall: 'This participant is no longer on the call',
  participantLeft: (name: string) => `${name} has left the call`,
  supervisorNotSupervisable: 'Supervisors on the call cannot be monitored',
  ownCall: 'You cannot monitor a call you are handling',
  flowNotMonitorable: "This interaction's flow does not allow monitoring",
  missingPermission: (permission: Permission) => `You do not have the ${permissionLabel(permission)} permission`,
  notAvailable: (mode: SupervisionMode) => `Set your status to Available to ${mode}`,
  bargeExternal: 'Barge is not allowed for external participants',
  bargeConsultSpecialist: 'You cannot barge into a specialist during a consult',
  bargeConference: 'You cannot barge into a participant in a conference',
  coachExternal: 'Only agents can be coached, not external participants',
  stopBargingFirst: 'Stop barging first to return to monitoring or coaching',
  alreadyCoachedBy: (supervisorName: string) => `${supervisorName} is already coaching this call`,
  busyOnAnotherCall: (mode: SupervisionMode) => `You are already ${doingVerb(mode)} another call`,
  busyWithOtherParticipant: (mode: SupervisionMode, participantName: string) =>
    `Stop ${doingVerb(mode)} ${participantName} first to pick another participant`,
  alreadyInMode: (mode: SupervisionMode, participantName: string) =>
    `You are already ${doingVerb(mode)} ${participantName}`,
  notSupervisingCall: 'You are not monitoring this call',
  supervisingOtherParticipant: (mode: SupervisionMode, participantName: string) =>
    `You are ${doingVerb(mode)} ${participantName}, not this participant`,

  // Digital (rules 11-18)
  notDigital: 'This is a voice call; use the call actions',
  conversationEnded: 'The conversation has ended',
  monitoredBy: (supervisorName: string) => `Monitored by ${supervisorName}`,
  alreadyMonitoringConversation: 'You are already monitoring this conversation',
  alreadyParticipating: 'You are already participating in this conversation',
  ownConversation: 'You cannot monitor a conversation you are handling',
  handlingConversation: 'You are already handling this conversation',
  needChatAgentPermission: 'You need the chat agent permission to participate',
  participatePending: 'This chat is waiting in its queue; assign it instead',
  transferPending: 'Only assigned chats can be transferred; assign this pending chat instead',
  releasePending: 'This chat is already waiting in its queue',
  releaseNoQueue: 'This chat has no queue to return to',
  assignAssigned: 'Only pending chats can be assigned; transfer this chat instead',
  noAssistanceRequested: 'No assistance was requested for this chat',
  stopOnlyHolder: (supervisorName: string) => `Only ${supervisorName} can stop monitoring this conversation`,
  notMonitoringConversation: 'You are not monitoring this conversation',
  participateBeforeSending: 'Participate in the chat before sending messages',

  // Agents list (binocular)
  agentNotOnInteraction: 'Not on an interaction',
} as const;
