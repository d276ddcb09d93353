import { describe, expect, it } from 'vitest';
import { hotMicText, toolbarModel } from '../../../renderer/src/views/voice/toolbarModel';
import { allowed, call, refused, session } from './fixtures';

describe('toolbarModel', () => {
  it('is hidden without a live session', () => {
    expect(toolbarModel(undefined, call(), 0)).toBeUndefined();
    expect(toolbarModel(session({ state: 'ended' }), call(), 0)).toBeUndefined();
  });

  it('silent monitoring: muted mic, no hot-mic indicator, who you hear, elapsed time', () => {
    const m = toolbarModel(session(), call(), 66_000);
    expect(m?.title).toBe('Monitoring Alex Kim');
    expect(m?.micMuted).toBe(true);
    expect(m?.hotMic).toBeUndefined();
    expect(m?.hearing).toBe('You hear: Alex Kim and Jennifer Morales');
    expect(m?.elapsed).toBe('1:05');
  });

  it('shows the hot-mic indicator naming who hears you whenever the mic is live', () => {
    const coaching = toolbarModel(session({ mode: 'coach', micLive: true, heardBy: ['Alex Kim'] }), call(), 0);
    expect(coaching?.hotMic).toBe('LIVE — Alex Kim can hear you');
    expect(coaching?.micMuted).toBe(true);
    expect(coaching?.coachOn).toBe(true);
    const barging = toolbarModel(session({ mode: 'barge', micLive: true, heardBy: ['Alex Kim', 'Jennifer Morales'] }), call(), 0);
    expect(barging?.hotMic).toBe('LIVE — Alex Kim and Jennifer Morales can hear you');
    expect(barging?.micMuted).toBe(false);
    expect(hotMicText([])).toBe('LIVE — your microphone is on');
  });

  it('a leg with no audio from the PBX names nobody as heard or hearing you, and keeps the mic warning', () => {
    // Real Asterisk, endpoint allow=opus,ulaw without an Opus translator: coach took (digit
    // passed), yet the agent received none of the supervisor's tone and the supervisor heard nothing.
    const coaching = toolbarModel(session({ mode: 'coach', micLive: true, heardBy: ['Alex Kim'] }), call(), 0, { audio: 'none' });
    expect(coaching?.hotMic).toBe('LIVE — your microphone is on, but the PBX sends no audio on this leg: nobody hears you');
    expect(coaching?.hearing).toBe('You hear: nothing — no audio from the PBX');
    expect(toolbarModel(session(), call(), 0, { audio: 'none' })?.hotMic).toBeUndefined();
    // Audio flowing (or not measured yet): the names stand.
    expect(toolbarModel(session({ mode: 'coach', micLive: true, heardBy: ['Alex Kim'] }), call(), 0, { audio: 'flowing' })?.hotMic).toBe('LIVE — Alex Kim can hear you');
    expect(toolbarModel(session(), call(), 0, { audio: 'waiting' })?.hearing).toBe('You hear: Alex Kim and Jennifer Morales');
  });

  it('the mic (barge) and coach toggles carry main’s refusals', () => {
    const onCustomer = toolbarModel(session({ participantId: 'p-cust' }), call(), 0);
    expect(onCustomer?.mic).toEqual(refused('Barge is not allowed for external participants'));
    expect(onCustomer?.coach).toEqual(refused('Only agents can be coached, not external participants'));
  });

  it('leaving coach uses the monitor action; while barging coach says why', () => {
    const ix = call({
      participantActions: {
        'p-agent': { monitor: refused('Stop barging first to return to monitoring or coaching'), coach: refused('Stop barging first to return to monitoring or coaching'), barge: allowed, stop: allowed },
      },
    });
    expect(toolbarModel(session({ mode: 'barge' }), ix, 0)?.coach).toEqual(refused('Stop barging first to return to monitoring or coaching'));
    expect(toolbarModel(session({ mode: 'barge' }), ix, 0)?.mic).toEqual(allowed);
    expect(toolbarModel(session({ mode: 'coach' }), call(), 0)?.coach).toEqual(allowed);
  });

  it('while connecting the controls wait and say so', () => {
    const m = toolbarModel(session({ state: 'connecting' }), call(), 0);
    expect(m?.phase).toBe('connecting');
    expect(m?.mic).toEqual(refused('Still connecting to the call'));
  });

  it('a call that disappeared refuses the toggles instead of guessing', () => {
    const m = toolbarModel(session(), undefined, 0);
    expect(m?.title).toBe('Monitoring the call');
    expect(m?.mic.allowed).toBe(false);
  });
});

describe('toolbarModel on a channel spy (asterisk-chanspy, proof 2026-12-01 §3.1)', () => {
  it('on hold: nobody, and why — the held customer is muted by Spyglass, not a fault', () => {
    const m = toolbarModel(session({ hearing: [], mutedOnHold: ['Jennifer Morales'] }), call({ state: 'held' }), 0);
    expect(m?.hearing).toBe('You hear: nobody — Jennifer Morales is on hold (muted for privacy)');
    expect(toolbarModel(session({ hearing: [], mutedOnHold: ['Ann Lee', 'Bo Chan'] }), call({ state: 'held' }), 0)?.hearing).toBe(
      'You hear: nobody — Ann Lee and Bo Chan are on hold (muted for privacy)',
    );
  });
  it('in a consult: the agent and the specialist, marked as a consult', () => {
    const m = toolbarModel(session({ hearing: ['Alex Kim', 'Pat Lee'] }), call({ state: 'consult' }), 0);
    expect(m?.hearing).toBe('You hear: Alex Kim and Pat Lee (consult)');
  });
  it('no audio at all still wins (nothing is heard, muted or not)', () => {
    const m = toolbarModel(session({ hearing: [], mutedOnHold: ['Jennifer Morales'] }), call({ state: 'held' }), 0, { audio: 'none' });
    expect(m?.hearing).toBe('You hear: nothing — no audio from the PBX');
  });
});
