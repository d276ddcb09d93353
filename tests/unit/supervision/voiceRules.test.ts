import { describe, expect, it } from 'vitest';
import type { Availability, SupervisionMode } from '../../../preload/contract';
import {
  coachLockHolder,
  reasons,
  voiceActionsByParticipant,
  voiceModeAvailability,
  voiceParticipantActions,
} from '../../../main/supervision';
import {
  T0,
  agent,
  agentParty,
  byId,
  call,
  context,
  customerParty,
  participant,
  session,
  specialistParty,
  supervisor,
  supervisorParty,
  withoutPermission,
} from './builders';

const ok: Availability = { allowed: true };
const no = (reason: string): Availability => ({ allowed: false, reason });
const modes: SupervisionMode[] = ['monitor', 'coach', 'barge'];

describe('starting a leg on a connected call', () => {
  it('allows monitor, coach and barge on the agent, but not stop (no leg yet)', () => {
    const actions = voiceParticipantActions(supervisor(), call(), 'p-agent', context());
    expect(actions).toEqual({ monitor: ok, coach: ok, barge: ok, stop: no(reasons.notSupervisingCall) });
  });

  it('rule 2: the customer can be monitored', () => {
    expect(voiceParticipantActions(supervisor(), call(), 'p-customer', context()).monitor).toEqual(ok);
  });

  it('rule 5: barge is not allowed for external participants', () => {
    const actions = voiceParticipantActions(supervisor(), call(), 'p-customer', context());
    expect(actions.barge).toEqual(no('Barge is not allowed for external participants'));
  });

  it('rule 3: coaching is only for agents, not the customer', () => {
    expect(voiceParticipantActions(supervisor(), call(), 'p-customer', context()).coach).toEqual(no(reasons.coachExternal));
  });

  it('rule 5: no barge into a specialist during a consult, but into the agent who started it', () => {
    const consult = call({ state: 'consult', participants: [customerParty({ state: 'held' }), agentParty(), specialistParty()] });
    expect(voiceParticipantActions(supervisor(), consult, 'p-specialist', context()).barge).toEqual(
      no('You cannot barge into a specialist during a consult'),
    );
    expect(voiceParticipantActions(supervisor(), consult, 'p-agent', context()).barge).toEqual(ok);
    // Monitoring and coaching the specialist stay possible.
    expect(voiceParticipantActions(supervisor(), consult, 'p-specialist', context()).monitor).toEqual(ok);
    expect(voiceParticipantActions(supervisor(), consult, 'p-specialist', context()).coach).toEqual(ok);
  });

  it('rule 5: a specialist in a consult call is refused even if the participant flag is missing', () => {
    const consult = call({ state: 'consult', participants: [customerParty(), agentParty(), specialistParty({ inConsult: false })] });
    expect(voiceParticipantActions(supervisor(), consult, 'p-specialist', context()).barge).toEqual(
      no(reasons.bargeConsultSpecialist),
    );
  });

  it('rule 5: no barge into a participant in a conference (participant flag)', () => {
    const conf = call({ participants: [customerParty({ inConference: true }), agentParty({ inConference: true })] });
    expect(voiceParticipantActions(supervisor(), conf, 'p-agent', context()).barge).toEqual(
      no('You cannot barge into a participant in a conference'),
    );
    expect(voiceParticipantActions(supervisor(), conf, 'p-agent', context()).monitor).toEqual(ok);
  });

  it('rule 5: no barge into a participant in a conference (call state)', () => {
    const conf = call({ state: 'conference' });
    expect(voiceParticipantActions(supervisor(), conf, 'p-agent', context()).barge).toEqual(no(reasons.bargeConference));
  });

  it('rule 7: the supervisor must be Available, for each mode', () => {
    for (const status of ['On Queue', 'Busy', 'Away', 'Offline'] as const) {
      const actions = voiceParticipantActions(supervisor({ status }), call(), 'p-agent', context());
      expect(actions.monitor).toEqual(no('Set your status to Available to monitor'));
      expect(actions.coach).toEqual(no('Set your status to Available to coach'));
      expect(actions.barge).toEqual(no('Set your status to Available to barge'));
    }
  });

  it('rule 7: one voice monitor at a time', () => {
    const elsewhere = context({ voiceSession: session('monitor', 'p-x', 'call-other') });
    const actions = voiceParticipantActions(supervisor(), call(), 'p-agent', elsewhere);
    expect(actions.monitor).toEqual(no('You are already monitoring another call'));
    expect(actions.coach).toEqual(no('You are already monitoring another call'));
    expect(actions.barge).toEqual(no('You are already monitoring another call'));
    expect(actions.stop).toEqual(no(reasons.notSupervisingCall));
  });

  it('rule 7: the reason names what the supervisor is doing on the other call', () => {
    expect(
      voiceParticipantActions(supervisor(), call(), 'p-agent', context({ voiceSession: session('coach', 'p', 'other') })).monitor,
    ).toEqual(no('You are already coaching another call'));
    expect(
      voiceParticipantActions(supervisor(), call(), 'p-agent', context({ voiceSession: session('barge', 'p', 'other') })).monitor,
    ).toEqual(no('You are already barging into another call'));
  });

  it('rule 6: cannot monitor a call the supervisor handles (same id)', () => {
    const own = call({ participants: [customerParty(), agentParty({ agentId: 'sup-1' })] });
    for (const participantId of ['p-agent', 'p-customer']) {
      const actions = voiceParticipantActions(supervisor(), own, participantId, context());
      for (const mode of modes) expect(actions[mode]).toEqual(no('You cannot monitor a call you are handling'));
    }
  });

  it('rule 6: cannot monitor a call the supervisor handles (own extension under another agent id)', () => {
    const own = call({ participants: [customerParty(), agentParty({ agentId: 'agent-sam' })] });
    const agentsById = byId(agent({ id: 'agent-sam', extension: '9001' }));
    expect(voiceParticipantActions(supervisor(), own, 'p-customer', context({ agentsById })).monitor).toEqual(
      no(reasons.ownCall),
    );
    // A different extension is someone else's call.
    const other = byId(agent({ id: 'agent-sam', extension: '2002' }));
    expect(voiceParticipantActions(supervisor(), own, 'p-customer', context({ agentsById: other })).monitor).toEqual(ok);
    // A supervisor without an extension never matches by extension.
    expect(
      voiceParticipantActions(supervisor({ extension: '' }), own, 'p-customer', context({ agentsById })).monitor,
    ).toEqual(ok);
  });

  it('rule 6: a supervisor who left their own earlier call may monitor it', () => {
    const handedOver = call({ participants: [customerParty(), agentParty({ agentId: 'sup-1', state: 'disconnected', id: 'p-old' }), agentParty()] });
    expect(voiceParticipantActions(supervisor(), handedOver, 'p-agent', context()).monitor).toEqual(ok);
  });

  it('rule 8: only interactions whose flow allows monitoring', () => {
    const actions = voiceParticipantActions(supervisor(), call({ monitorable: false }), 'p-agent', context());
    for (const mode of modes) expect(actions[mode]).toEqual(no("This interaction's flow does not allow monitoring"));
  });

  it('rule 6: an ended call cannot be supervised', () => {
    for (const ended of [call({ state: 'ended', endedAt: T0 + 5000 }), call({ endedAt: T0 + 5000 })]) {
      const actions = voiceParticipantActions(supervisor(), ended, 'p-agent', context());
      for (const mode of modes) expect(actions[mode]).toEqual(no('The call has ended'));
    }
  });

  it('a call not yet answered cannot be supervised', () => {
    for (const state of ['pending', 'alerting'] as const) {
      expect(voiceParticipantActions(supervisor(), call({ state }), 'p-agent', context()).monitor).toEqual(
        no(reasons.callNotConnected),
      );
    }
  });

  it('a held or transferring call can be supervised', () => {
    for (const state of ['held', 'transferring'] as const) {
      expect(voiceParticipantActions(supervisor(), call({ state }), 'p-agent', context()).monitor).toEqual(ok);
    }
  });

  it('participants who left, are unknown, or are supervisors are refused', () => {
    const c = call({
      participants: [customerParty(), agentParty({ state: 'disconnected' }), supervisorParty('sup-2', 'Dana Reyes', 'monitor')],
    });
    expect(voiceParticipantActions(supervisor(), c, 'p-agent', context()).monitor).toEqual(no('Alex Kim has left the call'));
    expect(voiceParticipantActions(supervisor(), c, 'nobody', context()).monitor).toEqual(no(reasons.participantNotOnCall));
    expect(voiceParticipantActions(supervisor(), c, 'p-sup-2', context()).monitor).toEqual(
      no(reasons.supervisorNotSupervisable),
    );
  });

  it('digital interactions get no voice actions', () => {
    const chatLike = call({ channel: 'chat' });
    expect(voiceParticipantActions(supervisor(), chatLike, 'p-agent', context()).monitor).toEqual(no(reasons.notVoice));
    expect(voiceActionsByParticipant(supervisor(), chatLike, context())).toEqual({});
  });
});

