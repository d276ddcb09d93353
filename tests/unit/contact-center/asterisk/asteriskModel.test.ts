import { describe, expect, it } from 'vitest';
import { interactionSchema } from '../../../../preload/contract';
import { agentStatus } from '../../../../main/contact-center/asterisk/agentsModel';
import { AsteriskModel } from '../../../../main/contact-center/asterisk/asteriskModel';

/** Hand-made AMI events, field names as in the Asterisk 20/22 AMI event documentation. */
const T0 = 1_700_000_000_000;
type F = Record<string, string>;
const chan = (uniqueid: string, channel: string, extra: F = {}, prefix = ''): F => {
  const base: F = { Channel: channel, Uniqueid: uniqueid, Linkedid: extra.Linkedid ?? uniqueid, ChannelStateDesc: 'Up', ...extra };
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [`${prefix}${k}`, v]));
};
const member = (queue: string, name: string, iface: string, extra: F = {}): F => ({
  Event: 'QueueMemberStatus',
  Queue: queue,
  MemberName: name,
  Interface: iface,
  StateInterface: iface,
  Status: '1',
  Paused: '0',
  ...extra,
});

const CALLER = '1700000000.1';
const AGENT_LEG = '1700000000.2';

function setup(options: ConstructorParameters<typeof AsteriskModel>[0] = {}) {
  const model = new AsteriskModel({ selfExtension: '7001', spyFeatureCodes: ['*222'], ...options });
  let now = T0;
  const apply = (event: F, advanceMs = 0) => {
    now += advanceMs;
    model.apply(event, now);
  };
  apply({ Event: 'QueueParams', Queue: 'support', ServiceLevel: '30', Completed: '10', Abandoned: '2', ServicelevelPerf: '80.0' });
  apply(member('support', 'Alex Kim', 'PJSIP/1001'));
  apply(member('support', 'Priya Shah', 'PJSIP/1002'));
  const derive = () => model.derive(now);
  const call = (id = CALLER) => derive().interactions.find((i) => i.id === `call:${id}`);
  return { model, apply, derive, call, now: () => now };
}

/** A customer calls the support queue and Alex Kim answers. */
function answeredCall(s: ReturnType<typeof setup>) {
  s.apply({ Event: 'Newchannel', ...chan(CALLER, 'PJSIP/trunk-00000001', { ChannelStateDesc: 'Ring', CallerIDNum: '+15550100', CallerIDName: 'Jennifer Morales', Exten: '500' }) });
  s.apply({ Event: 'QueueCallerJoin', ...chan(CALLER, 'PJSIP/trunk-00000001', { CallerIDNum: '+15550100', CallerIDName: 'Jennifer Morales' }), Queue: 'support', Position: '1', Count: '1' });
  s.apply({ Event: 'Newchannel', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER, ChannelStateDesc: 'Down' }) }, 5000);
  s.apply({ Event: 'AgentCalled', ...chan(CALLER, 'PJSIP/trunk-00000001'), ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER, ChannelStateDesc: 'Ringing' }, 'Dest'), Queue: 'support', Interface: 'PJSIP/1001', MemberName: 'Alex Kim' });
  s.apply({ Event: 'Newstate', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER, ChannelStateDesc: 'Up' }) }, 3000);
  s.apply({ Event: 'QueueCallerLeave', ...chan(CALLER, 'PJSIP/trunk-00000001'), Queue: 'support', Count: '0', Position: '1' });
  s.apply({ Event: 'AgentConnect', ...chan(CALLER, 'PJSIP/trunk-00000001'), ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }, 'Dest'), Queue: 'support', Interface: 'PJSIP/1001', MemberName: 'Alex Kim', HoldTime: '8', RingTime: '3' });
  s.apply({ Event: 'BridgeEnter', ...chan(CALLER, 'PJSIP/trunk-00000001'), BridgeUniqueid: 'b1' });
  s.apply({ Event: 'BridgeEnter', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }), BridgeUniqueid: 'b1' });
}

