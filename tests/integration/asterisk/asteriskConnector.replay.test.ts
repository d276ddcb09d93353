import { afterEach, describe, expect, it } from 'vitest';
import { agentSchema, interactionSchema, queueSchema } from '../../../preload/contract';
import type { Interaction } from '../../../preload/contract';
import type { Connector } from '../../../main/contact-center/Connector';
import { fixture, replay, until, type Harness } from './harness';

/**
 * The Asterisk connector on AMI traffic recorded from a real Asterisk
 * (tests/fixtures/asterisk): what a supervisor would see at each step.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const call = (h: Harness, customer: string): Interaction | undefined =>
  h.connector.state().interactions.find((i) => i.participants.some((p) => p.role === 'customer' && p.name === customer));
const names = (ix: Interaction | undefined) => ix?.participants.map((p) => `${p.name} (${p.role}, ${p.state})`);
const queue = (h: Harness, name: string) => h.connector.state().queues.find((q) => q.name === name);

describe('Asterisk connector on recorded AMI traffic', () => {
  it('login and resync: agents with states and extensions, queues, calls in progress', async () => {
    h = await replay('login-resync');
    await h.connector.start();
    const state = h.connector.state();
    expect(h.events.some((e) => e.type === 'status' && e.state === 'online')).toBe(true);
    expect(state.agents.map((a) => [a.name, a.extension, a.status])).toEqual([
      ['Alex Kim', '1001', 'On Queue'],
      ['Maria Lopez', '1002', 'Away'],
      ['Sam Patel', '1003', 'On Queue'],
      ['Jordan Lee', '1004', 'On Queue'],
    ]);
    expect(state.agents.find((a) => a.name === 'Sam Patel')?.queueIds.sort()).toEqual(['queue:sales', 'queue:support']);
    for (const a of state.agents) agentSchema.parse(a);
    for (const q of state.queues) queueSchema.parse(q);
    for (const i of state.interactions) interactionSchema.parse(i);
    // Priya Raman talks with Alex Kim; Tomás Herrera waits in sales while two agents ring.
    expect(names(call(h, 'Priya Raman'))).toEqual(['Priya Raman (customer, connected)', 'Alex Kim (agent, connected)']);
    expect(call(h, 'Priya Raman')).toMatchObject({ state: 'connected', queueId: 'queue:support', customer: { phone: '+13125550187' } });
    expect(call(h, 'Tomás Herrera')).toMatchObject({ state: 'alerting', queueId: 'queue:sales' });
    const sales = queue(h, 'sales')!;
    expect(sales).toMatchObject({ waiting: 1, slaSeconds: 20 });
    // The recorded QueueEntry said how long Tomás had waited: the longest wait starts then, not at our login.
    expect(Date.now() - sales.oldestWaitingSince!).toBeGreaterThanOrEqual(1000);
    expect(state.agents.find((a) => a.name === 'Alex Kim')?.interactionIds).toEqual([call(h, 'Priya Raman')!.id]);
    // Only read actions were sent.
    expect(h.server.received.map((a) => a.Action)).toEqual(['Login', 'QueueStatus', 'QueueSummary', 'CoreShowChannels', 'BridgeList', 'DeviceStateList', 'PresenceStateList']);
  });

  it('a queue call: waiting rises, the agent rings, answers, the call ends', async () => {
    h = await replay('queue-call-answered');
    await h.connector.start();
    expect(queue(h, 'support')?.waiting).toBe(0);
    h.server.pushUntil((e) => e.Event === 'QueueCallerJoin');
    const waiting = await until(() => queue(h!, 'support')?.waiting === 1 && queue(h!, 'support'), 'a caller waiting in support');
    expect(waiting.oldestWaitingSince).toBeDefined();
    expect(call(h, 'Dana Whitfield')?.state).toBe('pending');
    h.server.pushUntil((e) => e.Event === 'AgentCalled');
    await until(() => call(h!, 'Dana Whitfield')?.state === 'alerting', 'the agent ringing');
    expect(names(call(h, 'Dana Whitfield'))).toEqual(['Dana Whitfield (customer, connected)', 'Maria Lopez (agent, alerting)']);
    h.server.pushUntil((e) => e.Event === 'AgentConnect');
    await until(() => queue(h!, 'support')?.waiting === 0 && call(h!, 'Dana Whitfield')?.state === 'connected', 'the call answered');
    expect(names(call(h, 'Dana Whitfield'))).toEqual(['Dana Whitfield (customer, connected)', 'Maria Lopez (agent, connected)']);
    const completedBefore = queue(h, 'support')!.completed!;
    h.server.pushAll();
    await until(() => call(h!, 'Dana Whitfield')?.state === 'ended', 'the call ended');
    expect(queue(h, 'support')?.completed).toBe(completedBefore + 1);
    const id = call(h, 'Dana Whitfield')!.id;
    expect(h.connector.timeline(id).map((e) => e.text)).toEqual(['Call from Dana Whitfield entered support', 'Maria Lopez answered after 4 s in support', 'The call ended']);
  });

  it('hold and resume: the customer shows held, then connected again', async () => {
    h = await replay('queue-call-hold');
    await h.connector.start();
    h.server.pushUntil((e) => e.Event === 'Hold');
    const held = await until(() => call(h!, 'Marcus Oyelaran')?.state === 'held' && call(h!, 'Marcus Oyelaran'), 'the call on hold');
    expect(names(held)).toEqual(['Marcus Oyelaran (customer, held)', 'Sam Patel (agent, connected)']);
    h.server.pushUntil((e) => e.Event === 'Unhold');
    await until(() => call(h!, 'Marcus Oyelaran')?.state === 'connected', 'the call resumed');
    expect(h.connector.timeline(held.id).map((e) => e.kind)).toEqual(['started', 'connected', 'held', 'resumed']);
  });

  it('blind transfer to the sales queue: transferring until a sales agent answers', async () => {
    h = await replay('queue-call-blind-transfer');
    await h.connector.start();
    h.server.pushUntil((e) => e.Event === 'BlindTransfer');
    await until(() => call(h!, 'Elena Vasquez')?.state === 'transferring', 'the call transferring');
    h.server.pushUntil((e) => e.Event === 'QueueCallerJoin');
    await until(() => call(h!, 'Elena Vasquez')?.queueId === 'queue:sales' && queue(h!, 'sales')?.waiting === 1, 'the caller in the sales queue');
    expect(call(h, 'Elena Vasquez')?.participants.some((p) => p.name === 'Alex Kim')).toBe(false);
    h.server.pushUntil((e) => e.Event === 'AgentConnect');
    const after = await until(() => call(h!, 'Elena Vasquez')?.state === 'connected' && call(h!, 'Elena Vasquez'), 'the transferred call answered');
    expect(names(after)).toEqual(['Elena Vasquez (customer, connected)', 'Sam Patel (agent, connected)']);
    expect(h.connector.timeline(after.id).map((e) => e.text)).toContain('Alex Kim transferred the call to 701 (blind)');
  });

  it('attended transfer: a consult with Jordan Lee while the customer is held, then the customer is with Jordan', async () => {
    h = await replay('queue-call-attended-transfer');
    await h.connector.start();
    h.server.pushUntil((e) => e.Event === 'BridgeEnter' && e.Channel?.startsWith('PJSIP/1004') === true);
    const consult = await until(() => call(h!, 'Kwame Mensah')?.state === 'consult' && call(h!, 'Kwame Mensah'), 'the consult');
    expect(names(consult)).toEqual(['Kwame Mensah (customer, held)', 'Maria Lopez (agent, connected)', 'Jordan Lee (specialist, connected)']);
    expect(consult.participants.find((p) => p.name === 'Jordan Lee')?.inConsult).toBe(true);
    // The consult is part of the customer's call, not a call of its own.
    expect(h.connector.state().interactions).toHaveLength(1);
    h.server.pushUntil((e) => e.Event === 'Hangup' && e.Channel?.startsWith('PJSIP/1002') === true);
    const after = await until(() => call(h!, 'Kwame Mensah')?.state === 'connected' && call(h!, 'Kwame Mensah'), 'the transferred call');
    expect(names(after)).toEqual(['Kwame Mensah (customer, connected)', 'Jordan Lee (agent, connected)']);
    expect(h.connector.timeline(after.id).map((e) => e.text)).toContain('Maria Lopez transferred the call to Jordan Lee (attended)');
  });

  it('Asterisk down at start: start() still returns, offline with the reason, then connects when it is back', async () => {
    h = await replay('login-resync');
    h.server.refusing = true;
    await h.connector.start();
    const offline = h.events.filter((e) => e.type === 'status').at(-1);
    expect(offline).toMatchObject({ state: 'offline', message: expect.stringMatching(/Asterisk closed the manager connection at 127\.0\.0\.1:\d+ before login finished.*Retrying in/) });
    expect(h.connector.state().agents).toEqual([]);
    h.server.refusing = false;
    await until(() => h!.events.some((e) => e.type === 'status' && e.state === 'online'), 'online');
    expect(h.connector.state().agents).toHaveLength(4);
  });

  it('an Asterisk reload (queues.conf may have changed) triggers a full resync', async () => {
    h = await replay('login-resync');
    await h.connector.start();
    // Pretend the admin reloaded: the next resync answers with a later state (nobody on a call).
    h.server.useRecording(fixture('queue-call-answered'));
    h.server.inject({ Event: 'Reload', Module: 'app_queue.so', Status: '0', Message: 'Reload requested' });
    await until(() => call(h!, 'Priya Raman')?.state === 'ended', 'the resync after the reload');
    expect(h.server.received.filter((a) => a.Action === 'QueueStatus')).toHaveLength(2);
  });

  it('a dropped connection: offline with what to do, reconnect, full resync removes what ended meanwhile', async () => {
    h = await replay('login-resync');
    await h.connector.start();
    expect(call(h, 'Priya Raman')).toBeDefined();
    // Asterisk goes away; when it is back, nobody is on a call any more.
    h.server.refusing = true;
    h.server.dropConnections();
    const offline = await until(() => h!.events.find((e) => e.type === 'status' && e.state === 'offline'), 'the offline status');
    expect(offline).toMatchObject({ message: expect.stringMatching(/Lost the connection to Asterisk at 127\.0\.0\.1:\d+.*Retrying in \d+ s\. Cached interactions stay available/) });
    // The last known state stays readable (cache and offline review are not touched).
    expect(call(h, 'Priya Raman')).toBeDefined();
    h.server.useRecording(fixture('queue-call-answered'));
    h.server.refusing = false;
    await until(() => h!.events.filter((e) => e.type === 'status' && e.state === 'online').length === 2, 'online again');
    expect(h.server.received.filter((a) => a.Action === 'QueueStatus')).toHaveLength(2);
    // Calls that ended while we were away are shown ended (then removed), never left live.
    expect(h.connector.state().interactions.map((i) => [i.participants.find((p) => p.role === 'customer')?.name, i.state])).toEqual([
      ['Priya Raman', 'ended'],
      ['Tomás Herrera', 'ended'],
    ]);
    expect(queue(h, 'sales')?.waiting).toBe(0);
    expect(h.connector.state().agents.find((a) => a.name === 'Maria Lopez')?.status).toBe('On Queue');
  });
});

describe('Asterisk connector: recordings still to come', () => {
  it('parses every committed recording without a dropped frame', () => {
    for (const name of ['login-resync', 'queue-call-answered', 'queue-call-hold', 'queue-call-blind-transfer']) {
      const rec = fixture(name);
      expect(rec.banner).toMatch(/^Asterisk Call Manager\//);
      expect(rec.actions.find((a) => a.name === 'login')?.reply[0]?.Response).toBe('Success');
    }
  });
});

describe('Asterisk connector: agents, abandoned calls and other supervisors (recorded)', () => {
  const agent = (h: Harness, name: string) => h.connector.state().agents.find((a) => a.name === name);

  it('pause, presence and a phone going away show as Away / Offline, and back', async () => {
    h = await replay('queue-member-pause');
    await h.connector.start();
    expect(agent(h, 'Maria Lopez')?.status).toBe('On Queue');
    h.server.pushUntil((e) => e.Event === 'QueueMemberPause' && e.MemberName === 'Maria Lopez' && e.Paused === '1');
    await until(() => agent(h!, 'Maria Lopez')?.status === 'Away', 'Maria paused');
    // Unpaused while her presence still says away: still Away until she is available.
    h.server.pushUntil((e) => e.Event === 'PresenceStateChange' && e.Status === 'available');
    await until(() => agent(h!, 'Maria Lopez')?.status === 'On Queue', 'Maria back');
    const mariaStates = h.events.flatMap((e) => (e.type === 'agents' ? e.agents.filter((a) => a.name === 'Maria Lopez').map((a) => a.status) : []));
    expect(mariaStates).toEqual(['On Queue', 'Away', 'On Queue']);
    h.server.pushUntil((e) => e.Event === 'DeviceStateChange' && e.Device === 'PJSIP/1004' && e.State === 'UNAVAILABLE');
    await until(() => agent(h!, 'Jordan Lee')?.status === 'Offline', 'Jordan offline');
    h.server.pushUntil((e) => e.Event === 'QueueMemberStatus' && e.MemberName === 'Jordan Lee' && e.Status === '1');
    await until(() => agent(h!, 'Jordan Lee')?.status === 'On Queue', 'Jordan back');
    // An internal call between two agents: both internal, no customer.
    h.server.pushUntil((e) => e.Event === 'BridgeEnter');
    const internal = await until(() => h!.connector.state().interactions.find((i) => i.state === 'connected'), 'the internal call');
    expect(internal.participants.map((p) => [p.name, p.kind])).toEqual([
      ['Alex Kim', 'internal'],
      ['Maria Lopez', 'internal'],
    ]);
  });

  it('an abandoned call: waiting, then counted as abandoned, and ended', async () => {
    h = await replay('queue-call-abandoned');
    await h.connector.start();
    const abandonedBefore = queue(h, 'support')!.abandoned!;
    h.server.pushUntil((e) => e.Event === 'QueueCallerJoin');
    await until(() => queue(h!, 'support')?.waiting === 1, 'Olivia waiting');
    h.server.pushAll();
    await until(() => call(h!, 'Olivia Chen')?.state === 'ended', 'the call ended');
    expect(queue(h, 'support')).toMatchObject({ waiting: 0, abandoned: abandonedBefore + 1 });
    expect(h.connector.timeline(call(h, 'Olivia Chen')!.id).map((e) => e.text)).toContain('Olivia Chen hung up after waiting 9 s in support (abandoned)');
  });

  it("another supervisor's ChanSpy shows as a lock naming them, released when they hang up and when the call ends", async () => {
    h = await replay('other-supervisor-chanspy');
    await h.connector.start();
    h.server.pushUntil((e) => e.Event === 'Newchannel' && e.CallerIDNum === '2101');
    await until(() => call(h!, 'Samuel Okafor')?.state === 'connected', 'the call connected');
    // Dialling the ChanSpy feature code is not a call of its own.
    expect(h.connector.state().interactions).toHaveLength(1);
    h.server.pushUntil((e) => e.Event === 'ChanSpyStart');
    const locked = await until(() => call(h!, 'Samuel Okafor')?.monitorLock && call(h!, 'Samuel Okafor'), 'the monitor lock');
    expect(locked.monitorLock).toMatchObject({ supervisorName: 'Supervisor Taylor Brooks (PJSIP/2101)', mode: 'monitor' });
    const spy = locked.participants.find((p) => p.role === 'supervisor');
    const alex = locked.participants.find((p) => p.name === 'Alex Kim');
    expect(spy?.supervising).toMatchObject({ mode: 'monitor', targetParticipantId: alex?.id });
    h.server.pushUntil((e) => e.Event === 'ChanSpyStop');
    await until(() => call(h!, 'Samuel Okafor') && !call(h!, 'Samuel Okafor')?.monitorLock, 'the lock released');
    h.server.pushUntil((e) => e.Event === 'ChanSpyStart');
    await until(() => call(h!, 'Samuel Okafor')?.monitorLock, 'the second lock');
    h.server.pushAll();
    const ended = await until(() => call(h!, 'Samuel Okafor')?.state === 'ended' && call(h!, 'Samuel Okafor'), 'the call ended');
    expect(ended.monitorLock).toBeUndefined();
    const periods = h.connector.periods(ended.id);
    expect(periods.map((p) => [p.supervisorName, p.endedAt !== undefined])).toEqual([
      ['Supervisor Taylor Brooks (PJSIP/2101)', true],
      ['Supervisor Taylor Brooks (PJSIP/2101)', true],
    ]);
  });

  it('our own ChanSpy (phone.user 2101) is never shown as someone else’s lock', async () => {
    h = await replay('other-supervisor-chanspy', { supervisor: { id: 'supervisor:2101', name: 'Supervisor 2101', extension: '2101' } });
    await h.connector.start();
    h.server.pushUntil((e) => e.Event === 'BridgeEnter' && e.Channel?.startsWith('PJSIP/pstn') === true);
    const ix = await until(() => call(h!, 'Samuel Okafor')?.state === 'connected' && call(h!, 'Samuel Okafor'), 'the call');
    const alex = ix.participants.find((p) => p.name === 'Alex Kim')!;
    // The core asks to monitor (the phone then dials *2221001): our row is set up, not yet connected.
    await h.connector.startSupervision({ interactionId: ix.id, participantId: alex.id, mode: 'monitor' });
    const mine = () => call(h!, 'Samuel Okafor')?.participants.find((p) => p.supervising?.supervisorId === 'supervisor:2101');
    expect(mine()).toMatchObject({ state: 'alerting', supervising: { mode: 'monitor', targetParticipantId: alex.id } });
    // Asterisk reports our ChanSpy: our row is connected, and it is not a lock held by someone else.
    h.server.pushUntil((e) => e.Event === 'ChanSpyStart');
    await until(() => mine()?.state === 'connected', 'our ChanSpy confirmed');
    expect(call(h, 'Samuel Okafor')?.monitorLock).toBeUndefined();
    expect(call(h, 'Samuel Okafor')?.participants.filter((p) => p.role === 'supervisor')).toHaveLength(1);
  });

  it('our name is our endpoint\'s caller ID once AMI shows it on our ChanSpy leg (was "Supervisor 2101" for good)', async () => {
    h = await replay('other-supervisor-chanspy', { supervisor: { id: 'supervisor:2101', name: 'Supervisor 2101', extension: '2101' } });
    const told: string[] = [];
    h.connector.subscribe((e) => {
      if (e.type === 'supervisor') told.push(e.supervisor.name);
    });
    await h.connector.start();
    h.server.pushUntil((e) => e.Event === 'BridgeEnter' && e.Channel?.startsWith('PJSIP/pstn') === true);
    const ix = await until(() => call(h!, 'Samuel Okafor')?.state === 'connected' && call(h!, 'Samuel Okafor'), 'the call');
    expect(h.connector.state().supervisor.name).toBe('Supervisor 2101');
    await h.connector.startSupervision({ interactionId: ix.id, participantId: ix.participants.find((p) => p.name === 'Alex Kim')!.id, mode: 'monitor' });
    h.server.pushUntil((e) => e.Event === 'ChanSpyStart');
    await until(() => h!.connector.state().supervisor.name === 'Supervisor Taylor Brooks', 'the caller ID name');
    expect(told).toContain('Supervisor Taylor Brooks');
    // Our own row on the call carries it too.
    await until(() => call(h!, 'Samuel Okafor')?.participants.find((p) => p.supervising?.supervisorId === 'supervisor:2101')?.name === 'Supervisor Taylor Brooks', 'our row renamed');
    expect(call(h, 'Samuel Okafor')?.supervisorsInvolved).toContainEqual({ id: 'supervisor:2101', name: 'Supervisor Taylor Brooks' });
  });
});

describe('Asterisk connector: a refused login (recorded)', () => {
  it('is shown as an error that says what to check, and is retried only slowly', async () => {
    h = await replay('login-failed', { backoff: { baseMs: 20, maxMs: 60_000, jitter: 0 } });
    await h.connector.start();
    const status = h.events.filter((e) => e.type === 'status').at(-1);
    expect(status).toMatchObject({ state: 'error' });
    expect(status?.type === 'status' && status.message).toMatch(/refused the manager login for “spyglass” \(Authentication failed\)\. Check asterisk\.user and the AMI secret.*Retrying in 60 s/);
    expect(h.connector.state().agents).toEqual([]);
    expect(h.server.received.map((a) => a.Action)).toEqual(['Login']);
  });
});

describe('Asterisk connector: actions', () => {
  it('digital actions say Asterisk has no chats; our own monitoring is recorded without any AMI action', async () => {
    h = await replay('login-resync');
    await h.connector.start();
    const cc: Connector = h.connector;
    for (const act of [
      () => cc.monitorConversation('x'),
      () => cc.participate('x'),
      () => cc.send('x', 'hi'),
      () => cc.transfer('x', { kind: 'queue', id: 'queue:support' }),
      () => cc.release('x'),
      () => cc.assign('x', { kind: 'agent', id: 'agent:PJSIP/1001' }),
      () => cc.clearAssistanceFlag('x'),
    ]) {
      await expect(act()).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('Asterisk has no chats') });
    }
    const ix = call(h, 'Priya Raman')!;
    const agent = ix.participants.find((p) => p.role === 'agent')!;
    const sent = h.server.received.length;
    await h.connector.startSupervision({ interactionId: ix.id, participantId: agent.id, mode: 'monitor' });
    await h.connector.changeSupervisionMode(ix.id, 'coach');
    const mine = call(h, 'Priya Raman')!.participants.find((p) => p.role === 'supervisor');
    expect(mine).toMatchObject({ name: 'Supervisor 2102', supervising: { supervisorId: 'supervisor:2102', mode: 'coach', targetParticipantId: agent.id } });
    // A second call cannot be supervised at the same time.
    const other = call(h, 'Tomás Herrera')!;
    await expect(h.connector.startSupervision({ interactionId: other.id, participantId: other.participants[0]!.id, mode: 'monitor' })).rejects.toMatchObject({ code: 'REFUSED' });
    await h.connector.stopSupervision(ix.id);
    await h.connector.stopSupervision(ix.id);
    expect(call(h, 'Priya Raman')!.participants.some((p) => p.role === 'supervisor')).toBe(false);
    expect(h.connector.periods(ix.id).map((p) => [p.mode, p.endedAt !== undefined])).toEqual([
      ['monitor', true],
      ['coach', true],
    ]);
    // Read-only: nothing was sent to Asterisk for any of this.
    expect(h.server.received.length).toBe(sent);
  });

  it('while Asterisk is unreachable, monitoring is refused with the reason', async () => {
    h = await replay('login-resync');
    await h.connector.start();
    const ix = call(h, 'Priya Raman')!;
    h.server.refusing = true;
    h.server.dropConnections();
    await until(() => h!.events.some((e) => e.type === 'status' && e.state === 'offline'), 'offline');
    await expect(h.connector.startSupervision({ interactionId: ix.id, participantId: ix.participants[1]!.id, mode: 'monitor' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Asterisk is not connected (see the status bar); try again once it is.',
    });
  });
});