describe('rule 9: permissions', () => {
  it('monitor needs Call Monitor and Call Add', () => {
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:monitor'), call(), 'p-agent', 'monitor', context())).toEqual(
      no('You do not have the Call Monitor permission'),
    );
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:add'), call(), 'p-agent', 'monitor', context())).toEqual(
      no('You do not have the Call Add permission'),
    );
  });

  it('coach needs Call Coach and Call Add, not Call Monitor', () => {
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:coach'), call(), 'p-agent', 'coach', context())).toEqual(
      no('You do not have the Call Coach permission'),
    );
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:add'), call(), 'p-agent', 'coach', context())).toEqual(
      no('You do not have the Call Add permission'),
    );
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:monitor'), call(), 'p-agent', 'coach', context())).toEqual(ok);
  });

  it('barge needs Call Barge and Call Add', () => {
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:barge'), call(), 'p-agent', 'barge', context())).toEqual(
      no('You do not have the Call Barge permission'),
    );
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:add'), call(), 'p-agent', 'barge', context())).toEqual(
      no('You do not have the Call Add permission'),
    );
  });

  it("the mode's own permission is named first when both are missing", () => {
    const none = supervisor({ permissions: [] });
    expect(voiceModeAvailability(none, call(), 'p-agent', 'coach', context())).toEqual(no('You do not have the Call Coach permission'));
  });

  it('message permissions do not grant call actions', () => {
    const digitalOnly = supervisor({ permissions: ['message:monitor', 'message:view', 'message:accept', 'chat:participate'] });
    const actions = voiceParticipantActions(digitalOnly, call(), 'p-agent', context());
    expect(actions.monitor.allowed).toBe(false);
    expect(actions.coach.allowed).toBe(false);
    expect(actions.barge.allowed).toBe(false);
  });

  it('switching to coach or barge on an existing leg needs that permission, but not Call Add', () => {
    const ctx = context({ voiceSession: session('monitor') });
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:coach'), call(), 'p-agent', 'coach', ctx)).toEqual(
      no('You do not have the Call Coach permission'),
    );
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:barge'), call(), 'p-agent', 'barge', ctx)).toEqual(
      no('You do not have the Call Barge permission'),
    );
    expect(voiceModeAvailability(withoutPermission(supervisor(), 'call:add'), call(), 'p-agent', 'barge', ctx)).toEqual(ok);
  });

  it('going back to monitor is never refused for a permission', () => {
    const ctx = context({ voiceSession: session('coach') });
    expect(voiceModeAvailability(supervisor({ permissions: ['call:coach', 'call:add'] }), call(), 'p-agent', 'monitor', ctx)).toEqual(ok);
  });
});

