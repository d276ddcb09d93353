import type { Availability, DigitalActions, InteractionView } from '../../../../preload/contract';
import { currentAgent, customerName } from './format';

/**
 * Whether two versions of a chat show the same in its Chats row (ChatsView's
 * ChatRow): every field the row reads, and nothing else. Each delta brings a
 * new object for every chat that moved (its last activity changes with each
 * message), so comparing identity re-rendered every visible row on every
 * delta under a chat load (issue 15). Keep in step with ChatRow: a field it
 * starts to show must be compared here.
 *
 * The row's actions read the chat's id and current agent's name (actions.tsx),
 * both compared, so a row kept from an earlier render acts on the same chat.
 */
export function sameChatRow(a: InteractionView, b: InteractionView): boolean {
  if (a === b) return true;
  return (
    a.id === b.id &&
    a.channel === b.channel &&
    a.state === b.state &&
    a.startedAt === b.startedAt &&
    a.assistanceRequested === b.assistanceRequested &&
    a.slaMissed === b.slaMissed &&
    a.unseenActivity === b.unseenActivity &&
    a.supervisedByMe === b.supervisedByMe &&
    customerName(a) === customerName(b) &&
    currentAgent(a)?.name === currentAgent(b)?.name &&
    sameDigitalActions(a.digitalActions, b.digitalActions)
  );
}

const actionNames: readonly (keyof DigitalActions)[] = ['monitor', 'participate', 'transfer', 'release', 'assign', 'clearFlag', 'stop'];

function sameDigitalActions(a: DigitalActions | undefined, b: DigitalActions | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return actionNames.every((name) => sameAvailability(a[name], b[name]));
}

function sameAvailability(a: Availability, b: Availability): boolean {
  if (a.allowed || b.allowed) return a.allowed === b.allowed;
  return a.reason === b.reason;
}
