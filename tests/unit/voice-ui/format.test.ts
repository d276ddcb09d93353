import { describe, expect, it } from 'vitest';
import { formatElapsed, interactionSummary, joinNames } from '../../../renderer/src/views/voice/format';
import { call } from './fixtures';

describe('formatElapsed', () => {
  it('shows minutes and zero-padded seconds', () => {
    expect(formatElapsed(7_000)).toBe('0:07');
    expect(formatElapsed(754_999)).toBe('12:34');
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
