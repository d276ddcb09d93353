import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedApp } from '../../../main/app/composeCore';
import type { InteractionDetails, VoiceSession } from '../../../preload/contract';
import { composeInTempDir } from '../../support/composedApp';

/** The voice commands the screens use, through the real core, rules and demo (scenario call-alex-kim). */
let app: ComposedApp;
let stop: () => Promise<void>;
const call = 'call-alex-kim';

async function cmd<T>(channel: string, payload: unknown): Promise<T> {
  const r = await app.core.handle(channel, payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

beforeAll(async () => {
  // Signalling only: the audio leg is covered by tests/e2e/audio.spec.ts and the SIP lab.
  ({ app, stop } = await composeInTempDir('spyglass-voice-', () => ({ phone: false })));
});

afterAll(() => stop());

describe('voice handlers', () => {
  it('interaction:details previews what each pickable participant would let you hear on hold and transfer', async () => {
    const d = await cmd<InteractionDetails>('interaction:details', { interactionId: call });
    const customer = d.interaction.participants.find((p) => p.role === 'customer');
    const agent = d.interaction.participants.find((p) => p.role === 'agent');
    expect(customer && agent).toBeTruthy();
    const onCustomer = d.audibilityPreview?.[customer?.id ?? ''] ?? [];
    expect(onCustomer.map((r) => r.sentence)).toContain('If the agent puts the call on hold you will hear: Jennifer Morales');
    expect(onCustomer.map((r) => r.sentence)).toContain('If the agent transfers the call you will hear: Jennifer Morales and the new agent');
    expect(d.audibilityPreview?.[agent?.id ?? '']?.find((r) => r.scenario === 'hold')?.hearing).toEqual(['Alex Kim']);
    expect(d.heardByPreview?.coach).toBe('Only the agent hears you');
    expect(d.currentScenario).toBe('active');
  });

  it('the mic toggle barges in and mutes back to silent monitoring', async () => {
    const d = await cmd<InteractionDetails>('interaction:details', { interactionId: call });
    const agent = d.interaction.participants.find((p) => p.role === 'agent');
    await cmd<VoiceSession>('voice:start', { interactionId: call, participantId: agent?.id, mode: 'monitor' });
    const barged = await cmd<VoiceSession>('voice:toggleMic', {});
    expect(barged).toMatchObject({ mode: 'barge', micLive: true });
    const silent = await cmd<VoiceSession>('voice:toggleMic', {});
    expect(silent).toMatchObject({ mode: 'monitor', micLive: false, heardBy: [] });
    // "Stop barging" from the details (setMode monitor while barging) is allowed too.
    await cmd<VoiceSession>('voice:toggleMic', {});
    expect(await cmd<VoiceSession>('voice:setMode', { mode: 'monitor' })).toMatchObject({ mode: 'monitor', micLive: false });
    // Coach is still refused while barging, with the rules' reason.
    await cmd<VoiceSession>('voice:toggleMic', {});
    await expect(cmd('voice:setMode', { mode: 'coach' })).rejects.toThrow('Stop barging first');
    await cmd('voice:end', {});
    expect(app.core.voiceSession).toBeUndefined();
    expect(app.core.mirror.interactions.get(call)?.state).toBe('connected');
  });
});