describe('rule 3: one coaching session per agent call', () => {
  it("another supervisor's coach lock refuses a second coach, naming them", () => {
    const locked = call({ monitorLock: { supervisorId: 'sup-2', supervisorName: 'Dana Reyes', mode: 'coach', since: T0 } });
    const actions = voiceParticipantActions(supervisor(), locked, 'p-agent', context());
    expect(actions.coach).toEqual(no('Dana Reyes is already coaching this call'));
    // Monitoring and barging are not coaching.
    expect(actions.monitor).toEqual(ok);
    expect(actions.barge).toEqual(ok);
  });

  it('a coaching supervisor participant refuses a second coach on any agent of the call', () => {
    const c = call({
      state: 'consult',
      participants: [customerParty(), agentParty(), specialistParty(), supervisorParty('sup-2', 'Dana Reyes', 'coach')],
    });
    expect(voiceModeAvailability(supervisor(), c, 'p-agent', 'coach', context())).toEqual(no(reasons.alreadyCoachedBy('Dana Reyes')));
    expect(voiceModeAvailability(supervisor(), c, 'p-specialist', 'coach', context())).toEqual(no(reasons.alreadyCoachedBy('Dana Reyes')));
  });

  it('a supervisor who only monitors, or has left, does not hold the coach lock', () => {
    const monitoring = call({ participants: [customerParty(), agentParty(), supervisorParty('sup-2', 'Dana Reyes', 'monitor')] });
    expect(voiceModeAvailability(supervisor(), monitoring, 'p-agent', 'coach', context())).toEqual(ok);
    const left = call({
      participants: [customerParty(), agentParty(), supervisorParty('sup-2', 'Dana Reyes', 'coach', 'p-agent', { state: 'disconnected' })],
    });
    expect(voiceModeAvailability(supervisor(), left, 'p-agent', 'coach', context())).toEqual(ok);
    const monitorLock = call({ monitorLock: { supervisorId: 'sup-2', supervisorName: 'Dana Reyes', mode: 'monitor', since: T0 } });
    expect(voiceModeAvailability(supervisor(), monitorLock, 'p-agent', 'coach', context())).toEqual(ok);
  });

  it("the supervisor's own coach lock is not a second coach", () => {
    const mine = call({
      monitorLock: { supervisorId: 'sup-1', supervisorName: 'Sam Carter', mode: 'coach', since: T0 },
      participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'coach')],
    });
    expect(coachLockHolder(mine, 'sup-1')).toBeUndefined();
    expect(coachLockHolder(mine, 'sup-2')).toBe('Sam Carter');
  });

  it('switching from monitor to coach is refused while another supervisor coaches', () => {
    const locked = call({ monitorLock: { supervisorId: 'sup-2', supervisorName: 'Dana Reyes', mode: 'coach', since: T0 } });
    const ctx = context({ voiceSession: session('monitor') });
    expect(voiceModeAvailability(supervisor(), locked, 'p-agent', 'coach', ctx)).toEqual(no(reasons.alreadyCoachedBy('Dana Reyes')));
  });
});

