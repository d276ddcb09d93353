import type { InteractionView, Participant } from '../../../../preload/contract';

/** The one map of channel names (preload/contract/domain.ts). */
export { channelNames as channelLabels } from '../../../../preload/contract';

export const stateLabels: Record<InteractionView['state'], string> = {
  pending: 'Pending',
  alerting: 'Offered',
  connected: 'Active',
  held: 'On hold',
  transferring: 'Transferring',
  consult: 'Consult',
  conference: 'Conference',
  ended: 'Ended',
};

/** The agent who has the conversation now (not disconnected). */
export function currentAgent(i: InteractionView): Participant | undefined {
  return i.participants.find((p) => p.role === 'agent' && p.state !== 'disconnected');
}

export function customerName(i: InteractionView): string {
  return i.customer?.name ?? i.participants.find((p) => p.role === 'customer')?.name ?? 'Customer';
}

/** Am I in the conversation as a participant who can send (Participate Chat)? */
export function participatingAs(i: InteractionView, supervisorId: string | undefined): boolean {
  if (!supervisorId) return false;
  return i.participants.some(
    (p) => p.state !== 'disconnected' && p.supervising?.supervisorId === supervisorId && p.supervising.mode !== 'monitor',
  );
}

// One formatter: toLocaleTimeString builds a new Intl formatter on every call.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function formatTime(at: number): string {
  return timeFormat.format(at);
}

const rank = (i: InteractionView) => (i.assistanceRequested ? 0 : i.slaMissed ? 1 : i.state === 'pending' ? 2 : i.state === 'ended' ? 4 : 3);

/** Sort order of the Chats tab: needs attention, then pending, then the longest waiting. */
export function chatOrder(a: InteractionView, b: InteractionView): number {
  return rank(a) - rank(b) || a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** `list` sorted by chatOrder, with each key computed once (the list is re-sorted on every delta). */
export function sortChats(list: readonly InteractionView[]): InteractionView[] {
  const keyed = list.map((i) => ({ i, r: rank(i) }));
  keyed.sort((a, b) => a.r - b.r || a.i.startedAt - b.i.startedAt || (a.i.id < b.i.id ? -1 : a.i.id > b.i.id ? 1 : 0));
  return keyed.map((k) => k.i);
}
