import { describe, expect, it } from 'vitest';
import type { Availability, DigitalActions } from '../../../preload/contract';
import { digitalActions, isAssigned, isParticipating, isPending, reasons, sendAvailability } from '../../../main/supervision';
import {
  T0,
  agent,
  agentParty,
  byId,
  call,
  chat,
  customerParty,
  pendingChat,
  supervisor,
  supervisorParty,
  withoutPermission,
} from './builders';

const ok: Availability = { allowed: true };
const no = (reason: string): Availability => ({ allowed: false, reason });
const lockBy = (supervisorId: string, supervisorName: string) => ({
  monitorLock: { supervisorId, supervisorName, mode: 'monitor' as const, since: T0 },
});

describe('an assigned chat, nobody monitoring', () => {
  it('offers monitor, participate, transfer, release; not assign, clear flag or stop', () => {
    expect(digitalActions(supervisor(), chat())).toEqual<DigitalActions>({
      monitor: ok,
      participate: ok,
      transfer: ok,
      release: ok,
      assign: no(reasons.assignAssigned),
      clearFlag: no(reasons.noAssistanceRequested),
      stop: no(reasons.notMonitoringConversation),
    });
  });

  it('rule 11: every digital channel is monitorable', () => {
    for (const channel of ['webMessaging', 'thirdPartyMessaging', 'sms', 'chat'] as const) {
      expect(digitalActions(supervisor(), chat({ channel })).monitor).toEqual(ok);
    }
  });

  it('voice calls get no digital actions', () => {
    const actions = digitalActions(supervisor(), call());
    for (const availability of Object.values(actions)) expect(availability).toEqual(no(reasons.notDigital));
  });
});

describe('rule 11/12: monitor', () => {
  it('needs Message Monitor and Message View', () => {
    expect(digitalActions(withoutPermission(supervisor(), 'message:monitor'), chat()).monitor).toEqual(
      no('You do not have the Message Monitor permission'),
    );
    expect(digitalActions(withoutPermission(supervisor(), 'message:view'), chat()).monitor).toEqual(
      no('You do not have the Message View permission'),
    );
  });

  it('call permissions do not grant message monitoring', () => {
    const voiceOnly = supervisor({ permissions: ['call:monitor', 'call:add', 'call:coach', 'call:barge'] });
    expect(digitalActions(voiceOnly, chat()).monitor).toEqual(no(reasons.missingPermission('message:monitor')));
  });

  it('needs status Available (seed 000)', () => {
    expect(digitalActions(supervisor({ status: 'Busy' }), chat()).monitor).toEqual(no('Set your status to Available to monitor'));
  });

  it('rule 12: one supervisor per conversation; others see who monitors', () => {
    const locked = chat(lockBy('sup-2', 'Dana Reyes'));
    const actions = digitalActions(supervisor(), locked);
    expect(actions.monitor).toEqual(no('Monitored by Dana Reyes'));
    expect(actions.stop).toEqual(no('Only Dana Reyes can stop monitoring this conversation'));
  });

  it('the holder may stop, and is told they already monitor', () => {
    const mine = chat(lockBy('sup-1', 'Sam Carter'));
    const actions = digitalActions(supervisor(), mine);
    expect(actions.monitor).toEqual(no(reasons.alreadyMonitoringConversation));
    expect(actions.stop).toEqual(ok);
  });

  it('the holder can still stop after the conversation ended', () => {
    expect(digitalActions(supervisor(), chat({ state: 'ended', endedAt: T0, ...lockBy('sup-1', 'Sam Carter') })).stop).toEqual(ok);
  });

  it('is refused on ended conversations', () => {
    expect(digitalActions(supervisor(), chat({ state: 'ended', endedAt: T0 })).monitor).toEqual(no('The conversation has ended'));
  });

  it('rule 8: the flow must allow monitoring', () => {
    expect(digitalActions(supervisor(), chat({ monitorable: false })).monitor).toEqual(no(reasons.flowNotMonitorable));
  });

  it('a conversation the supervisor handles as the agent is not monitorable by them', () => {
    const own = chat({ participants: [customerParty(), agentParty({ agentId: 'sup-1' })] });
    expect(digitalActions(supervisor(), own).monitor).toEqual(no(reasons.ownConversation));
    const byExtension = chat({ participants: [customerParty(), agentParty({ agentId: 'agent-sam' })] });
    expect(digitalActions(supervisor(), byExtension, { agentsById: byId(agent({ id: 'agent-sam', extension: '9001' })) }).monitor).toEqual(
      no(reasons.ownConversation),
    );
  });

  it('a pending chat can be monitored (read only)', () => {
    expect(digitalActions(supervisor(), pendingChat()).monitor).toEqual(ok);
  });

  it('permissions are named before the lock holder, the lock before status', () => {
    const locked = chat(lockBy('sup-2', 'Dana Reyes'));
    expect(digitalActions(supervisor({ permissions: [], status: 'Away' }), locked).monitor).toEqual(
      no(reasons.missingPermission('message:monitor')),
    );
    expect(digitalActions(supervisor({ status: 'Away' }), locked).monitor).toEqual(no(reasons.monitoredBy('Dana Reyes')));
  });
});