describe('AsteriskModel: agents', () => {
  it('queue members become agents with their extension; device and pause set the state', () => {
    const s = setup();
    const alex = () => s.derive().agents.find((a) => a.name === 'Alex Kim')!;
    expect(alex()).toMatchObject({ id: 'agent:PJSIP/1001', extension: '1001', status: 'On Queue', queueIds: ['queue:support'] });
    s.apply({ Event: 'QueueMemberPause', ...member('support', 'Alex Kim', 'PJSIP/1001', { Paused: '1', PausedReason: 'lunch' }) }, 1000);
    expect(alex()).toMatchObject({ status: 'Away', statusSince: s.now() });
    s.apply({ Event: 'QueueMemberPause', ...member('support', 'Alex Kim', 'PJSIP/1001', { Paused: '0' }) });
    s.apply({ Event: 'DeviceStateChange', Device: 'PJSIP/1001', State: 'UNAVAILABLE' });
    expect(alex().status).toBe('Offline');
    s.apply({ Event: 'DeviceStateChange', Device: 'PJSIP/1001', State: 'NOT_INUSE' });
    s.apply({ Event: 'PresenceStateChange', Presentity: 'CustomPresence:1001', Status: 'dnd' });
    expect(alex().status).toBe('Busy');
    s.apply({ Event: 'QueueMemberRemoved', Queue: 'support', MemberName: 'Alex Kim', Interface: 'PJSIP/1001', StateInterface: 'PJSIP/1001' });
    expect(s.derive().agents.map((a) => a.name)).toEqual(['Priya Shah']);
  });

  it('a member of two queues is one agent in both; paused in one only stays On Queue', () => {
    expect(agentStatus({ queues: new Map([['a', { paused: true, device: 'NOT_INUSE' }], ['b', { paused: false, device: 'NOT_INUSE' }]]) })).toBe('On Queue');
    const s = setup();
    s.apply(member('sales', 'Alex Kim', 'PJSIP/1001'));
    expect(s.derive().agents.find((a) => a.name === 'Alex Kim')?.queueIds).toEqual(['queue:support', 'queue:sales']);
  });
});

