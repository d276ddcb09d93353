import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../../../renderer/src/format/elapsed';
import { interactionSummary, joinNames, supervisingLabel } from '../../../renderer/src/views/voice/format';
import { call } from './fixtures';

describe('formatElapsed', () => {
  it('shows minutes and zero-padded seconds', () => {
    expect(formatElapsed(7_000)).toBe('0:07');
    expect(formatElapsed(754_400)).toBe('12:34');
  });
  it('shows a duration to the nearest second: a 5 s period measured as 4 998 ms reads 0:05, not 0:04', () => {
    expect(formatElapsed(4_998)).toBe('0:05');
    expect(formatElapsed(754_999)).toBe('12:35');
    expect(formatElapsed(3_599_600)).toBe('1:00:00');
  });
  it('reads a non-number as zero rather than NaN:NaN', () => {
    expect(formatElapsed(Number.NaN)).toBe('0:00');
  });
  it('adds hours past an hour', () => {
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
  it('never shows negative time (clock skew between main and the screen)', () => {
    expect(formatElapsed(-5_000)).toBe('0:00');
  });
});

describe('joinNames', () => {
  it('reads like a sentence', () => {
    expect(joinNames([])).toBe('nobody');
    expect(joinNames(['Alex Kim'])).toBe('Alex Kim');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('interactionSummary', () => {
  it('names the customer and the state', () => {
    expect(interactionSummary(call({ state: 'held' }))).toBe('Call with Jennifer Morales (on hold)');
    expect(interactionSummary(undefined)).toBe('—');
  });
});

describe('supervisingLabel', () => {
  it('names the mode the platform reported', () => {
    expect(supervisingLabel({ mode: 'coach' })).toBe('coaching');
    expect(supervisingLabel({ mode: 'monitor' })).toBe('monitoring');
  });
  it('claims no mode when the platform did not report one (Asterisk ChanSpy of another seat)', () => {
    expect(supervisingLabel({ mode: 'monitor', modeUnknown: true })).toBe('listening in on');
  });
});
