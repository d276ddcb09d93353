import { describe, expect, it } from 'vitest';
import type { SupervisionPeriod } from '../../../preload/contract';
import {
  nextPeriods,
  supervisionEndedEvent,
  supervisionModeChangedEvent,
  supervisionStartedEvent,
  supervisorsWhoTookPart,
} from '../../../main/supervision';
import { T0 } from './builders';

const sam = { id: 'sup-1', name: 'Sam Carter' };
const base = { interactionId: 'call-1', supervisor: sam, participantName: 'Alex Kim' };

describe('rule 10: timeline events with who and when', () => {
  it('start', () => {
    expect(supervisionStartedEvent({ ...base, eventId: 'e1', at: T0, mode: 'monitor' })).toEqual({
      id: 'e1',
      interactionId: 'call-1',
      at: T0,
      kind: 'supervision-start',
      text: 'Sam Carter started monitoring Alex Kim',
      supervisorId: 'sup-1',
      supervisorName: 'Sam Carter',
      mode: 'monitor',
    });
  });

  it('mode changes', () => {
    expect(supervisionModeChangedEvent({ ...base, eventId: 'e2', at: T0, mode: 'coach', from: 'monitor' }).text).toBe(
      'Sam Carter switched from monitoring to coaching Alex Kim',
    );
    expect(supervisionModeChangedEvent({ ...base, eventId: 'e3', at: T0, mode: 'barge', from: 'coach' }).text).toBe(
      'Sam Carter switched from coaching to barging into Alex Kim',
    );
    const unbarge = supervisionModeChangedEvent({ ...base, eventId: 'e4', at: T0, mode: 'monitor', from: 'barge' });
    expect(unbarge.text).toBe('Sam Carter stopped barging and went back to monitoring Alex Kim');
    expect(unbarge.kind).toBe('supervision-mode');
  });

  it('end', () => {
    const end = supervisionEndedEvent({ ...base, eventId: 'e5', at: T0 + 9, mode: 'barge' });
    expect(end).toMatchObject({ kind: 'supervision-end', text: 'Sam Carter stopped barging', at: T0 + 9, mode: 'barge' });
  });
});

describe('rule 10: monitor, coach and barge periods', () => {
  const change = { interactionId: 'call-1', supervisor: sam, participantId: 'p-agent' };

  it('monitor, then coach, then barge, then stop: three closed periods', () => {
    let periods: SupervisionPeriod[] = [];
    periods = nextPeriods(periods, { ...change, at: T0, mode: 'monitor' });
    periods = nextPeriods(periods, { ...change, at: T0 + 10, mode: 'coach' });
    periods = nextPeriods(periods, { ...change, at: T0 + 20, mode: 'barge' });
    periods = nextPeriods(periods, { ...change, at: T0 + 30, mode: undefined });
    expect(periods.map((p) => [p.mode, p.startedAt, p.endedAt])).toEqual([
      ['monitor', T0, T0 + 10],
      ['coach', T0 + 10, T0 + 20],
      ['barge', T0 + 20, T0 + 30],
    ]);
  });

  it("another supervisor's or another call's open period is left open", () => {
    const open: SupervisionPeriod[] = [
      { interactionId: 'call-1', supervisorId: 'sup-2', supervisorName: 'Dana Reyes', mode: 'coach', participantId: 'p-agent', startedAt: T0 },
      { interactionId: 'call-2', supervisorId: 'sup-1', supervisorName: 'Sam Carter', mode: 'monitor', participantId: 'p', startedAt: T0 },
    ];
    const after = nextPeriods(open, { ...change, at: T0 + 5, mode: undefined });
    expect(after.every((p) => p.endedAt === undefined)).toBe(true);
  });

  it('who took part, once each, in order', () => {
    const periods: SupervisionPeriod[] = [
      { interactionId: 'c', supervisorId: 'sup-2', supervisorName: 'Dana Reyes', mode: 'coach', participantId: 'p', startedAt: T0 + 5 },
      { interactionId: 'c', supervisorId: 'sup-1', supervisorName: 'Sam Carter', mode: 'monitor', participantId: 'p', startedAt: T0 },
      { interactionId: 'c', supervisorId: 'sup-1', supervisorName: 'Sam Carter', mode: 'barge', participantId: 'p', startedAt: T0 + 9 },
    ];
    expect(supervisorsWhoTookPart(periods)).toEqual([sam, { id: 'sup-2', name: 'Dana Reyes' }]);
  });
});