describe('AsteriskModel: queues and calls', () => {
  it('a waiting caller shows in the queue with the time they joined, then Alex answers', () => {
    const s = setup();
    s.apply({ Event: 'Newchannel', ...chan(CALLER, 'PJSIP/trunk-00000001', { ChannelStateDesc: 'Ring', CallerIDName: 'Jennifer Morales', CallerIDNum: '+15550100' }) });
    s.apply({ Event: 'QueueCallerJoin', ...chan(CALLER, 'PJSIP/trunk-00000001', { CallerIDName: 'Jennifer Morales' }), Queue: 'support', Position: '1', Count: '1' });
    const joinedAt = s.now();
    s.apply({ Event: 'Newexten', ...chan(CALLER, 'PJSIP/trunk-00000001'), Application: 'Queue', AppData: 'support' }, 4000);
    const q = s.derive().queues.find((x) => x.name === 'support')!;
    expect(q).toMatchObject({ waiting: 1, oldestWaitingSince: joinedAt, slaSeconds: 30, completed: 10, abandoned: 2, serviceLevelPercent: 80 });
    expect(s.call()).toMatchObject({ state: 'pending', queueId: 'queue:support', customer: { name: 'Jennifer Morales', phone: '+15550100' } });
    // The linkedid's creation time is the call's epoch: a restart that re-derives startedAt keeps one cached record.
    expect(s.call()?.epoch).toBe(1_700_000_000_000);

    const t = setup();
    answeredCall(t);
    const call = t.call()!;
    expect(interactionSchema.parse(call)).toBeTruthy();
    expect(call.state).toBe('connected');
    expect(call.participants.map((p) => [p.name, p.kind, p.role, p.state])).toEqual([
      ['Jennifer Morales', 'external', 'customer', 'connected'],
      ['Alex Kim', 'internal', 'agent', 'connected'],
    ]);
    expect(t.derive().queues.find((x) => x.name === 'support')).toMatchObject({ waiting: 0 });
    expect(t.derive().agents.find((a) => a.name === 'Alex Kim')?.interactionIds).toEqual([call.id]);
    expect(t.model.timeline(call.id).map((e) => e.text)).toEqual(['Call from Jennifer Morales entered support', 'Alex Kim answered after 8 s in support']);
  });

  it('while the agent rings the call is alerting', () => {
    const s = setup();
    s.apply({ Event: 'Newchannel', ...chan(CALLER, 'PJSIP/trunk-00000001', { CallerIDName: 'Jennifer Morales' }) });
    s.apply({ Event: 'QueueCallerJoin', ...chan(CALLER, 'PJSIP/trunk-00000001'), Queue: 'support' });
    s.apply({ Event: 'AgentCalled', ...chan(CALLER, 'PJSIP/trunk-00000001'), ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER, ChannelStateDesc: 'Ringing' }, 'Dest'), Queue: 'support', Interface: 'PJSIP/1001' });
    expect(s.call()).toMatchObject({ state: 'alerting' });
  });

  it('hold and unhold: the agent holds, the customer is held', () => {
    const s = setup();
    answeredCall(s);
    s.apply({ Event: 'Hold', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }), MusicClass: 'default' }, 2000);
    expect(s.call()?.state).toBe('held');
    expect(s.call()?.participants.map((p) => p.state)).toEqual(['held', 'connected']);
    s.apply({ Event: 'Unhold', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }) }, 2000);
    expect(s.call()?.state).toBe('connected');
    expect(s.model.timeline(s.call()!.id).map((e) => e.kind)).toEqual(['started', 'connected', 'held', 'resumed']);
  });

  it('blind transfer: transferring until the new agent answers, then connected to Priya', () => {
    const s = setup();
    answeredCall(s);
    s.apply({ Event: 'BlindTransfer', Result: 'Success', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }, 'Transferer'), ...chan(CALLER, 'PJSIP/trunk-00000001', {}, 'Transferee'), BridgeUniqueid: 'b1', IsExternal: 'No', Context: 'agents', Extension: '1002' });
    s.apply({ Event: 'BridgeLeave', ...chan(CALLER, 'PJSIP/trunk-00000001'), BridgeUniqueid: 'b1' });
    s.apply({ Event: 'BridgeLeave', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }), BridgeUniqueid: 'b1' });
    s.apply({ Event: 'Hangup', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }), Cause: '16' });
    s.apply({ Event: 'Newchannel', ...chan('1700000000.3', 'PJSIP/1002-00000003', { Linkedid: CALLER, ChannelStateDesc: 'Ringing' }) });
    expect(s.call()?.state).toBe('transferring');
    s.apply({ Event: 'Newstate', ...chan('1700000000.3', 'PJSIP/1002-00000003', { Linkedid: CALLER }) }, 2000);
    s.apply({ Event: 'BridgeEnter', ...chan(CALLER, 'PJSIP/trunk-00000001'), BridgeUniqueid: 'b2' });
    s.apply({ Event: 'BridgeEnter', ...chan('1700000000.3', 'PJSIP/1002-00000003', { Linkedid: CALLER }), BridgeUniqueid: 'b2' });
    const call = s.call()!;
    expect(call.state).toBe('connected');
    expect(call.participants.map((p) => p.name)).toEqual(['Jennifer Morales', 'Priya Shah']);
    expect(s.model.timeline(call.id).map((e) => e.text)).toContain('Alex Kim transferred the call to Priya Shah (blind)');
  });

  it('attended transfer: consult with Priya shows in the customer call, then the customer is with Priya', () => {
    const s = setup();
    answeredCall(s);
    s.apply({ Event: 'Hold', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }) });
    // Alex's phone places a second call to Priya: a new call (own linkedid) until the transfer.
    s.apply({ Event: 'Newchannel', ...chan('1700000000.4', 'PJSIP/1001-00000004', { Exten: '1002' }) });
    s.apply({ Event: 'Newchannel', ...chan('1700000000.5', 'PJSIP/1002-00000005', { Linkedid: '1700000000.4' }) });
    s.apply({ Event: 'BridgeEnter', ...chan('1700000000.4', 'PJSIP/1001-00000004'), BridgeUniqueid: 'b9' });
    s.apply({ Event: 'BridgeEnter', ...chan('1700000000.5', 'PJSIP/1002-00000005', { Linkedid: '1700000000.4' }), BridgeUniqueid: 'b9' });
    const consult = s.call()!;
    expect(consult.state).toBe('consult');
    expect(consult.participants.map((p) => [p.name, p.role, p.state, p.inConsult])).toEqual([
      ['Jennifer Morales', 'customer', 'held', false],
      ['Alex Kim', 'agent', 'connected', false],
      ['Priya Shah', 'specialist', 'connected', true],
    ]);
    expect(s.derive().interactions.map((i) => i.id)).toEqual([consult.id]);
    s.apply({
      Event: 'AttendedTransfer',
      Result: 'Success',
      ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }, 'OrigTransferer'),
      OrigBridgeUniqueid: 'b1',
      ...chan('1700000000.4', 'PJSIP/1001-00000004', {}, 'SecondTransferer'),
      SecondBridgeUniqueid: 'b9',
      DestType: 'Bridge',
      DestBridgeUniqueid: 'b1',
      ...chan(CALLER, 'PJSIP/trunk-00000001', {}, 'Transferee'),
      ...chan('1700000000.5', 'PJSIP/1002-00000005', { Linkedid: '1700000000.4' }, 'TransferTarget'),
    });
    s.apply({ Event: 'BridgeLeave', ...chan('1700000000.5', 'PJSIP/1002-00000005', { Linkedid: '1700000000.4' }), BridgeUniqueid: 'b9' });
    s.apply({ Event: 'BridgeEnter', ...chan('1700000000.5', 'PJSIP/1002-00000005', { Linkedid: CALLER }), BridgeUniqueid: 'b1' });
    s.apply({ Event: 'Hangup', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }) });
    s.apply({ Event: 'Hangup', ...chan('1700000000.4', 'PJSIP/1001-00000004') });
    const after = s.call()!;
    expect(after.state).toBe('connected');
    expect(after.participants.map((p) => [p.name, p.role, p.state])).toEqual([
      ['Jennifer Morales', 'customer', 'connected'],
      ['Priya Shah', 'agent', 'connected'],
    ]);
    expect(s.model.timeline(after.id).map((e) => e.text)).toContain('Alex Kim transferred the call to Priya Shah (attended)');
  });

  it('abandoned: the caller hangs up while waiting; counted, and the call ends', () => {
    const s = setup({ endedRetentionMs: 10_000 });
    s.apply({ Event: 'Newchannel', ...chan(CALLER, 'PJSIP/trunk-00000001', { CallerIDName: 'Jennifer Morales' }) });
    s.apply({ Event: 'QueueCallerJoin', ...chan(CALLER, 'PJSIP/trunk-00000001', { CallerIDName: 'Jennifer Morales' }), Queue: 'support' });
    expect(s.call()?.state).toBe('pending');
    s.apply({ Event: 'QueueCallerAbandon', ...chan(CALLER, 'PJSIP/trunk-00000001'), Queue: 'support', Position: '1', OriginalPosition: '1', HoldTime: '45' }, 45_000);
    s.apply({ Event: 'QueueCallerLeave', ...chan(CALLER, 'PJSIP/trunk-00000001'), Queue: 'support' });
    s.apply({ Event: 'Hangup', ...chan(CALLER, 'PJSIP/trunk-00000001'), Cause: '16' });
    expect(s.derive().queues.find((q) => q.name === 'support')).toMatchObject({ waiting: 0, abandoned: 3 });
    expect(s.call()).toMatchObject({ state: 'ended', endedAt: s.now() });
    expect(s.model.timeline(`call:${CALLER}`).map((e) => e.text)).toContain('Jennifer Morales hung up after waiting 45 s in support (abandoned)');
    s.apply({ Event: 'Ping' }, 10_000);
    expect(s.call()).toBeUndefined();
  });

  it('AgentComplete counts a completed call, within the SLA when its hold time was', () => {
    const s = setup();
    answeredCall(s);
    s.apply({ Event: 'AgentComplete', ...chan(CALLER, 'PJSIP/trunk-00000001'), ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }, 'Dest'), Queue: 'support', Interface: 'PJSIP/1001', HoldTime: '8', TalkTime: '60', Reason: 'caller' });
    expect(s.derive().queues.find((q) => q.name === 'support')).toMatchObject({ completed: 11, serviceLevelPercent: 81.8 });
  });
});