describe('rule 15: participate', () => {
  it('needs the chat agent permission', () => {
    expect(digitalActions(withoutPermission(supervisor(), 'chat:participate'), chat()).participate).toEqual(
      no('You need the chat agent permission to participate'),
    );
  });

  it('is allowed while monitoring, and while another supervisor monitors', () => {
    expect(digitalActions(supervisor(), chat(lockBy('sup-1', 'Sam Carter'))).participate).toEqual(ok);
    expect(digitalActions(supervisor(), chat(lockBy('sup-2', 'Dana Reyes'))).participate).toEqual(ok);
  });

  it('is refused once participating; monitor then too, and stop is offered', () => {
    const joined = chat({ participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'barge')] });
    expect(isParticipating(joined, supervisor())).toBe(true);
    const actions = digitalActions(supervisor(), joined);
    expect(actions.participate).toEqual(no(reasons.alreadyParticipating));
    expect(actions.monitor).toEqual(no(reasons.alreadyParticipating));
    expect(actions.stop).toEqual(ok);
  });

  it('a supervisor row that only monitors is not participation, but is monitoring', () => {
    const watching = chat({ participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'monitor')] });
    expect(isParticipating(watching, supervisor())).toBe(false);
    const actions = digitalActions(supervisor(), watching);
    expect(actions.monitor).toEqual(no(reasons.alreadyMonitoringConversation));
    expect(actions.participate).toEqual(ok);
    expect(actions.stop).toEqual(ok);
  });

  it('participating after monitoring (the lock is released, the row changes mode) keeps stop available', () => {
    const joined = chat({ participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'barge')] });
    expect(digitalActions(supervisor(), joined).stop).toEqual(ok);
    // Another supervisor may now monitor it read-only.
    expect(digitalActions(supervisor({ id: 'sup-2', name: 'Dana Reyes' }), joined).monitor).toEqual(ok);
  });

  it('is refused on pending chats (assign instead), ended chats and own chats', () => {
    expect(digitalActions(supervisor(), pendingChat()).participate).toEqual(no(reasons.participatePending));
    expect(digitalActions(supervisor(), chat({ state: 'ended', endedAt: T0 })).participate).toEqual(no(reasons.conversationEnded));
    const own = chat({ participants: [customerParty(), agentParty({ agentId: 'sup-1' })] });
    expect(digitalActions(supervisor(), own).participate).toEqual(no(reasons.handlingConversation));
  });
});

