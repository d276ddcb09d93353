import { describe, expect, it } from 'vitest';
import {
  audibility,
  audibilityPreview,
  audibilityTable,
  callScenario,
  heardByPreview,
  joinNames,
  newAgentsInTransfer,
} from '../../../main/supervision';
import { T0, agentParty, call, customerParty, participant, specialistParty, supervisorParty } from './builders';

const newAgent = participant({ id: 'p-new', name: 'Nina Park', agentId: 'agent-3', state: 'alerting', joinedAt: T0 + 90_000 });

const active = call();
const held = call({ state: 'held', participants: [customerParty({ state: 'held' }), agentParty()] });
const transferring = call({ state: 'transferring', participants: [customerParty(), agentParty(), newAgent] });

describe('rule 2: who the supervisor hears (seed 001 table, every cell)', () => {
  it('the table in words', () => {
    expect(audibilityTable).toEqual({
      internal: { active: 'Both', hold: 'Agent (internal)', transfer: 'Agent (internal)' },
      external: { active: 'Both', hold: 'Customer (external)', transfer: 'Customer (external) and the new agent' },
    });
  });

  it('active call, agent picked: both', () => {
    expect(audibility(active, 'p-agent', 'monitor').hearing).toEqual(['Chris Doe', 'Alex Kim']);
  });
  it('active call, customer picked: both', () => {
    expect(audibility(active, 'p-customer', 'monitor').hearing).toEqual(['Chris Doe', 'Alex Kim']);
  });
  it('hold, agent picked: the agent only', () => {
    expect(audibility(held, 'p-agent', 'monitor').hearing).toEqual(['Alex Kim']);
  });
  it('hold, customer picked: the customer only', () => {
    expect(audibility(held, 'p-customer', 'monitor').hearing).toEqual(['Chris Doe']);
  });
  it('transfer, agent picked: the agent only', () => {
    expect(audibility(transferring, 'p-agent', 'monitor').hearing).toEqual(['Alex Kim']);
  });
  it('transfer, customer picked: the customer and the new agent', () => {
    expect(audibility(transferring, 'p-customer', 'monitor').hearing).toEqual(['Chris Doe', 'Nina Park']);
  });

  it('a blind transfer where the first agent already left: the remaining agent is the new one', () => {
    const blind = call({
      state: 'transferring',
      participants: [customerParty(), agentParty({ state: 'disconnected' }), newAgent],
    });
    expect(newAgentsInTransfer(blind).map((p) => p.name)).toEqual(['Nina Park']);
    expect(audibility(blind, 'p-customer', 'monitor').hearing).toEqual(['Chris Doe', 'Nina Park']);
    // The picked agent has left: nobody to hear on that side.
    expect(audibility(blind, 'p-agent', 'monitor').hearing).toEqual([]);
  });

  it("a blind transfer where the platform removed the first agent's row: the ringing agent is new", () => {
    const blind = call({ state: 'transferring', participants: [customerParty(), newAgent] });
    expect(audibility(blind, 'p-customer', 'monitor').hearing).toEqual(['Chris Doe', 'Nina Park']);
  });

  it('a blind transfer already answered by the new agent, first agent left: the new agent', () => {
    const answered = call({
      state: 'transferring',
      participants: [customerParty(), agentParty({ state: 'disconnected' }), { ...newAgent, state: 'connected' }],
    });
    expect(newAgentsInTransfer(answered).map((p) => p.name)).toEqual(['Nina Park']);
  });

  it('a consult transfer: the specialist is the new agent', () => {
    const consultTransfer = call({ state: 'transferring', participants: [customerParty(), agentParty(), specialistParty()] });
    expect(audibility(consultTransfer, 'p-customer', 'monitor').hearing).toEqual(['Chris Doe', 'Pat Lee']);
    expect(audibility(consultTransfer, 'p-agent', 'monitor').hearing).toEqual(['Alex Kim']);
  });

  it('a transfer to a queue before any new agent joins: only the customer', () => {
    const toQueue = call({ state: 'transferring' });
    expect(newAgentsInTransfer(toQueue)).toEqual([]);
    expect(audibility(toQueue, 'p-customer', 'monitor').hearing).toEqual(['Chris Doe']);
  });

  it('supervisors on the call are not listed as parties heard', () => {
    const c = call({ participants: [customerParty(), agentParty(), supervisorParty('sup-2', 'Dana Reyes', 'monitor')] });
    expect(audibility(c, 'p-agent', 'monitor').hearing).toEqual(['Chris Doe', 'Alex Kim']);
  });

  it('unknown picked participant hears nothing', () => {
    expect(audibility(active, 'nobody', 'monitor')).toEqual({ hearing: [], heardBy: [], micLive: false, mutedOnHold: [] });
  });
});

