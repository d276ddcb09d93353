import { describe, expect, it } from 'vitest';
import { quietDemo } from './demoHarness';

describe('demo voice calls', () => {
  it('a call waits in its queue, rings, connects, holds, resumes and ends', async () => {
    const { control, ix, demo, clock, of } = await quietDemo();
    const id = control.startCall({ id: 'c1', queueId: 'queue-sales', customerName: 'Robert Chen' });
    expect(ix('c1').state).toBe('pending');
    expect(demo.state().queues.find((q) => q.id === 'queue-sales')).toMatchObject({ waiting: 1 });

    // Routing happens in the simulation; the quiet demo lets a test do it with a blind transfer target instead.
    control.endInteraction(id);
    expect(ix('c1').state).toBe('ended');
    expect(demo.state().queues.find((q) => q.id === 'queue-sales')).toMatchObject({ waiting: 0 });

    control.startCall({ id: 'c2', agentId: 'agent-1', customerName: 'Laura Schultz' });
    const c2 = ix('c2');
    expect(c2.state).toBe('connected');
    expect(c2.participants.map((p) => [p.role, p.kind, p.state])).toEqual([
      ['customer', 'external', 'connected'],
      ['agent', 'internal', 'connected'],
    ]);
    expect(demo.state().agents.find((a) => a.id === 'agent-1')?.interactionIds).toEqual(['c2']);

    control.holdCall('c2');
    expect(ix('c2').state).toBe('held');
    expect(ix('c2').participants[0]?.state).toBe('held');
    control.resumeCall('c2');
    expect(ix('c2').state).toBe('connected');
    expect(() => control.resumeCall('c2')).toThrow(/not on hold/);

    control.endInteraction('c2');
    expect(ix('c2').participants.every((p) => p.state === 'disconnected')).toBe(true);
    expect(demo.state().agents.find((a) => a.id === 'agent-1')?.interactionIds).toEqual([]);
    const kinds = demo.timeline('c2').map((e) => e.kind);
    expect(kinds).toEqual(['started', 'connected', 'held', 'resumed', 'ended']);

    clock.advance(11_000);
    expect(demo.state().interactions.find((i) => i.id === 'c2')).toBeUndefined();
    expect(of('interactionsRemoved').flatMap((e) => e.ids)).toContain('c2');
    // The timeline outlives the live interaction (bounded archive).
    expect(demo.timeline('c2')).toHaveLength(5);
  });

  it('consult: the specialist is inConsult and the customer waits; completing transfers the call', async () => {
    const { control, ix, demo } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-4' });
    const specialistId = control.consult('c', 'agent-5');
    let c = ix('c');
    expect(c.state).toBe('consult');
    expect(c.participants.find((p) => p.id === specialistId)).toMatchObject({ role: 'specialist', inConsult: true, name: 'Tom Becker' });
    expect(c.participants.find((p) => p.role === 'customer')?.state).toBe('held');

    control.completeConsult('c');
    c = ix('c');
    expect(c.state).toBe('connected');
    expect(c.participants.map((p) => p.name)).toEqual(['Jennifer Morales', 'Tom Becker']);
    expect(c.participants.find((p) => p.name === 'Tom Becker')).toMatchObject({ role: 'agent', inConsult: false });
    expect(demo.state().agents.find((a) => a.id === 'agent-4')?.interactionIds).toEqual([]);
    expect(demo.timeline('c').some((e) => e.kind === 'transferred')).toBe(true);
  });

  it('a cancelled consult leaves the agent with the customer', async () => {
    const { control, ix } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-4' });
    control.consult('c', 'agent-5');
    control.cancelConsult('c');
    expect(ix('c').participants.map((p) => p.name)).toEqual(['Jennifer Morales', 'Maria González']);
    expect(ix('c').state).toBe('connected');
  });

  it('conference: every party is inConference; ending it sends the added agent away', async () => {
    const { control, ix } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-6' });
    control.conference('c', 'agent-7');
    expect(ix('c').state).toBe('conference');
    expect(ix('c').participants.every((p) => p.inConference)).toBe(true);
    control.endConference('c');
    expect(ix('c').participants.map((p) => [p.name, p.inConference])).toEqual([
      ['Jennifer Morales', false],
      ['Wei Chen', false],
    ]);
  });

  it('blind transfer to an agent rings there; to a queue waits there', async () => {
    const { control, ix, demo } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-1' });
    control.blindTransfer('c', { kind: 'agent', id: 'agent-2' });
    expect(ix('c').state).toBe('transferring');
    expect(ix('c').participants.map((p) => [p.name, p.state])).toEqual([
      ['Jennifer Morales', 'connected'],
      ['Priya Shah', 'alerting'],
    ]);
    control.answerCall('c');
    expect(ix('c').state).toBe('connected');
    control.blindTransfer('c', { kind: 'queue', id: 'queue-tech' });
    expect(ix('c')).toMatchObject({ state: 'pending', queueId: 'queue-tech' });
    expect(demo.state().queues.find((q) => q.id === 'queue-tech')?.waiting).toBe(1);
  });

  it('an external participant can join and leave', async () => {
    const { control, ix } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-8' });
    const ext = control.addExternalParty('c', 'Northwind Bank fraud desk');
    expect(ix('c').participants.find((p) => p.id === ext)).toMatchObject({ kind: 'external', role: 'external' });
    control.removeExternalParty('c', ext);
    expect(ix('c').participants).toHaveLength(2);
  });

  it('background calls go through ringing, connected, hold, consult, conference and transfer', async () => {
    const { clock, events } = await quietDemo({ simulate: true, seed: 11 });
    clock.advance(30 * 60_000);
    const states = new Set<string>();
    const timeline = new Set<string>();
    let unmonitorable = 0;
    for (const e of events) {
      if (e.type === 'interactions') for (const i of e.interactions) if (i.channel === 'voice') {
        states.add(i.state);
        if (!i.monitorable) unmonitorable++;
      }
      if (e.type === 'timeline') timeline.add(e.event.kind);
    }
    for (const s of ['pending', 'alerting', 'connected', 'held', 'consult', 'conference', 'transferring', 'ended']) expect(states).toContain(s);
    for (const k of ['held', 'resumed', 'consult', 'conference', 'transferred', 'supervision-start', 'supervision-end']) expect(timeline).toContain(k);
    expect(unmonitorable).toBeGreaterThan(0);
  });
});