describe('AsteriskModel: other supervisors', () => {
  const spy = (event: 'ChanSpyStart' | 'ChanSpyStop', spyerId: string, spyer: string, name: string): F => ({
    Event: event,
    ...chan(spyerId, spyer, { CallerIDName: name, CallerIDNum: spyer.slice(6, 10), Exten: `*222${'1001'}` }, 'Spyer'),
    ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }, 'Spyee'),
  });

  it("another supervisor's ChanSpy is a monitor lock naming them, released on ChanSpyStop", () => {
    const s = setup();
    answeredCall(s);
    s.apply({ Event: 'Newchannel', ...chan('1700000000.9', 'PJSIP/7002-00000009', { CallerIDName: 'Dana Reyes', CallerIDNum: '7002', Exten: '*2221001' }) });
    // Dialling the feature code is a supervisor leg, not a call of its own.
    expect(s.derive().interactions.map((i) => i.id)).toEqual([`call:${CALLER}`]);
    s.apply(spy('ChanSpyStart', '1700000000.9', 'PJSIP/7002-00000009', 'Dana Reyes'), 1000);
    const locked = s.call()!;
    expect(locked.monitorLock).toEqual({ supervisorId: 'spy:PJSIP/7002', supervisorName: 'Dana Reyes (PJSIP/7002)', mode: 'monitor', modeUnknown: true, since: s.now() });
    const row = locked.participants.find((p) => p.role === 'supervisor')!;
    expect(row.supervising).toEqual({ supervisorId: 'spy:PJSIP/7002', mode: 'monitor', modeUnknown: true, targetParticipantId: `call:${CALLER}~${AGENT_LEG}` });
    expect(locked.supervisorsInvolved).toEqual([{ id: 'spy:PJSIP/7002', name: 'Dana Reyes (PJSIP/7002)' }]);
    s.apply(spy('ChanSpyStop', '1700000000.9', 'PJSIP/7002-00000009', 'Dana Reyes'), 1000);
    expect(s.call()?.monitorLock).toBeUndefined();
    expect(s.call()?.participants.some((p) => p.role === 'supervisor')).toBe(false);
    expect(s.model.periods(`call:${CALLER}`)).toMatchObject([{ supervisorName: 'Dana Reyes (PJSIP/7002)', endedAt: s.now() }]);
  });

  it('our own ChanSpy (phone.user 7001) is not shown as a lock', () => {
    const s = setup();
    answeredCall(s);
    s.apply({ Event: 'Newchannel', ...chan('1700000000.8', 'PJSIP/7001-00000008', { CallerIDNum: '7001', Exten: '*2221001' }) });
    s.apply(spy('ChanSpyStart', '1700000000.8', 'PJSIP/7001-00000008', ''));
    expect(s.call()?.monitorLock).toBeUndefined();
    expect(s.call()?.participants.some((p) => p.role === 'supervisor')).toBe(false);
  });

  it('after a resync, a running ChanSpy is found from CoreShowChannel (application data names the spied channel)', () => {
    const s = setup();
    answeredCall(s);
    s.apply({ Event: 'CoreShowChannel', ...chan('1700000000.9', 'PJSIP/7002-00000009', { CallerIDName: 'Dana Reyes' }), Application: 'ChanSpy', ApplicationData: 'PJSIP/1001-,qdE', Duration: '00:01:05' });
    expect(s.call()?.monitorLock).toMatchObject({ supervisorName: 'Dana Reyes (PJSIP/7002)', since: s.now() - 65_000 });
  });
});

