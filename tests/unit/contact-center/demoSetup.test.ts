import { describe, expect, it } from 'vitest';
import type { ConnectorEvent } from '../../../main/contact-center/Connector';
import { DemoContactCenter, ManualClock, createRealClock, scenarioIds, scenariosWith } from '../../../main/contact-center/demo';
import { agentStatuses } from '../../../preload/contract';

function record(seed: number, ms: number): ConnectorEvent[] {
  const clock = new ManualClock();
  const demo = DemoContactCenter.create({ clock, seed });
  const events: ConnectorEvent[] = [];
  demo.subscribe((e) => events.push(e));
  void demo.start();
  clock.advance(ms);
  return events;
}

describe('demo contact center: setup and determinism', () => {
  it('replays exactly the same events for the same seed and clock', () => {
    const a = record(42, 5 * 60_000);
    const b = record(42, 5 * 60_000);
    expect(a.length).toBeGreaterThan(100);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('differs for another seed', () => {
    expect(JSON.stringify(record(1, 60_000))).not.toBe(JSON.stringify(record(2, 60_000)));
  });

  it('has 40 agents across the 5 default queues, with varied names and statuses', () => {
    const state = DemoContactCenter.create({ clock: new ManualClock() }).state();
    expect(state.agents).toHaveLength(40);
    expect(state.queues.map((q) => q.name)).toEqual(['Billing', 'Technical Support', 'Sales', 'Retentions', 'Priority Care']);
    expect(new Set(state.agents.map((a) => a.name)).size).toBe(40);
    expect(state.agents[0]).toMatchObject({ id: 'agent-1', name: 'Alex Kim' });
    for (const q of state.queues) expect(state.agents.some((a) => a.queueIds.includes(q.id))).toBe(true);
    for (const a of state.agents) expect(agentStatuses).toContain(a.status);
    expect(new Set(state.agents.map((a) => a.status)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(state.agents.map((a) => a.extension)).size).toBe(40);
  });

  it('uses every status over time (logins, logouts, breaks)', () => {
    const clock = new ManualClock();
    const demo = DemoContactCenter.create({ clock, seed: 3 });
    const seen = new Set(demo.state().agents.map((a) => a.status));
    demo.subscribe((e) => {
      if (e.type === 'agents') for (const a of e.agents) seen.add(a.status);
    });
    void demo.start();
    clock.advance(20 * 60_000);
    expect([...seen].sort()).toEqual([...agentStatuses].sort());
  });

  it('scales to 5,000 agents with unique ids and rejects more', () => {
    const state = DemoContactCenter.create({ clock: new ManualClock(), agents: 5000 }).state();
    expect(state.agents).toHaveLength(5000);
    expect(new Set(state.agents.map((a) => a.id)).size).toBe(5000);
    expect(new Set(state.agents.map((a) => a.name)).size).toBe(5000);
    expect(() => DemoContactCenter.create({ clock: new ManualClock(), agents: 5001 })).toThrow(RangeError);
  });

  it('batches one agents event per tick and meets changesPerSecond', () => {
    const clock = new ManualClock();
    const demo = DemoContactCenter.create({ clock, agents: 5000, changesPerSecond: 200, tickMs: 100 });
    let agentEvents = 0;
    let changed = 0;
    demo.subscribe((e) => {
      if (e.type === 'agents') {
        agentEvents++;
        changed += e.agents.length;
      }
    });
    void demo.start();
    clock.advance(10_000);
    expect(agentEvents).toBeLessThanOrEqual(100);
    expect(changed).toBeGreaterThan(1500);
  });

  it('has the supervisor Morgan Lee, Available, with all permissions, configurable', () => {
    const state = DemoContactCenter.create({ clock: new ManualClock() }).state();
    expect(state.supervisor).toMatchObject({ id: 'sup-1', name: 'Morgan Lee', status: 'Available', extension: '1001' });
    expect(state.supervisor.permissions).toHaveLength(8);
    const custom = DemoContactCenter.create({ clock: new ManualClock(), supervisor: { status: 'Busy', permissions: ['call:monitor'] } }).state();
    expect(custom.supervisor).toMatchObject({ status: 'Busy', permissions: ['call:monitor'] });
  });

  it('puts the e2e scenarios in place by default', () => {
    const state = DemoContactCenter.create({ clock: new ManualClock() }).state();
    const byId = new Map(state.interactions.map((i) => [i.id, i]));
    const alex = byId.get(scenarioIds.longCall);
    expect(alex?.state).toBe('connected');
    expect(alex?.participants.map((p) => p.name)).toEqual(['Jennifer Morales', 'Alex Kim']);
    expect(byId.get(scenarioIds.assistanceChat)?.assistanceRequested).toBe(true);
    expect(byId.get(scenarioIds.chatMonitoredByDana)?.monitorLock?.supervisorName).toBe('Dana Reyes');
    expect(byId.get(scenarioIds.consultCall)?.participants.some((p) => p.inConsult)).toBe(true);
    expect(byId.get(scenarioIds.conferenceCall)?.participants.filter((p) => p.inConference)).toHaveLength(3);
    expect(byId.get(scenarioIds.externalParticipant)?.participants.some((p) => p.role === 'external' && p.kind === 'external')).toBe(true);
    expect(byId.get(scenarioIds.coachedByDana)?.monitorLock).toMatchObject({ supervisorName: 'Dana Reyes', mode: 'coach' });
    expect(byId.get(scenarioIds.unmonitorableCall)?.monitorable).toBe(false);
    expect(byId.get(scenarioIds.pendingChat)?.state).toBe('pending');
  });

  it('shows no attack strings by default, even after 30 minutes of background traffic; the hostile scenario is opt-in', () => {
    const attack = /<script|<img|<b>|onerror=|javascript:/i;
    const clock = new ManualClock();
    const demo = DemoContactCenter.create({ clock, seed: 3 });
    let seen = JSON.stringify(demo.state());
    demo.subscribe((e) => {
      const text = JSON.stringify(e);
      if (attack.test(text)) seen += text;
    });
    void demo.start();
    clock.advance(30 * 60_000);
    expect(seen).not.toMatch(attack);
    expect(demo.state().interactions.some((i) => i.id === scenarioIds.hostileChat)).toBe(false);

    const hostile = DemoContactCenter.create({ clock: new ManualClock(), scenarios: scenariosWith(['hostile']) }).state();
    const chat = hostile.interactions.find((i) => i.id === scenarioIds.hostileChat);
    expect(chat?.customer?.name).toBe('<b>Tyler Jackson</b>');
    expect(hostile.interactions.some((i) => i.id === scenarioIds.longCall)).toBe(true);
  });

  it('keeps the long call up for more than 10 minutes of busy background traffic', () => {
    const clock = new ManualClock();
    const demo = DemoContactCenter.create({ clock, seed: 9 });
    void demo.start();
    clock.advance(15 * 60_000);
    const alex = demo.state().interactions.find((i) => i.id === scenarioIds.longCall);
    expect(alex?.state).toBe('connected');
    demo.control.holdCall(scenarioIds.longCall);
    expect(demo.state().interactions.find((i) => i.id === scenarioIds.longCall)?.state).toBe('held');
  });

  it('keeps history bounded: ended interactions are removed', () => {
    const clock = new ManualClock();
    const demo = DemoContactCenter.create({ clock, seed: 5 });
    let removed = 0;
    demo.subscribe((e) => {
      if (e.type === 'interactionsRemoved') removed += e.ids.length;
    });
    void demo.start();
    clock.advance(30 * 60_000);
    expect(removed).toBeGreaterThan(20);
    expect(demo.state().interactions.length).toBeLessThan(80);
  });

  it('accepts custom queues and small sizes, skipping scenarios that do not fit', async () => {
    const clock = new ManualClock();
    const demo = DemoContactCenter.create({ clock, agents: 3, queues: [{ id: 'q-a', name: 'Alpha', slaSeconds: 15 }] });
    const state = demo.state();
    expect(state.queues.map((q) => q.name)).toEqual(['Alpha']);
    expect(state.agents.every((a) => a.queueIds.includes('q-a'))).toBe(true);
    expect(state.interactions.some((i) => i.id.startsWith('call-alex'))).toBe(false);
    await demo.start();
    clock.advance(5 * 60_000);
    expect(demo.state().agents).toHaveLength(3);
  });

  it('real clock compresses time', () => {
    const clock = createRealClock({ factor: 10, startAt: 0 });
    const t0 = Date.now();
    while (Date.now() - t0 < 20) {
      // busy-wait 20 ms of real time
    }
    expect(clock.now()).toBeGreaterThanOrEqual(200);
  });
});
