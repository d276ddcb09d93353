import { describe, expect, it } from 'vitest';
import { agentMonitorAction, reasons, toAgentView } from '../../../main/supervision';
import { T0, agent, agentParty, byId, call, chat, context, customerParty, session, supervisor } from './builders';

describe('the agent list binocular', () => {
  it('an agent on no interaction: "Not on an interaction"', () => {
    expect(agentMonitorAction(supervisor(), agent(), byId(), context())).toEqual({
      monitor: { allowed: false, reason: 'Not on an interaction' },
    });
  });

  it('interaction ids that are unknown, ended or no longer have the agent count as none', () => {
    const ended = call({ id: 'ended', state: 'ended', endedAt: T0 });
    const left = call({ id: 'left', participants: [customerParty(), agentParty({ state: 'disconnected' })] });
    const a = agent({ interactionIds: ['missing', 'ended', 'left'] });
    expect(agentMonitorAction(supervisor(), a, byId(ended, left), context()).monitor).toEqual({
      allowed: false,
      reason: reasons.agentNotOnInteraction,
    });
  });

  it('an agent on a call: monitor their participant', () => {
    const a = agent({ interactionIds: ['call-1'] });
    expect(agentMonitorAction(supervisor(), a, byId(call()), context())).toEqual({
      monitor: { allowed: true },
      monitorInteractionId: 'call-1',
      monitorParticipantId: 'p-agent',
    });
  });

  it('the tooltip gives the refusal of the underlying call', () => {
    const a = agent({ interactionIds: ['call-1'] });
    expect(agentMonitorAction(supervisor({ status: 'Busy' }), a, byId(call()), context())).toEqual({
      monitor: { allowed: false, reason: 'Set your status to Available to monitor' },
      monitorInteractionId: 'call-1',
      monitorParticipantId: 'p-agent',
    });
    expect(agentMonitorAction(supervisor(), a, byId(call({ monitorable: false })), context()).monitor).toEqual({
      allowed: false,
      reason: reasons.flowNotMonitorable,
    });
  });

  it('an agent on a chat: the digital monitor rule, with the lock holder', () => {
    const a = agent({ interactionIds: ['chat-1'] });
    const locked = chat({ monitorLock: { supervisorId: 'sup-2', supervisorName: 'Dana Reyes', mode: 'monitor', since: T0 } });
    expect(agentMonitorAction(supervisor(), a, byId(locked), context())).toMatchObject({
      monitor: { allowed: false, reason: 'Monitored by Dana Reyes' },
      monitorInteractionId: 'chat-1',
    });
  });

  it('prefers the call; falls back to an allowed chat when the call is refused', () => {
    const a = agent({ interactionIds: ['chat-1', 'call-1'] });
    expect(agentMonitorAction(supervisor(), a, byId(chat(), call()), context()).monitorInteractionId).toBe('call-1');
    // Already on another call: the chat is still monitorable.
    const busy = context({ voiceSession: session('monitor', 'p', 'other-call') });
    expect(agentMonitorAction(supervisor(), a, byId(chat(), call()), busy)).toMatchObject({
      monitor: { allowed: true },
      monitorInteractionId: 'chat-1',
    });
  });

  it('all refused: the preferred (call) reason is shown', () => {
    const a = agent({ interactionIds: ['chat-1', 'call-1'] });
    const sup = supervisor({ status: 'Away' });
    expect(agentMonitorAction(sup, a, byId(chat(), call()), context())).toMatchObject({
      monitor: { allowed: false, reason: reasons.notAvailable('monitor') },
      monitorInteractionId: 'call-1',
    });
  });

  it('among several chats, the longest-running first', () => {
    const a = agent({ interactionIds: ['newer', 'older'] });
    const older = chat({ id: 'older', startedAt: T0 - 50_000 });
    const newer = chat({ id: 'newer', startedAt: T0 - 10 });
    expect(agentMonitorAction(supervisor(), a, byId(newer, older), context()).monitorInteractionId).toBe('older');
  });

  it('the supervisor in the agent list (their own call) is refused', () => {
    const me = agent({ id: 'sup-1', name: 'Sam Carter', interactionIds: ['call-1'] });
    const own = call({ participants: [customerParty(), agentParty({ agentId: 'sup-1' })] });
    expect(agentMonitorAction(supervisor(), me, byId(own), context()).monitor).toEqual({ allowed: false, reason: reasons.ownCall });
  });

  it('accepts a plain record as the lookup', () => {
    const a = agent({ interactionIds: ['call-1'] });
    expect(agentMonitorAction(supervisor(), a, { 'call-1': call() }, context()).monitor).toEqual({ allowed: true });
    // Inherited keys are not interactions.
    expect(agentMonitorAction(supervisor(), agent({ interactionIds: ['toString'] }), {}, context()).monitor.allowed).toBe(false);
  });

  it('toAgentView composes the agent with its binocular', () => {
    const a = agent({ interactionIds: ['call-1'] });
    expect(toAgentView(a, supervisor(), byId(call()), context())).toEqual({
      ...a,
      monitor: { allowed: true },
      monitorInteractionId: 'call-1',
    });
    const idle = agent();
    const view = toAgentView(idle, supervisor(), byId(), context());
    expect(view).toEqual({ ...idle, monitor: { allowed: false, reason: reasons.agentNotOnInteraction } });
    expect('monitorInteractionId' in view).toBe(false);
  });
});
