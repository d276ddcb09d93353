import { describe, expect, it } from 'vitest';
import { binocularFor, liveSessionInteractionId } from '../../../renderer/src/views/voice/binocular';

const busy = { allowed: false as const, reason: 'You are already monitoring another call' };
const flow = { allowed: false as const, reason: "This interaction's flow does not allow monitoring" };

describe('binocular: monitoring does not block looking (issue 12 item 5)', () => {
  it('without a session of mine it is main’s Monitor action, refusal included', () => {
    expect(binocularFor(flow, 'call-b', undefined, 'Open')).toEqual({ availability: flow, title: 'Open' });
    expect(binocularFor({ allowed: true }, 'call-b', undefined, 'Open')).toEqual({ availability: { allowed: true }, title: 'Open' });
  });

  it('while I monitor another call, a refused binocular still opens, and its tooltip says why Monitor is refused', () => {
    const b = binocularFor(busy, 'call-b', 'call-a', 'Open');
    expect(b.availability).toEqual({ allowed: true });
    expect(b.title).toContain(busy.reason);
  });

  it('on the call I monitor, or with nothing to open, main’s refusal stands', () => {
    expect(binocularFor(busy, 'call-a', 'call-a', 'Open').availability).toEqual(busy);
    expect(binocularFor(busy, undefined, 'call-a', 'Open').availability).toEqual(busy);
  });

  it('only a live leg counts as busy', () => {
    expect(liveSessionInteractionId({ interactionId: 'call-a', state: 'active' })).toBe('call-a');
    expect(liveSessionInteractionId({ interactionId: 'call-a', state: 'ended' })).toBeUndefined();
    expect(liveSessionInteractionId({ interactionId: 'call-a', state: 'failed' })).toBeUndefined();
    expect(liveSessionInteractionId(undefined)).toBeUndefined();
  });
});
