import { describe, expect, it } from 'vitest';
import { initialVoiceUiState } from '../../../renderer/src/store/voice/initialState';
import { voiceUiReducer } from '../../../renderer/src/store/voice/reducer';
import { agentParticipants, participantOfAgent, pickedParticipantId } from '../../../renderer/src/store/voice/selectors';
import { call, participant, session } from './fixtures';

describe('picked participant', () => {
  it('keeps the pick, else follows my leg, else the first agent', () => {
    const ix = call();
    expect(pickedParticipantId(ix, 'p-cust', undefined)).toBe('p-cust');
    expect(pickedParticipantId(ix, undefined, session({ participantId: 'p-cust' }))).toBe('p-cust');
    expect(pickedParticipantId(ix, undefined, undefined)).toBe('p-agent');
  });
  it('never picks a supervisor or someone who left', () => {
    const ix = call({
      participants: [
        participant('p-sup', 'Dana Reyes', { role: 'supervisor' }),
        participant('p-gone', 'Tom Becker', { state: 'disconnected' }),
        participant('p-cust', 'Jennifer Morales', { kind: 'external', role: 'customer' }),
      ],
    });
    expect(pickedParticipantId(ix, 'p-gone', undefined)).toBe('p-cust');
    expect(participantOfAgent(call(), 'agent-1')).toBe('p-agent');
  });
  it('the Multiple list holds every agent on the call', () => {
    const ix = call({
      participants: [...call().participants, participant('p-spec', 'Tom Becker', { role: 'specialist', inConsult: true })],
    });
    expect(agentParticipants(ix).map((p) => p.name)).toEqual(['Alex Kim', 'Tom Becker']);
  });
});

describe('voice UI reducer', () => {
  it('remembers the pick per call and keeps identity when nothing changes', () => {
    const s1 = voiceUiReducer(initialVoiceUiState, { type: 'voice/pick', interactionId: 'c1', participantId: 'p-cust' });
    expect(s1.picked).toEqual({ c1: 'p-cust' });
    expect(voiceUiReducer(s1, { type: 'voice/pick', interactionId: 'c1', participantId: 'p-cust' })).toBe(s1);
  });
  it('toggles expansion and updates the filter', () => {
    const open = voiceUiReducer(initialVoiceUiState, { type: 'voice/toggleExpanded', agentId: 'a1' });
    expect(open.expanded).toEqual({ a1: true });
    expect(voiceUiReducer(open, { type: 'voice/toggleExpanded', agentId: 'a1' }).expanded).toEqual({});
    const filtered = voiceUiReducer(initialVoiceUiState, { type: 'voice/agentFilter', status: 'Busy' });
    expect(filtered).toMatchObject({ agentQuery: '', agentStatus: 'Busy' });
  });
});
