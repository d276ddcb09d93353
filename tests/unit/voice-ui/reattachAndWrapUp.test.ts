import { describe, expect, it } from 'vitest';
import { endedToolbarModel } from '../../../renderer/src/views/voice/endedToolbarModel';
import { toolbarModel } from '../../../renderer/src/views/voice/toolbarModel';
import { call, refused, session } from './fixtures';

describe('toolbar while the audio re-attaches after a reload (issue 13 found 2)', () => {
  it('claims no mode, no LIVE and nobody heard until audio flows in this page; the toggles wait', () => {
    const coaching = session({ mode: 'coach', micLive: true, heardBy: ['Alex Kim'] });
    const m = toolbarModel(coaching, call(), 0, { reattaching: true });
    expect(m?.phase).toBe('reattaching');
    expect(m?.title).toBe('Reconnecting your audio — Alex Kim');
    expect(m?.title).not.toMatch(/Coaching|Monitoring/);
    expect(m?.hotMic).toBeUndefined();
    expect(m?.hearing).toBe('You hear: nothing yet — moving your audio to this window; nobody hears you');
    expect(m?.mic).toEqual(refused('Reconnecting your audio after the reload'));
    expect(m?.coach).toEqual(refused('Reconnecting your audio after the reload'));
    // Once the phone says the leg is back, the mode and the LIVE indicator are back too.
    const back = toolbarModel(coaching, call(), 0, { reattaching: undefined, audio: 'flowing' });
    expect(back?.title).toBe('Coaching Alex Kim');
    expect(back?.hotMic).toBe('LIVE — Alex Kim can hear you');
  });
});

describe('ended monitoring toolbar (issue 12 item 4)', () => {
  it('says who was monitored, how long on the core clock, and what happened', () => {
    const ended = session({ state: 'ended', startedAt: 1_000, endedAt: 66_000, endNote: 'Call ended by the customer' });
    expect(endedToolbarModel(ended, 'Alex Kim')).toEqual({ title: 'Monitoring Alex Kim ended', duration: '1:05', what: 'Call ended by the customer' });
    expect(endedToolbarModel({ ...ended, mode: 'coach' }, undefined)?.title).toBe('Coaching the call ended');
  });

  it('nothing for a live session, or one ended with the handset (no end note)', () => {
    expect(endedToolbarModel(session(), 'Alex Kim')).toBeUndefined();
    expect(endedToolbarModel(session({ state: 'ended' }), 'Alex Kim')).toBeUndefined();
    expect(endedToolbarModel(undefined, 'Alex Kim')).toBeUndefined();
  });
});