describe('AsteriskModel: hostile input', () => {
  it('malformed and unknown events change nothing and never throw; malformed ones are logged, truncated', () => {
    const warnings: string[] = [];
    const s = setup({ warn: (_k, m) => warnings.push(m) });
    const before = JSON.stringify(s.derive());
    const hostile: F[] = [
      { Event: 'Newchannel', Channel: 'PJSIP/x', Uniqueid: 'bad id with spaces' },
      { Event: 'Hangup' },
      { Event: 'QueueCallerJoin', Queue: 'support', Uniqueid: '../../etc' },
      { Event: 'SomethingNew', Foo: 'bar' },
      { Event: 'QueueMemberStatus', Queue: 'q'.repeat(500), Interface: 'PJSIP/1' },
      { Event: 'DeviceStateChange', Device: 'PJSIP/9999', State: 'INUSE' },
      { Response: 'Success' },
    ];
    hostile.push({ Event: 'Hold', Channel: `PJSIP/${'x'.repeat(500)}\r\nEvent: Forged`, Uniqueid: '1.2' });
    for (const e of hostile) s.apply(e);
    expect(JSON.stringify(s.derive())).toBe(before);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toBe('Skipped a malformed Newchannel event (Channel PJSIP/x, Uniqueid bad id with spaces)');
    expect(warnings[3]!.length).toBeLessThan(200);
    expect(warnings[3]).not.toMatch(/[\r\n]/);
  });

  it('a flood of short calls lists at most maxEndedCalls ended calls, the newest', () => {
    const s = setup({ maxEndedCalls: 10, endedRetentionMs: 3_600_000 });
    for (let i = 0; i < 50; i++) {
      const a = `1700000002.${2 * i}`;
      const b = `1700000002.${2 * i + 1}`;
      s.apply({ Event: 'Newchannel', ...chan(a, `PJSIP/trunk-${i}`) }, 100);
      s.apply({ Event: 'Newchannel', ...chan(b, `PJSIP/1001-${i}`, { Linkedid: a }) });
      s.derive();
      s.apply({ Event: 'Hangup', ...chan(b, `PJSIP/1001-${i}`, { Linkedid: a }) });
      s.apply({ Event: 'Hangup', ...chan(a, `PJSIP/trunk-${i}`) });
      s.derive();
    }
    const ended = s.derive().interactions.filter((i) => i.state === 'ended');
    expect(ended).toHaveLength(10);
    expect(ended.map((i) => i.id)).toContain('call:1700000002.98');
  });

  it('channels are capped: a flood of Newchannel does not grow memory past the cap', () => {
    const warnings: string[] = [];
    const s = setup({ maxChannels: 100, warn: (_k, m) => warnings.push(m) });
    for (let i = 0; i < 1000; i++) s.apply({ Event: 'Newchannel', ...chan(`1700000001.${i}`, `PJSIP/trunk-${i}`) });
    expect(s.model.channels.byId.size).toBe(100);
    expect(warnings).toEqual(['More than 100 live channels: new ones are not shown until some end.']);
  });
});

