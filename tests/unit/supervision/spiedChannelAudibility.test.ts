/**
 * Rule 2 on a channel spy (asterisk-chanspy, freeswitch-eavesdrop): the
 * supervisor hears what the agent's channel carries, measured on a real
 * Asterisk (docs/asterisk/proof-2026-12-01.md §3.1): on hold the held customer
 * still reaches it (Spyglass mutes the leg), in a consult the agent and the
 * specialist. The demo's table ('as-rules') is unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interaction, Participant } from '../../../preload/contract';
import {
  audibility,
  audibilityPreview,
  callScenario,
  heardParticipants,
  spiedAgent,
  spiedChannelTable,
} from '../../../main/supervision';
import { agentParty, call, customerParty, participant, specialistParty } from './builders';

const active = call();
const held = call({ state: 'held', participants: [customerParty({ state: 'held' }), agentParty()] });
/** As the Asterisk connector shows a consult: the customer held, the specialist connected, the call "in consult". */
const consult = call({ state: 'consult', participants: [customerParty({ state: 'held' }), agentParty(), specialistParty()] });

describe('channel spy: what the agent channel carries, whichever participant is picked', () => {
  it('the table in words', () => {
    expect(spiedChannelTable).toEqual({
      active: 'Both',
      hold: 'Nobody: the PBX still sends the held customer, Spyglass mutes the leg for privacy',
      consult: 'The agent and the specialist',
      transfer: 'The agent and whoever is with them, until the agent leaves (the leg then ends)',
    });
  });

  it('active: both, agent or customer picked', () => {
    for (const picked of ['p-agent', 'p-customer']) {
      expect(audibility(active, picked, 'monitor', 'spied-channel')).toMatchObject({ hearing: ['Chris Doe', 'Alex Kim'], mutedOnHold: [] });
    }
  });

  it('hold: nobody, the held customer muted (the old rule said "Alex Kim" while the PBX sent the customer)', () => {
    for (const picked of ['p-agent', 'p-customer']) {
      expect(audibility(held, picked, 'monitor', 'spied-channel')).toMatchObject({ hearing: [], mutedOnHold: ['Chris Doe'] });
    }
  });

  it('hold shown on the customer only (the call itself still "connected"): muted just the same', () => {
    const partlyHeld = call({ participants: [customerParty({ state: 'held' }), agentParty()] });
    expect(audibility(partlyHeld, 'p-agent', 'monitor', 'spied-channel')).toMatchObject({ hearing: [], mutedOnHold: ['Chris Doe'] });
  });

  it('consult: the agent and the specialist, nothing muted (the old rule named only the agent)', () => {
    for (const picked of ['p-agent', 'p-customer']) {
      expect(audibility(consult, picked, 'monitor', 'spied-channel')).toMatchObject({ hearing: ['Alex Kim', 'Pat Lee'], mutedOnHold: [] });
    }
  });

  it('a specialist still ringing is not heard yet: the agent holds the customer, so the leg is muted', () => {
    const ringing = call({ state: 'consult', participants: [customerParty({ state: 'held' }), agentParty(), specialistParty({ state: 'alerting' })] });
    expect(audibility(ringing, 'p-agent', 'monitor', 'spied-channel')).toMatchObject({ hearing: [], mutedOnHold: ['Chris Doe'] });
  });

  it('the agent gone (blind transfer): nothing (ChanSpy E ends the leg)', () => {
    const gone = call({ state: 'transferring', participants: [customerParty(), agentParty({ state: 'disconnected' })] });
    expect(audibility(gone, 'p-customer', 'monitor', 'spied-channel')).toMatchObject({ hearing: [], mutedOnHold: [] });
  });

  it('the spied channel is the call agent\'s, not the picked participant\'s', () => {
    expect(spiedAgent(consult)?.name).toBe('Alex Kim');
    expect(callScenario(consult, 'spied-channel')).toBe('consult');
    expect(callScenario(held, 'spied-channel')).toBe('hold');
  });
});

