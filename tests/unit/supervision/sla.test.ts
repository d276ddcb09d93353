import { describe, expect, it } from 'vitest';
import { answeredAt, attentionMarkers, chatsTabNeedsAttention, hasNewActivity, slaDeadline, slaMissed } from '../../../main/supervision';
import { T0, agentParty, call, chat, customerParty, pendingChat, queue } from './builders';

// The builders' chats start at T0 - 1000; the queue's SLA is 60 s.
const start = T0 - 1000;
const deadline = start + 60_000;

describe('rule 16: SLA', () => {
  it('the deadline is the platform’s own, else the queue target from the start', () => {
    expect(slaDeadline(chat({ slaDeadline: 123 }), queue())).toBe(123);
    expect(slaDeadline(chat(), queue())).toBe(deadline);
    expect(slaDeadline(chat(), undefined)).toBeUndefined();
  });

  it('a pending chat misses SLA once it waited past the deadline', () => {
    expect(slaMissed(pendingChat(), queue(), deadline)).toBe(false);
    expect(slaMissed(pendingChat(), queue(), deadline + 1)).toBe(true);
  });

  it('an alerting (offered, not answered) chat keeps counting', () => {
    const offered = chat({ state: 'alerting', participants: [customerParty(), agentParty({ state: 'alerting' })] });
    expect(answeredAt(offered)).toBeUndefined();
    expect(slaMissed(offered, queue(), deadline + 1)).toBe(true);
  });

  it('an answered chat missed SLA only if it was answered late', () => {
    const onTime = chat({ participants: [customerParty(), agentParty({ joinedAt: deadline - 1 })] });
    const late = chat({ participants: [customerParty(), agentParty({ joinedAt: deadline + 1 })] });
    expect(slaMissed(onTime, queue(), deadline + 999_999)).toBe(false);
    expect(slaMissed(late, queue(), deadline + 999_999)).toBe(true);
  });

  it('the first answer counts, not a later transfer', () => {
    const transferred = chat({
      participants: [
        customerParty(),
        agentParty({ id: 'p-first', joinedAt: deadline - 10, state: 'disconnected' }),
        agentParty({ joinedAt: deadline + 10 }),
      ],
    });
    expect(answeredAt(transferred)).toBe(deadline - 10);
    expect(slaMissed(transferred, queue(), deadline + 999_999)).toBe(false);
  });

  it('a chat abandoned before an answer: judged at its end', () => {
    const abandonedEarly = pendingChat({ state: 'ended', endedAt: deadline - 1 });
    const abandonedLate = pendingChat({ state: 'ended', endedAt: deadline + 1 });
    expect(slaMissed(abandonedEarly, queue(), deadline + 999_999)).toBe(false);
    expect(slaMissed(abandonedLate, queue(), deadline + 999_999)).toBe(true);
  });

  it('no queue and no deadline: never missed', () => {
    expect(slaMissed(pendingChat({ queueId: undefined }), undefined, T0 + 10_000_000)).toBe(false);
  });
});

describe('rule 16: markers on chats and on the Chats tab', () => {
  it('per chat: SLA missed or assistance requested', () => {
    expect(attentionMarkers(chat(), queue(), T0)).toEqual({ slaMissed: false, assistanceRequested: false, needsAttention: false });
    expect(attentionMarkers(pendingChat(), queue(), deadline + 1)).toEqual({ slaMissed: true, assistanceRequested: false, needsAttention: true });
    expect(attentionMarkers(chat({ assistanceRequested: true }), queue(), T0)).toEqual({
      slaMissed: false,
      assistanceRequested: true,
      needsAttention: true,
    });
  });

  it('ended chats no longer raise the SLA marker', () => {
    expect(attentionMarkers(pendingChat({ state: 'ended', endedAt: deadline + 1 }), queue(), deadline + 2).slaMissed).toBe(false);
  });

  it('the tab marker: any digital conversation needing attention; calls do not count', () => {
    const queueOf = () => queue();
    expect(chatsTabNeedsAttention([chat(), call({ state: 'pending' })], queueOf, deadline + 1)).toBe(false);
    expect(chatsTabNeedsAttention([chat(), pendingChat()], queueOf, deadline + 1)).toBe(true);
    expect(chatsTabNeedsAttention([chat({ assistanceRequested: true })], queueOf, T0)).toBe(true);
    expect(chatsTabNeedsAttention([], queueOf, T0)).toBe(false);
  });
});

describe('rule 14: new activity until viewed', () => {
  it('flags activity after the last view', () => {
    expect(hasNewActivity(chat(), undefined)).toBe(false);
    expect(hasNewActivity(chat({ lastActivityAt: T0 }), undefined)).toBe(true);
    expect(hasNewActivity(chat({ lastActivityAt: T0 }), T0 - 1)).toBe(true);
    expect(hasNewActivity(chat({ lastActivityAt: T0 }), T0)).toBe(false);
  });
});