describe('rule 17: transfer, release, assign', () => {
  it('pending vs assigned', () => {
    expect(isAssigned(chat())).toBe(true);
    expect(isPending(chat())).toBe(false);
    expect(isAssigned(pendingChat())).toBe(false);
    expect(isPending(pendingChat())).toBe(true);
    // An agent who left makes the chat pending again; an ended chat is neither.
    expect(isPending(chat({ participants: [customerParty(), agentParty({ state: 'disconnected' })] }))).toBe(true);
    expect(isPending(chat({ state: 'ended', endedAt: T0 }))).toBe(false);
    expect(isAssigned(chat({ state: 'ended', endedAt: T0 }))).toBe(false);
    // Offered to an agent (alerting) counts as assigned.
    expect(isAssigned(chat({ state: 'alerting', participants: [customerParty(), agentParty({ state: 'alerting' })] }))).toBe(true);
  });

  it('a pending chat: assign only', () => {
    const actions = digitalActions(supervisor(), pendingChat());
    expect(actions.assign).toEqual(ok);
    expect(actions.transfer).toEqual(no('Only assigned chats can be transferred; assign this pending chat instead'));
    expect(actions.release).toEqual(no('This chat is already waiting in its queue'));
  });

  it('an assigned chat: transfer and release, not assign', () => {
    const actions = digitalActions(supervisor(), chat());
    expect(actions.transfer).toEqual(ok);
    expect(actions.release).toEqual(ok);
    expect(actions.assign).toEqual(no('Only pending chats can be assigned; transfer this chat instead'));
  });

  it('all three need Message Accept', () => {
    const cannotAccept = withoutPermission(supervisor(), 'message:accept');
    const reason = no('You do not have the Message Accept permission');
    expect(digitalActions(cannotAccept, chat()).transfer).toEqual(reason);
    expect(digitalActions(cannotAccept, chat()).release).toEqual(reason);
    expect(digitalActions(cannotAccept, pendingChat()).assign).toEqual(reason);
  });

  it('release needs a queue to return to', () => {
    expect(digitalActions(supervisor(), chat({ queueId: undefined })).release).toEqual(no(reasons.releaseNoQueue));
  });

  it('nothing on an ended chat', () => {
    const actions = digitalActions(supervisor(), chat({ state: 'ended', endedAt: T0 }));
    expect(actions.transfer).toEqual(no(reasons.conversationEnded));
    expect(actions.release).toEqual(no(reasons.conversationEnded));
    expect(actions.assign).toEqual(no(reasons.conversationEnded));
  });

  it('do not depend on status or the monitor lock', () => {
    const actions = digitalActions(supervisor({ status: 'Away' }), chat(lockBy('sup-2', 'Dana Reyes')));
    expect(actions.transfer).toEqual(ok);
    expect(actions.release).toEqual(ok);
  });
});

describe('rule 16: the assistance flag', () => {
  it('can be cleared only when assistance was requested', () => {
    expect(digitalActions(supervisor(), chat({ assistanceRequested: true })).clearFlag).toEqual(ok);
    expect(digitalActions(supervisor(), chat()).clearFlag).toEqual(no('No assistance was requested for this chat'));
  });

  it('can be cleared after the chat ended', () => {
    expect(digitalActions(supervisor(), chat({ assistanceRequested: true, state: 'ended', endedAt: T0 })).clearFlag).toEqual(ok);
  });
});

describe('rule 15: send', () => {
  const joined = chat({ participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'barge')] });

  it('only while participating', () => {
    expect(sendAvailability(supervisor(), joined)).toEqual(ok);
    expect(sendAvailability(supervisor(), chat())).toEqual(no('Participate in the chat before sending messages'));
    const monitoring = chat({ participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'monitor')] });
    expect(sendAvailability(supervisor(), monitoring)).toEqual(no(reasons.participateBeforeSending));
  });

  it('needs the chat agent permission, an open conversation and a digital channel', () => {
    expect(sendAvailability(withoutPermission(supervisor(), 'chat:participate'), joined)).toEqual(no(reasons.needChatAgentPermission));
    expect(sendAvailability(supervisor(), { ...joined, state: 'ended', endedAt: T0 })).toEqual(no(reasons.conversationEnded));
    expect(sendAvailability(supervisor(), call())).toEqual(no(reasons.notDigital));
  });
});
