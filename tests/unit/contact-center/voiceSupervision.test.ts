import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/contact-center/Connector';
import { quietDemo } from './demoHarness';

const rejects = async (p: Promise<unknown>, message: RegExp) => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).code).toBe('REFUSED');
  expect((error as Error).message).toMatch(message);
};

describe('demo voice supervision through the Connector', () => {
  it('monitor, coach, barge and stop: participant, lock, periods, timeline, events', async () => {
    const h = await quietDemo();
    const { demo, control, ix, clock, of } = h;
    control.startCall({ id: 'c', agentId: 'agent-1' });
    h.events.length = 0;

    await demo.startSupervision({ interactionId: 'c', participantId: 'c-agent-1', mode: 'monitor' });
    let c = ix('c');
    const me = c.participants.find((p) => p.role === 'supervisor');
    expect(me).toMatchObject({
      id: 'c-sup-1',
      name: 'Morgan Lee',
      kind: 'internal',
      state: 'connected',
      supervising: { supervisorId: 'sup-1', mode: 'monitor', targetParticipantId: 'c-agent-1' },
    });
    expect(c.supervisorsInvolved).toEqual([{ id: 'sup-1', name: 'Morgan Lee' }]);
    expect(c.monitorLock).toBeUndefined();
    expect(of('interactions').length).toBeGreaterThan(0);
    expect(of('timeline').map((e) => e.event.kind)).toEqual(['supervision-start']);
    expect(of('period')[0]?.period).toMatchObject({ supervisorId: 'sup-1', mode: 'monitor', participantId: 'c-agent-1' });

    clock.advance(5_000);
    await demo.changeSupervisionMode('c', 'coach');
    c = ix('c');
    expect(c.monitorLock).toMatchObject({ supervisorId: 'sup-1', supervisorName: 'Morgan Lee', mode: 'coach' });

    clock.advance(5_000);
    await demo.changeSupervisionMode('c', 'barge');
    expect(ix('c').monitorLock).toBeUndefined();
    clock.advance(5_000);
    await demo.changeSupervisionMode('c', 'monitor');
    clock.advance(5_000);
    await demo.stopSupervision('c');

    c = ix('c');
    expect(c.state).toBe('connected'); // the handset ends only the supervisor's leg
    expect(c.participants.some((p) => p.role === 'supervisor')).toBe(false);
    expect(c.supervisorsInvolved).toEqual([{ id: 'sup-1', name: 'Morgan Lee' }]);

    const periods = demo.periods('c');
    expect(periods.map((p) => [p.mode, p.endedAt! - p.startedAt])).toEqual([
      ['monitor', 5_000],
      ['coach', 5_000],
      ['barge', 5_000],
      ['monitor', 5_000],
    ]);
    const tl = demo.timeline('c').filter((e) => e.kind.startsWith('supervision'));
    expect(tl.map((e) => [e.kind, e.mode, e.supervisorName])).toEqual([
      ['supervision-start', 'monitor', 'Morgan Lee'],
      ['supervision-mode', 'coach', 'Morgan Lee'],
      ['supervision-mode', 'barge', 'Morgan Lee'],
      ['supervision-mode', 'monitor', 'Morgan Lee'],
      ['supervision-end', 'monitor', 'Morgan Lee'],
    ]);
    // Closing periods is pushed too.
    expect(of('period').filter((e) => e.period.endedAt !== undefined)).toHaveLength(4);
    // Stopping again is harmless.
    await demo.stopSupervision('c');
  });

  it('supervision ends by itself when the call ends', async () => {
    const { demo, control, ix, of, events } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-1' });
    await demo.startSupervision({ interactionId: 'c', participantId: 'c-agent-1', mode: 'coach' });
    control.supervisorStart('sup-2', 'c', 'monitor');
    events.length = 0;
    control.endInteraction('c');
    expect(ix('c').monitorLock).toBeUndefined();
    expect(demo.periods('c').every((p) => p.endedAt !== undefined)).toBe(true);
    const ends = of('timeline').filter((e) => e.event.kind === 'supervision-end');
    expect(ends.map((e) => e.event.supervisorName).sort()).toEqual(['Dana Reyes', 'Morgan Lee']);
    expect(ends[0]?.event.text).toMatch(/call ended/);
    expect(of('period').filter((e) => e.period.endedAt !== undefined)).toHaveLength(2);
  });

  it('refuses a second coach and names who is coaching', async () => {
    const { demo, control } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-11' });
    control.supervisorStart('sup-2', 'c', 'coach');
    await rejects(demo.startSupervision({ interactionId: 'c', participantId: 'c-agent-11', mode: 'coach' }), /Dana Reyes is already coaching/);
    await demo.startSupervision({ interactionId: 'c', participantId: 'c-agent-11', mode: 'monitor' });
    await rejects(demo.changeSupervisionMode('c', 'coach'), /Dana Reyes/);
    control.supervisorMode('sup-2', 'c', 'monitor');
    await demo.changeSupervisionMode('c', 'coach');
    expect(() => control.supervisorMode('sup-2', 'c', 'coach')).toThrow(/Morgan Lee is already coaching/);
  });

  it('refuses what the platform refuses: external barge, consult specialist, conference, flow, status, second call', async () => {
    const { demo, control } = await quietDemo();
    control.startCall({ id: 'ext', agentId: 'agent-8' });
    const extId = control.addExternalParty('ext', 'Northwind Bank fraud desk');
    await rejects(demo.startSupervision({ interactionId: 'ext', participantId: extId, mode: 'barge' }), /not allowed for external participants/);
    await rejects(demo.startSupervision({ interactionId: 'ext', participantId: 'ext-customer', mode: 'barge' }), /external/);

    control.startCall({ id: 'cons', agentId: 'agent-4' });
    const specialist = control.consult('cons', 'agent-5');
    await rejects(demo.startSupervision({ interactionId: 'cons', participantId: specialist, mode: 'barge' }), /consult/);
    await demo.startSupervision({ interactionId: 'cons', participantId: 'cons-agent-4', mode: 'barge' });
    await demo.stopSupervision('cons');

    control.startCall({ id: 'conf', agentId: 'agent-6' });
    control.conference('conf', 'agent-7');
    await rejects(demo.startSupervision({ interactionId: 'conf', participantId: 'conf-agent-6', mode: 'barge' }), /conference/);

    control.startCall({ id: 'closed', agentId: 'agent-9', monitorable: false });
    await rejects(demo.startSupervision({ interactionId: 'closed', participantId: 'closed-agent-9', mode: 'monitor' }), /does not allow monitoring/);

    await demo.startSupervision({ interactionId: 'ext', participantId: 'ext-agent-8', mode: 'monitor' });
    await rejects(demo.startSupervision({ interactionId: 'conf', participantId: 'conf-customer', mode: 'monitor' }), /Already supervising another call/);
    await demo.stopSupervision('ext');

    await demo.setSupervisorStatus('Busy');
    await rejects(demo.startSupervision({ interactionId: 'ext', participantId: 'ext-agent-8', mode: 'monitor' }), /must be Available/);
  });

  it('coach and barge are refused on a customer-side leg, as the rules say', async () => {
    const { demo, control } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-1' });
    await demo.startSupervision({ interactionId: 'c', participantId: 'c-customer', mode: 'monitor' });
    await rejects(demo.changeSupervisionMode('c', 'coach'), /internal participant/);
    await rejects(demo.changeSupervisionMode('c', 'barge'), /external/);
  });

  it('refuses without the permission', async () => {
    const { demo, control } = await quietDemo({ supervisor: { permissions: ['call:monitor'] } });
    control.startCall({ id: 'c', agentId: 'agent-1' });
    await rejects(demo.startSupervision({ interactionId: 'c', participantId: 'c-agent-1', mode: 'coach' }), /call:coach/);
    await demo.startSupervision({ interactionId: 'c', participantId: 'c-agent-1', mode: 'monitor' });
    await rejects(demo.changeSupervisionMode('c', 'barge'), /call:barge/);
  });

  it('a supervision on a departing agent ends; on the customer it continues through the transfer', async () => {
    const { demo, control, ix } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-1' });
    await demo.startSupervision({ interactionId: 'c', participantId: 'c-customer', mode: 'monitor' });
    control.supervisorStart('sup-2', 'c', 'monitor', 'c-agent-1');
    control.blindTransfer('c', { kind: 'agent', id: 'agent-2' });
    const supervisors = ix('c').participants.filter((p) => p.role === 'supervisor');
    expect(supervisors.map((p) => p.name)).toEqual(['Morgan Lee']);
  });

  it('logging off (Offline) ends the supervisor’s legs', async () => {
    const { demo, control, ix, of } = await quietDemo();
    control.startCall({ id: 'c', agentId: 'agent-1' });
    await demo.startSupervision({ interactionId: 'c', participantId: 'c-agent-1', mode: 'coach' });
    await demo.setSupervisorStatus('Offline');
    expect(ix('c').monitorLock).toBeUndefined();
    expect(ix('c').participants.some((p) => p.role === 'supervisor')).toBe(false);
    expect(of('supervisor').at(-1)?.supervisor.status).toBe('Offline');
  });
});