describe('rules 4 and 5: switching modes on the current leg', () => {
  const onAgent = (mode: SupervisionMode) => context({ voiceSession: session(mode) });

  it('monitoring: coach and barge are offered, monitor is already on, stop ends the leg', () => {
    const actions = voiceParticipantActions(supervisor(), call(), 'p-agent', onAgent('monitor'));
    expect(actions).toEqual({ monitor: no('You are already monitoring Alex Kim'), coach: ok, barge: ok, stop: ok });
  });

  it('coaching: monitor and barge are offered', () => {
    const actions = voiceParticipantActions(supervisor(), call(), 'p-agent', onAgent('coach'));
    expect(actions).toEqual({ monitor: ok, coach: no('You are already coaching Alex Kim'), barge: ok, stop: ok });
  });

  it('barging: monitor and coach are refused until barge stops; the barge toggle stops it', () => {
    const actions = voiceParticipantActions(supervisor(), call(), 'p-agent', onAgent('barge'));
    expect(actions.monitor).toEqual(no('Stop barging first to return to monitoring or coaching'));
    expect(actions.coach).toEqual(no('Stop barging first to return to monitoring or coaching'));
    expect(actions.barge).toEqual(ok);
    expect(actions.stop).toEqual(ok);
  });

  it('switching does not re-check status (the platform set the supervisor Busy when it added them)', () => {
    const busy = supervisor({ status: 'Busy' });
    expect(voiceModeAvailability(busy, call(), 'p-agent', 'coach', onAgent('monitor'))).toEqual(ok);
    expect(voiceModeAvailability(busy, call(), 'p-agent', 'barge', onAgent('coach'))).toEqual(ok);
  });

  it('switching still refuses what the participant forbids', () => {
    const ctx = context({ voiceSession: session('monitor', 'p-customer') });
    expect(voiceModeAvailability(supervisor(), call(), 'p-customer', 'barge', ctx)).toEqual(no(reasons.bargeExternal));
    expect(voiceModeAvailability(supervisor(), call(), 'p-customer', 'coach', ctx)).toEqual(no(reasons.coachExternal));
    const conf = call({ state: 'conference' });
    expect(voiceModeAvailability(supervisor(), conf, 'p-agent', 'barge', onAgent('coach'))).toEqual(no(reasons.bargeConference));
  });

  it('other participants of the same call: stop the current leg first', () => {
    const actions = voiceParticipantActions(supervisor(), call(), 'p-customer', onAgent('monitor'));
    expect(actions.monitor).toEqual(no('Stop monitoring Alex Kim first to pick another participant'));
    expect(actions.stop).toEqual(no('You are monitoring Alex Kim, not this participant'));
    expect(voiceParticipantActions(supervisor(), call(), 'p-customer', onAgent('barge')).monitor).toEqual(
      no('Stop barging into Alex Kim first to pick another participant'),
    );
  });

  it('after the call ends nothing but stop is offered on the leg', () => {
    const ended = call({ state: 'ended', endedAt: T0 + 1 });
    const actions = voiceParticipantActions(supervisor(), ended, 'p-agent', onAgent('monitor'));
    expect(actions).toEqual({ monitor: no(reasons.callEnded), coach: no(reasons.callEnded), barge: no(reasons.callEnded), stop: ok });
  });

  it('rule 1: the supervisor shows as an internal participant and gets no actions on themselves', () => {
    const c = call({ participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'monitor')] });
    const all = voiceActionsByParticipant(supervisor(), c, onAgent('monitor'));
    expect(Object.keys(all).sort()).toEqual(['p-agent', 'p-customer', 'p-sup-1']);
    expect(all['p-sup-1']?.monitor).toEqual(no(reasons.supervisorNotSupervisable));
    expect(all['p-agent']?.stop).toEqual(ok);
  });
});

