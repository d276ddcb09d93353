import type { InteractionView, SupervisionMode } from '../../../../preload/contract';

export { formatElapsed } from '../../format/elapsed';

/** "14:03:21" in the supervisor's locale, for timelines. */
export function formatClock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** "Alex", "Alex and Jennifer", "A, B and C"; "nobody" when empty (same wording as the rules). */
export function joinNames(list: readonly string[]): string {
  if (list.length === 0) return 'nobody';
  if (list.length === 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}`;
}

export const modeLabel: Record<SupervisionMode, string> = { monitor: 'Monitor', coach: 'Coach', barge: 'Barge-in' };
export const modeDoing: Record<SupervisionMode, string> = { monitor: 'monitoring', coach: 'coaching', barge: 'barging into' };

/** What another supervisor is doing, without claiming a mode the platform did not report. */
export const supervisingLabel = (s: { mode: SupervisionMode; modeUnknown?: true }): string =>
  s.modeUnknown ? 'listening in on' : modeDoing[s.mode];
export const modeUnknownHint = 'The phone system does not report whether they are listening, coaching or barging in';

export const channelLabel: Record<InteractionView['channel'], string> = {
  voice: 'Call',
  webMessaging: 'Web message',
  thirdPartyMessaging: 'Messaging',
  sms: 'SMS',
  chat: 'Chat',
};

/** The customer side's name on an interaction. */
export function customerName(ix: InteractionView): string {
  const external = ix.participants.find((p) => p.role === 'customer') ?? ix.participants.find((p) => p.kind === 'external');
  return external?.name ?? ix.customer?.name ?? 'Unknown caller';
}

/** Names of the agents on an interaction (present, not supervisors). */
export function agentNames(ix: InteractionView): string {
  return ix.participants
    .filter((p) => p.kind === 'internal' && p.role !== 'supervisor' && p.state !== 'disconnected')
    .map((p) => p.name)
    .join(', ');
}

const stateLabel: Record<InteractionView['state'], string> = {
  pending: 'waiting',
  alerting: 'ringing',
  connected: 'connected',
  held: 'on hold',
  transferring: 'transferring',
  consult: 'in consult',
  conference: 'conference',
  ended: 'ended',
};

export function interactionStateLabel(state: InteractionView['state']): string {
  return stateLabel[state];
}

/** "Call with Jennifer Morales (on hold)" — the agent's current interaction in one line. */
export function interactionSummary(ix: InteractionView | undefined): string {
  if (!ix) return '—';
  return `${channelLabel[ix.channel]} with ${customerName(ix)} (${interactionStateLabel(ix.state)})`;
}
