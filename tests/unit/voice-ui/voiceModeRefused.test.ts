/**
 * When the PBX does not take a mode's digits the phone falls back to
 * listening with the mic off (main/phone/monitorSession.ts); the core must then
 * show listening — never the mode asked for, never LIVE (issue 16 found 1-2).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionDetails, SupervisionMode, VoiceSession } from '../../../preload/contract';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import type { VoicePhone } from '../../../main/core/VoicePhone';
import { startDemoCore } from '../../support/demoCore';

const REFUSED = 'Coaching did not start: the PBX refused digit 5 (SIP INFO answered 415). Nobody hears you; you are listening only.';

/** The phone's side of the contract when the PBX refuses some modes' digits (modeDigits.test.ts proves the real phone does this). */
function refusingPhone(refused: SupervisionMode[]): VoicePhone {
  let mode: SupervisionMode | undefined;
  return {
    async startMonitor(_target, asked) {
      mode = refused.includes(asked) ? 'monitor' : asked;
      return mode === asked ? undefined : { mode, notice: REFUSED };
    },
    async setMode(asked) {
      if (refused.includes(asked)) {
        mode = 'monitor';
        throw new Error(REFUSED);
      }
      mode = asked;
    },
    currentMode: () => mode,
    async end() {
      mode = undefined;
    },
    onLegEnded: () => () => undefined,
  };
}

let core: SupervisorCore;
let stop: () => Promise<void>;
let refused: SupervisionMode[] = [];
beforeEach(async () => {
  ({ core, stop } = await startDemoCore({ prefix: 'spyglass-voice-refused-', demo: { warmUp: true }, phone: refusingPhone(refused) }));
});
afterEach(async () => {
  refused = [];
  await stop();
});

async function agentOf(call: string): Promise<string> {
  const r = await core.handle('interaction:details', { interactionId: call });
  if (!r.ok) throw new Error(r.error.message);
  const agent = (r.value as InteractionDetails).interaction.participants.find((p) => p.role === 'agent');
  return agent!.id;
}

describe('a mode the PBX did not take is not shown', () => {
  it('starting in coach (refused): the session is listening, mic not live, and the supervisor is told why', async () => {
    refused.push('coach', 'barge');
    const call = 'call-alex-kim';
    const r = await core.handle('voice:start', { interactionId: call, participantId: await agentOf(call), mode: 'coach' });
    expect(r.ok).toBe(true);
    expect(r.ok && (r.value as VoiceSession)).toMatchObject({ mode: 'monitor', micLive: false, heardBy: [] });
    expect(core.voiceSession).toMatchObject({ mode: 'monitor', micLive: false });
    const notices = await core.handle('notices:list', {});
    expect(JSON.stringify(notices.ok && notices.value)).toContain('Coaching did not start');
    expect(core.audit.list(1)[0]).toMatchObject({ action: 'voice-coach', result: 'failed' });
  });

  it('switching from coach to barge that fails leaves listening, not coach with a live mic', async () => {
    refused.push('barge');
    const call = 'call-alex-kim';
    await core.handle('voice:start', { interactionId: call, participantId: await agentOf(call), mode: 'coach' });
    expect(core.voiceSession).toMatchObject({ mode: 'coach', micLive: true });
    const r = await core.handle('voice:setMode', { mode: 'barge' });
    expect(r).toMatchObject({ ok: false });
    expect(core.voiceSession).toMatchObject({ mode: 'monitor', micLive: false });
  });
});