describe('which column the call is in', () => {
  it('derives the scenario from the call and its parties', () => {
    expect(callScenario(active)).toBe('active');
    expect(callScenario(held)).toBe('hold');
    expect(callScenario(call({ state: 'held' }))).toBe('hold');
    expect(callScenario(transferring)).toBe('transfer');
    // A consult holds the customer while the agent talks to the specialist.
    expect(callScenario(call({ state: 'consult', participants: [customerParty({ state: 'held' }), agentParty(), specialistParty()] }))).toBe('hold');
    expect(callScenario(call({ state: 'conference' }))).toBe('active');
  });
});

describe('rules 3 and 5: who hears the supervisor', () => {
  it('monitor: nobody, microphone not live', () => {
    for (const c of [active, held, transferring]) {
      expect(audibility(c, 'p-agent', 'monitor')).toMatchObject({ heardBy: [], micLive: false });
    }
  });

  it('coach: only the agent, microphone live', () => {
    expect(audibility(active, 'p-agent', 'coach')).toMatchObject({ heardBy: ['Alex Kim'], micLive: true });
    expect(audibility(held, 'p-agent', 'coach')).toMatchObject({ heardBy: ['Alex Kim'], micLive: true });
  });

  it('coach on a leg picked on the customer whispers to the call agent, never the customer', () => {
    expect(audibility(active, 'p-customer', 'coach').heardBy).toEqual(['Alex Kim']);
  });

  it('barge: the agent and the customer, microphone live', () => {
    expect(audibility(active, 'p-agent', 'barge')).toMatchObject({ heardBy: ['Chris Doe', 'Alex Kim'], micLive: true });
  });

  it('barge during a transfer: everyone on the call, including the new agent', () => {
    expect(audibility(transferring, 'p-agent', 'barge').heardBy).toEqual(['Chris Doe', 'Alex Kim', 'Nina Park']);
  });
});

describe('the preview in the details view (rule 2: shown before and during)', () => {
  it('agent picked', () => {
    expect(audibilityPreview(active, 'p-agent')).toEqual([
      { scenario: 'active', situation: 'While the call is active', hearing: ['Chris Doe', 'Alex Kim'], sentence: 'While the call is active you will hear: Chris Doe and Alex Kim' },
      { scenario: 'hold', situation: 'If the agent puts the call on hold', hearing: ['Alex Kim'], sentence: 'If the agent puts the call on hold you will hear: Alex Kim' },
      { scenario: 'transfer', situation: 'If the agent transfers the call', hearing: ['Alex Kim'], sentence: 'If the agent transfers the call you will hear: Alex Kim' },
    ]);
  });

  it('customer picked', () => {
    const rows = audibilityPreview(active, 'p-customer');
    expect(rows.map((r) => r.sentence)).toEqual([
      'While the call is active you will hear: Chris Doe and Alex Kim',
      'If the agent puts the call on hold you will hear: Chris Doe',
      'If the agent transfers the call you will hear: Chris Doe and the new agent',
    ]);
  });

  it('unknown participant: no rows', () => {
    expect(audibilityPreview(active, 'nobody')).toEqual([]);
  });

  it('who hears you, per mode', () => {
    expect(heardByPreview('monitor')).toBe('Nobody hears you');
    expect(heardByPreview('coach')).toBe('Only the agent hears you');
    expect(heardByPreview('barge')).toBe('The agent and the customer hear you');
  });

  it('joins names for sentences', () => {
    expect(joinNames([])).toBe('nobody');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