describe('precedence of reasons', () => {
  it('ended beats everything else', () => {
    const worst = call({ state: 'ended', monitorable: false });
    expect(voiceModeAvailability(supervisor({ status: 'Away', permissions: [] }), worst, 'p-customer', 'barge', context())).toEqual(
      no(reasons.callEnded),
    );
  });

  it('the participant restriction comes before permissions, which come before status', () => {
    const sup = supervisor({ status: 'Away', permissions: [] });
    expect(voiceModeAvailability(sup, call(), 'p-customer', 'barge', context())).toEqual(no(reasons.bargeExternal));
    expect(voiceModeAvailability(sup, call(), 'p-agent', 'barge', context())).toEqual(no(reasons.missingPermission('call:barge')));
    expect(voiceModeAvailability(supervisor({ status: 'Away' }), call(), 'p-agent', 'barge', context())).toEqual(no(reasons.notAvailable('barge')));
  });

  it('another call is named before status (the platform sets a monitoring supervisor Busy)', () => {
    const ctx = context({ voiceSession: session('monitor', 'p', 'other') });
    expect(voiceModeAvailability(supervisor({ status: 'Busy' }), call(), 'p-agent', 'monitor', ctx)).toEqual(
      no(reasons.busyOnAnotherCall('monitor')),
    );
  });

  it('own call comes before a flow that does not allow monitoring', () => {
    const own = call({ monitorable: false, participants: [customerParty(), agentParty({ agentId: 'sup-1' })] });
    expect(voiceModeAvailability(supervisor(), own, 'p-agent', 'monitor', context())).toEqual(no(reasons.ownCall));
  });
});

it('a generic participant builder works for unusual roles', () => {
  const external = participant({ id: 'p-ext', kind: 'external', role: 'external', name: 'Vendor line' });
  const c = call({ participants: [customerParty(), agentParty(), external] });
  expect(voiceModeAvailability(supervisor(), c, 'p-ext', 'barge', context())).toEqual(no(reasons.bargeExternal));
  expect(voiceModeAvailability(supervisor(), c, 'p-ext', 'monitor', context())).toEqual(ok);
});

describe("the platform's view of the supervisor's leg", () => {
  const stillOnCall = call({ participants: [customerParty(), agentParty(), supervisorParty('sup-1', 'Sam Carter', 'coach')] });

  it('a supervisor row of mine counts as my leg when the core reports none (e.g. after a restart)', () => {
    const actions = voiceParticipantActions(supervisor(), stillOnCall, 'p-agent', context());
    expect(actions).toEqual({ monitor: ok, coach: no('You are already coaching Alex Kim'), barge: ok, stop: ok });
    expect(voiceParticipantActions(supervisor(), stillOnCall, 'p-customer', context()).monitor).toEqual(
      no('Stop coaching Alex Kim first to pick another participant'),
    );
  });

  it("another supervisor's row is not my leg", () => {
    expect(voiceParticipantActions(supervisor({ id: 'sup-3' }), stillOnCall, 'p-agent', context()).stop).toEqual(
      no(reasons.notSupervisingCall),
    );
  });

  it('the reported session wins over the row', () => {
    const actions = voiceParticipantActions(supervisor(), stillOnCall, 'p-agent', context({ voiceSession: session('barge') }));
    expect(actions.monitor).toEqual(no(reasons.stopBargingFirst));
  });
});
