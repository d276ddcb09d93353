import { describe, expect, it } from 'vitest';
import { coachToggle, micToggle, modeChange, reasons } from '../../../main/supervision';
import { call, context, session, supervisor, withoutPermission } from './builders';

const ok = { allowed: true };

describe('rule 5: the toolbar microphone is the barge toggle (seed 002)', () => {
  it('unmuting while monitoring barges in', () => {
    expect(micToggle(supervisor(), call(), session('monitor'), context())).toEqual({ availability: ok, nextMode: 'barge' });
  });

  it('unmuting while coaching barges in', () => {
    expect(micToggle(supervisor(), call(), session('coach'), context())).toEqual({ availability: ok, nextMode: 'barge' });
  });

  it('muting while barging returns to silent monitoring, even without any permission', () => {
    const none = supervisor({ permissions: [], status: 'Busy' });
    expect(micToggle(none, call(), session('barge'), context())).toEqual({ availability: ok, nextMode: 'monitor' });
  });

  it('unmuting is refused with the barge reason when barge is not allowed', () => {
    expect(micToggle(supervisor(), call(), session('monitor', 'p-customer'), context())).toEqual({
      availability: { allowed: false, reason: reasons.bargeExternal },
      nextMode: 'barge',
    });
    expect(micToggle(withoutPermission(supervisor(), 'call:barge'), call(), session('monitor'), context()).availability).toEqual({
      allowed: false,
      reason: reasons.missingPermission('call:barge'),
    });
  });
});

describe('rule 4: the coach toggle switches monitor <-> coach', () => {
  it('monitor -> coach -> monitor', () => {
    expect(coachToggle(supervisor(), call(), session('monitor'), context())).toEqual({ availability: ok, nextMode: 'coach' });
    expect(coachToggle(supervisor(), call(), session('coach'), context())).toEqual({ availability: ok, nextMode: 'monitor' });
  });

  it('is refused while barging', () => {
    expect(coachToggle(supervisor(), call(), session('barge'), context()).availability).toEqual({
      allowed: false,
      reason: reasons.stopBargingFirst,
    });
  });
});

describe('modeChange (voice:setMode)', () => {
  it('follows the per-participant rules', () => {
    expect(modeChange(supervisor(), call(), session('monitor'), 'coach', context())).toEqual(ok);
    expect(modeChange(supervisor(), call(), session('coach'), 'barge', context())).toEqual(ok);
    expect(modeChange(supervisor(), call(), session('barge'), 'monitor', context())).toEqual({
      allowed: false,
      reason: reasons.stopBargingFirst,
    });
  });

  it('asking for the current mode is refused, barge included', () => {
    expect(modeChange(supervisor(), call(), session('monitor'), 'monitor', context())).toEqual({
      allowed: false,
      reason: 'You are already monitoring Alex Kim',
    });
    expect(modeChange(supervisor(), call(), session('barge'), 'barge', context())).toEqual({
      allowed: false,
      reason: 'You are already barging into Alex Kim',
    });
  });

  it('uses the session given, whatever the context says', () => {
    const stale = context({ voiceSession: session('monitor', 'p-x', 'other-call') });
    expect(modeChange(supervisor(), call(), session('monitor'), 'coach', stale)).toEqual(ok);
  });
});
