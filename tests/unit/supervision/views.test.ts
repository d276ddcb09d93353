import { describe, expect, it } from 'vitest';
import { interactionViewSchema, agentViewSchema } from '../../../preload/contract';
import { isSupervisedBy, reasons, toAgentView, toInteractionView } from '../../../main/supervision';
import {
  T0,
  agent,
  agentParty,
  byId,
  call,
  chat,
  context,
  customerParty,
  pendingChat,
  queue,
  session,
  supervisor,
  supervisorParty,
} from './builders';

const queues = byId(queue());
const byIdTimes = (times: Record<string, number>) => new Map(Object.entries(times));

describe('toInteractionView', () => {
  it('voice: actions per participant, no digital actions, valid against the contract', () => {
    const view = toInteractionView(call(), supervisor(), context(), queues);
    expect(Object.keys(view.participantActions).sort()).toEqual(['p-agent', 'p-customer']);
    expect(view.participantActions['p-customer']?.barge).toEqual({ allowed: false, reason: reasons.bargeExternal });
    expect(view.digitalActions).toBeUndefined();
    expect('digitalActions' in view).toBe(false);
    expect(view.supervisedByMe).toBe(false);
    expect(interactionViewSchema.parse(view)).toEqual(view);
  });

  it('voice: supervisedByMe follows the voice leg', () => {
    const view = toInteractionView(call(), supervisor(), context({ voiceSession: session('coach') }), queues);
    expect(view.supervisedByMe).toBe(true);
    expect(view.participantActions['p-agent']?.stop).toEqual({ allowed: true });
  });

  it('digital: digital actions, empty participant actions, SLA from the queue and the clock', () => {
    const waiting = pendingChat();
    const before = toInteractionView(waiting, supervisor(), context({ now: T0 }), queues);
    const after = toInteractionView(waiting, supervisor(), context({ now: T0 + 60_000 }), queues);
    expect(before.participantActions).toEqual({});
    expect(before.digitalActions?.assign).toEqual({ allowed: true });
    expect(before.slaMissed).toBe(false);
    expect(after.slaMissed).toBe(true);
    expect(interactionViewSchema.parse(after)).toEqual(after);
  });

  it('digital: supervisedByMe when holding the lock or participating, not when another holds it', () => {
    const mine = chat({ monitorLock: { supervisorId: 'sup-1', supervisorName: 'Sam Carter', mode: 'monitor', since: T0 } });
    const theirs = chat({ monitorLock: { supervisorId: 'sup-2', supervisorName: 'Dana Reyes', mode: 'monitor', since: T0 } });
    const joined = chat({ participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'barge')] });
    expect(toInteractionView(mine, supervisor(), context(), queues).supervisedByMe).toBe(true);
    expect(toInteractionView(theirs, supervisor(), context(), queues).supervisedByMe).toBe(false);
    expect(toInteractionView(joined, supervisor(), context(), queues).supervisedByMe).toBe(true);
  });

  it('keeps every domain field', () => {
    const source = chat({ assistanceRequested: true, lastActivityAt: T0, customer: { name: 'Chris Doe' } });
    const view = toInteractionView(source, supervisor(), context(), queues);
    expect(view).toMatchObject(source);
  });

  it('rule 14: unseen activity when the core passes last-viewed times', () => {
    const active = chat({ lastActivityAt: T0 + 10 });
    expect('unseenActivity' in toInteractionView(active, supervisor(), context(), queues)).toBe(false);
    expect(toInteractionView(active, supervisor(), context({ lastViewedAt: byIdTimes({}) }), queues).unseenActivity).toBe(true);
    expect(toInteractionView(active, supervisor(), context({ lastViewedAt: byIdTimes({ 'chat-1': T0 }) }), queues).unseenActivity).toBe(true);
    expect(toInteractionView(active, supervisor(), context({ lastViewedAt: byIdTimes({ 'chat-1': T0 + 10 }) }), queues).unseenActivity).toBe(false);
  });

  it('a queue missing from the lookup means no SLA', () => {
    expect(toInteractionView(pendingChat(), supervisor(), context({ now: T0 + 10_000_000 }), byId()).slaMissed).toBe(false);
  });
});

describe('isSupervisedBy', () => {
  it('voice: my supervisor participant row counts even before the session is reported', () => {
    const c = call({ participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'monitor')] });
    expect(isSupervisedBy(c, supervisor(), context())).toBe(true);
    const other = call({ participants: [customerParty(), agentParty(), supervisorParty('sup-2', 'Dana Reyes', 'monitor')] });
    expect(isSupervisedBy(other, supervisor(), context())).toBe(false);
  });
});

describe('toAgentView', () => {
  it('is valid against the contract', () => {
    const view = toAgentView(agent({ interactionIds: ['call-1'] }), supervisor(), byId(call()), context());
    expect(agentViewSchema.parse(view)).toEqual(view);
  });
});
