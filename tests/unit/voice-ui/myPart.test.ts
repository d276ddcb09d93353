import { describe, expect, it } from 'vitest';
import { myPartIn } from '../../../renderer/src/views/voice/myPart';
import { call, participant } from './fixtures';

const me = 'sup-morgan';
const chat = (mode: 'monitor' | 'coach' | 'barge') =>
  call({
    id: 'chat-1',
    channel: 'webMessaging',
    supervisedByMe: true,
    participants: [
      participant('p-agent', 'Priya Shah', { agentId: 'agent-1' }),
      participant('p-cust', 'Sarah Whitfield', { kind: 'external', role: 'customer' }),
      participant('p-me', 'Morgan Lee', { role: 'supervisor', supervising: { supervisorId: me, mode, targetParticipantId: 'p-agent' } }),
    ],
  });

describe('My interactions: the supervisor’s own part', () => {
  it('a chat the supervisor joined reads "participating" and its button leaves the chat', () => {
    const part = myPartIn(chat('barge'), undefined, me);
    expect(part.doing).toBe('participating');
    expect(part.stopLabel).toBe('Leave Web message with Sarah Whitfield');
  });

  it('a chat watched read-only reads "monitoring"', () => {
    const part = myPartIn(chat('monitor'), undefined, me);
    expect(part.doing).toBe('monitoring');
    expect(part.stopLabel).toBe('Stop monitoring Web message with Sarah Whitfield');
  });

  it('a call reads the live session’s mode, else my participant’s mode', () => {
    expect(myPartIn(call(), 'coach', me).doing).toBe('coaching');
    const coaching = call({ participants: [...call().participants, participant('p-me', 'Morgan Lee', { role: 'supervisor', supervising: { supervisorId: me, mode: 'barge', targetParticipantId: 'p-agent' } })] });
    expect(myPartIn(coaching, undefined, me).doing).toBe('barging into');
    expect(myPartIn(call(), undefined, me).stopTitle).toContain('the call goes on');
  });
});
