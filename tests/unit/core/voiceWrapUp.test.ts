/**
 * Issue 12 item 4: when the monitored call ends, main tells the screens the
 * session ended with how long it lasted (core clock) and what happened, so the
 * monitoring toolbar stays as a wrap-up instead of vanishing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VoiceSession } from '../../../preload/contract';
import type { DemoContactCenter, ManualClock } from '../../../main/contact-center/demo';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import { callEndNote } from '../../../main/core/voiceWrapUp';
import { startDemoCore } from '../../support/demoCore';

let core: SupervisorCore;
let demo: DemoContactCenter;
let clock: ManualClock;
let stop: () => Promise<void>;
const sessions: (VoiceSession | null)[] = [];

beforeEach(async () => {
  sessions.length = 0;
  ({ core, demo, clock, stop } = await startDemoCore({ prefix: 'spyglass-wrapup-' }));
  core.attach((channel, payload) => {
    if (channel === 'voice:session') sessions.push(payload as VoiceSession | null);
  });
});
afterEach(() => stop());

async function monitorAlexKim(): Promise<VoiceSession> {
  const ix = core.interactionView('call-alex-kim');
  const agent = ix.participants.find((p) => p.role === 'agent')!;
  const r = await core.handle('voice:start', { interactionId: ix.id, participantId: agent.id, mode: 'monitor' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as VoiceSession;
}

describe('the monitored call ends', () => {
  it('the session is sent as ended, with its end on the core clock and who ended the call', async () => {
    const started = await monitorAlexKim();
    clock.advance(65_000);
    demo.control.endInteraction('call-alex-kim');
    await new Promise((r) => setTimeout(r, 0));
    const last = sessions.at(-1);
    expect(last).toMatchObject({ state: 'ended', micLive: false, heardBy: [], endNote: 'Call ended by the customer' });
    expect(last!.endedAt! - started.startedAt).toBe(65_000);
    // Main holds no session any more: a new monitor may start.
    expect(core.voiceSession).toBeUndefined();
  });

  it('the words come from the last "ended" event on the timeline, else a plain fact', () => {
    const at = 0;
    expect(callEndNote([{ id: 't1', interactionId: 'c', at, kind: 'started', text: 'Call started' }, { id: 't2', interactionId: 'c', at, kind: 'ended', text: 'Caller abandoned in queue' }])).toBe(
      'Caller abandoned in queue',
    );
    expect(callEndNote([])).toBe('The call ended.');
  });
});
