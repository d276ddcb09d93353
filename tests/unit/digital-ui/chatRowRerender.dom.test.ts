/**
 * A Chats row re-renders only when something it shows changed (issue 15).
 * Every delta brings a new object for each chat that moved (its last activity
 * changes with each message), and the row compared its props by identity, so
 * under a chat load every visible row re-rendered on every delta.
 *
 * The decision is React's memo bail-out: the row component's `compare`, or a
 * shallow comparison of its props when it has none (React's default). This
 * file asks that decision for the rows a delta produces.
 *
 * `.dom.test.ts`: ChatsView reads DOM types, so this file is type-checked by
 * tsconfig.tests.json (DOM + Node).
 */
import { describe, expect, it } from 'vitest';
import type { InteractionView, Participant } from '../../../preload/contract';
import { ChatRow, type RowProps } from '../../../renderer/src/views/digital/ChatsView';

/** What React does for a memo component: its compare, else a shallow comparison of the props (Object.is per key). */
function rowSkipsRender(prev: RowProps, next: RowProps): boolean {
  const compare = (ChatRow as unknown as { compare: ((a: RowProps, b: RowProps) => boolean) | null }).compare;
  if (compare) return compare(prev, next);
  const keys = Object.keys(prev) as (keyof RowProps)[];
  return keys.length === Object.keys(next).length && keys.every((k) => Object.is(prev[k], next[k]));
}

const allowed = { allowed: true } as const;
const agent: Participant = { id: 'p-agent', name: 'Dana Lee', kind: 'internal', role: 'agent', agentId: 'agent-1', state: 'connected', inConsult: false, inConference: false, joinedAt: 1_700_000_000_000 };
const customer: Participant = { id: 'p-cust', name: 'Sam Customer', kind: 'external', role: 'customer', state: 'connected', inConsult: false, inConference: false, joinedAt: 1_700_000_000_000 };

const chat: InteractionView = {
  id: 'chat-1',
  channel: 'webMessaging',
  state: 'connected',
  queueId: 'q-billing',
  startedAt: 1_700_000_000_000,
  monitorable: true,
  supervisorsInvolved: [],
  lastActivityAt: 1_700_000_001_000,
  participants: [customer, agent],
  assistanceRequested: false,
  participantActions: {},
  digitalActions: { monitor: allowed, participate: allowed, transfer: allowed, release: allowed, assign: allowed, clearFlag: { allowed: false, reason: 'No flag' }, stop: { allowed: false, reason: 'Not supervising' } },
  slaMissed: false,
  supervisedByMe: false,
  unseenActivity: false,
};

const handlers = { onOpen: () => undefined, onTransfer: () => undefined, confirm: async () => true };
const props = (c: InteractionView, extra: Partial<RowProps> = {}): RowProps => ({ index: 3, chat: c, queueName: 'Billing', selected: false, ...handlers, ...extra });

/** The chat as the next delta brings it: a new object (and new nested objects), as after the wire. */
const delivered = (changes: Partial<InteractionView> = {}): InteractionView => ({ ...structuredClone(chat), ...changes });

describe('Chats row re-render', () => {
  it('a delta that changes nothing the row shows (the chat moved on) leaves the row as it is', () => {
    expect(rowSkipsRender(props(chat), props(delivered({ lastActivityAt: chat.lastActivityAt! + 20 })))).toBe(true);
  });

  it('re-renders when anything it shows changed', () => {
    const changed: Array<[string, InteractionView]> = [
      ['state', delivered({ state: 'held' })],
      ['assistance flag', delivered({ assistanceRequested: true })],
      ['SLA missed', delivered({ slaMissed: true })],
      ['new activity dot', delivered({ unseenActivity: true })],
      ['supervised by me', delivered({ supervisedByMe: true })],
      ['channel', delivered({ channel: 'sms' })],
      ['wait time start', delivered({ startedAt: chat.startedAt + 1 })],
      ['agent', delivered({ participants: [customer, { ...agent, name: 'Rui Costa' }] })],
      ['agent left', delivered({ participants: [customer, { ...agent, state: 'disconnected' }] })],
      ['customer name', delivered({ participants: [{ ...customer, name: 'Sam Other' }, agent] })],
      ['an action refused', delivered({ digitalActions: { ...chat.digitalActions!, participate: { allowed: false, reason: 'Someone else is in it' } } })],
      ['a refusal reason', delivered({ digitalActions: { ...chat.digitalActions!, clearFlag: { allowed: false, reason: 'Other reason' } } })],
      ['another chat', delivered({ id: 'chat-2' })],
    ];
    for (const [what, next] of changed) expect(rowSkipsRender(props(chat), props(next)), what).toBe(false);
    expect(rowSkipsRender(props(chat), props(delivered(), { selected: true })), 'selected').toBe(false);
    expect(rowSkipsRender(props(chat), props(delivered(), { queueName: 'Sales' })), 'queue').toBe(false);
    expect(rowSkipsRender(props(chat), props(delivered(), { index: 4 })), 'position').toBe(false);
  });
});