describe('AsteriskModel: our own supervision', () => {
  it('ends with the call, so the next call can be monitored', () => {
    const s = setup();
    answeredCall(s);
    const id = `call:${CALLER}`;
    s.model.setOwnSupervision({ interactionId: id, participantId: `${id}~${AGENT_LEG}`, mode: 'monitor', since: s.now(), supervisorId: 'me', supervisorName: 'Me' }, s.now());
    expect(s.call()?.participants.find((p) => p.role === 'supervisor')?.supervising).toMatchObject({ supervisorId: 'me', mode: 'monitor' });
    s.apply({ Event: 'Hangup', ...chan(AGENT_LEG, 'PJSIP/1001-00000002', { Linkedid: CALLER }) }, 1000);
    s.apply({ Event: 'Hangup', ...chan(CALLER, 'PJSIP/trunk-00000001') });
    expect(s.call()?.state).toBe('ended');
    expect(s.model.own).toBeUndefined();
    expect(s.model.periods(id)).toMatchObject([{ supervisorId: 'me', endedAt: s.now() }]);
  });
});

describe('AsteriskModel: when an agent state began', () => {
  it('a pause found on resync began at LastPause; an unchanged state keeps its time across a resync', () => {
    const model = new AsteriskModel();
    const t = 1_800_000_000_000;
    model.apply({ Event: 'QueueMember', Queue: 'support', Name: 'Maria Lopez', Location: 'PJSIP/1002', StateInterface: 'PJSIP/1002', Status: '1', Paused: '1', LastPause: String(t / 1000 - 600) }, t);
    model.apply({ Event: 'QueueMember', Queue: 'support', Name: 'Alex Kim', Location: 'PJSIP/1001', StateInterface: 'PJSIP/1001', Status: '1', Paused: '0' }, t);
    const at = (name: string) => model.derive(t + 60_000).agents.find((a) => a.name === name)!;
    expect(at('Maria Lopez')).toMatchObject({ status: 'Away', statusSince: t - 600_000 });
    expect(at('Alex Kim')).toMatchObject({ status: 'On Queue', statusSince: t });
    // Reconnect 1 min later: Alex is still On Queue (since t), Maria is back On Queue (since now).
    model.reset();
    model.apply({ Event: 'QueueMember', Queue: 'support', Name: 'Alex Kim', Location: 'PJSIP/1001', StateInterface: 'PJSIP/1001', Status: '1', Paused: '0' }, t + 60_000);
    model.apply({ Event: 'QueueMember', Queue: 'support', Name: 'Maria Lopez', Location: 'PJSIP/1002', StateInterface: 'PJSIP/1002', Status: '1', Paused: '0' }, t + 60_000);
    expect(at('Alex Kim').statusSince).toBe(t);
    expect(at('Maria Lopez')).toMatchObject({ status: 'On Queue', statusSince: t + 60_000 });
  });
});