describe('who hears the supervisor stays safe on a channel spy', () => {
  it('coach names the spied agent even when another participant was picked (the whisper goes to that channel)', () => {
    expect(audibility(consult, 'p-specialist', 'coach', 'spied-channel').heardBy).toEqual(['Alex Kim', 'Pat Lee']);
  });
  it('barge on hold still names the held customer (ChanSpy barge reaches the bridged peer)', () => {
    expect(audibility(held, 'p-agent', 'barge', 'spied-channel').heardBy).toEqual(['Chris Doe', 'Alex Kim']);
  });
});

describe('the demo table is unchanged', () => {
  it('hold: the picked one, nothing muted; consult counts as hold', () => {
    expect(audibility(held, 'p-agent', 'monitor')).toMatchObject({ hearing: ['Alex Kim'], mutedOnHold: [] });
    expect(audibility(consult, 'p-agent', 'monitor', 'as-rules')).toMatchObject({ hearing: ['Alex Kim'], mutedOnHold: [] });
    expect(heardParticipants(held, 'p-customer').map((p) => p.name)).toEqual(['Chris Doe']);
    expect(callScenario(consult)).toBe('hold');
  });
});

describe('the preview on a channel spy', () => {
  it('says hold is muted, a consult is heard, and monitoring ends with the agent', () => {
    expect(audibilityPreview(active, 'p-customer', 'spied-channel').map((r) => r.sentence)).toEqual([
      'While the call is active you will hear: Chris Doe and Alex Kim',
      'If the agent puts the call on hold you will hear: nobody (the PBX still sends the held customer; Spyglass mutes it for privacy)',
      'If the agent consults a colleague you will hear: Alex Kim and the specialist',
      'If the agent transfers the call you will hear: Alex Kim and whoever they are talking to until the agent leaves the call; your monitoring then ends',
    ]);
  });
});

const states = ['alerting', 'connected', 'held', 'disconnected'] as const;
const arbParty = (id: string, kind: 'internal' | 'external', role: Participant['role']) =>
  fc.record({ state: fc.constantFrom(...states), inConsult: fc.boolean() }).map((o) =>
    participant({ id, name: id, kind, role, ...(kind === 'internal' ? { agentId: `a-${id}` } : {}), ...o }),
  );
const arbCall: fc.Arbitrary<Interaction> = fc
  .record({
    state: fc.constantFrom('connected', 'held', 'consult', 'transferring', 'conference'),
    parties: fc.tuple(arbParty('cust', 'external', 'customer'), arbParty('agent', 'internal', 'agent'), arbParty('spec', 'internal', 'specialist'), arbParty('cust2', 'external', 'customer')),
  })
  .map(({ state, parties }) => call({ state: state as Interaction['state'], participants: parties }));

describe('properties (any call shape)', () => {
  it('a channel spy never lets a held party through: when someone is held with the agent, nobody is heard and they are named as muted', () => {
    fc.assert(
      fc.property(arbCall, fc.constantFrom('cust', 'agent', 'spec'), (c, picked) => {
        const a = audibility(c, picked, 'monitor', 'spied-channel');
        const byName = new Map(c.participants.map((p) => [p.name, p]));
        // The spied channel itself is the tap point; everyone else heard must be talking, not held.
        const others = a.hearing.filter((n) => n !== spiedAgent(c)?.name);
        for (const n of others) expect(byName.get(n)?.state).toBe('connected');
        if (c.state === 'held') expect(others).toEqual([]);
        if (a.mutedOnHold.length > 0) expect(a.hearing).toEqual([]);
      }),
    );
  });
  it('barge names every answered party and coach the spied agent (never under-reports)', () => {
    fc.assert(
      fc.property(arbCall, fc.constantFrom('cust', 'agent', 'spec'), (c, picked) => {
        const barge = audibility(c, picked, 'barge', 'spied-channel').heardBy;
        for (const p of c.participants) if (p.state === 'connected' || p.state === 'held') expect(barge).toContain(p.name);
        const spied = spiedAgent(c);
        if (spied) expect(audibility(c, picked, 'coach', 'spied-channel').heardBy).toContain(spied.name);
      }),
    );
  });
});