describe('AsteriskModel: FreePBX-style queue members', () => {
  it('a member dialled through Local/… with a hint state interface is the agent on the PJSIP/… channel', () => {
    const model = new AsteriskModel();
    const t = 1_800_000_000_000;
    model.apply({ Event: 'QueueMember', Queue: '400', Name: 'Alex Kim', Location: 'Local/1001@from-queue/n', StateInterface: 'hint:1001@ext-local', Status: '1', Paused: '0' }, t);
    model.apply({ Event: 'Newchannel', Channel: 'PJSIP/trunk-00000001', Uniqueid: '1800000000.1', Linkedid: '1800000000.1', ChannelStateDesc: 'Up', CallerIDName: 'Jennifer Morales' }, t);
    model.apply({ Event: 'Newchannel', Channel: 'Local/1001@from-queue-00000001;1', Uniqueid: '1800000000.2', Linkedid: '1800000000.1', ChannelStateDesc: 'Up' }, t);
    model.apply({ Event: 'Newchannel', Channel: 'PJSIP/1001-00000002', Uniqueid: '1800000000.4', Linkedid: '1800000000.1', ChannelStateDesc: 'Up' }, t);
    const d = model.derive(t);
    expect(d.agents[0]).toMatchObject({ name: 'Alex Kim', extension: '1001', queueIds: ['queue:400'] });
    expect(d.interactions[0]?.participants.map((p) => [p.name, p.role, p.agentId])).toEqual([
      ['Jennifer Morales', 'customer', undefined],
      ['Alex Kim', 'agent', 'agent:hint:1001@ext-local'],
    ]);
    // Its phone's device state counts for it too.
    model.apply({ Event: 'DeviceStateChange', Device: 'PJSIP/1001', State: 'UNAVAILABLE' }, t);
    expect(model.derive(t).agents[0]?.status).toBe('Offline');
  });
});
