/**
 * The core tells the phone whenever who the supervisor hears changes, so the
 * demo PBX can play exactly those voices (issue 15 item 6: on hold the toolbar
 * said "You hear: Jennifer Morales" while both voices kept playing).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionDetails } from '../../../preload/contract';
import type { DemoContactCenter } from '../../../main/contact-center/demo';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import type { VoicePhone } from '../../../main/core/VoicePhone';
import { demoVoicesFor, type DemoVoices } from '../../../main/phone/demoPbx/demoVoices';
import { startDemoCore } from '../../support/demoCore';

let core: SupervisorCore;
let demo: DemoContactCenter;
let stop: () => Promise<void>;
let played: DemoVoices[];

/** A phone whose PBX plays what it is told (as the demo PBX does in phoneWiring). */
const followingPhone = (): VoicePhone => ({
  async startMonitor() {},
  async setMode() {},
  async end() {},
  onLegEnded: () => () => undefined,
  followCall: (interaction, picked) => void played.push(demoVoicesFor(interaction, picked)),
});

beforeEach(async () => {
  played = [];
  ({ core, demo, stop } = await startDemoCore({ prefix: 'spyglass-demo-voices-', demo: { warmUp: true }, phone: followingPhone() }));
});
afterEach(() => stop());

async function participantOf(call: string, role: 'agent' | 'customer'): Promise<string> {
  const r = await core.handle('interaction:details', { interactionId: call });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as InteractionDetails).interaction.participants.find((p) => p.role === role)!.id;
}

describe('demo audio follows the call', () => {
  it('customer picked: both voices, the customer alone while the agent holds, both again on resume', async () => {
    const call = 'call-alex-kim';
    const r = await core.handle('voice:start', { interactionId: call, participantId: await participantOf(call, 'customer'), mode: 'monitor' });
    expect(r.ok).toBe(true);
    expect(played.at(-1)).toEqual({ agent: true, customer: true });
    demo.control.holdCall(call);
    expect(played.at(-1)).toEqual({ agent: false, customer: true });
    demo.control.resumeCall(call);
    expect(played.at(-1)).toEqual({ agent: true, customer: true });
  });

  it('agent picked: the agent alone on hold', async () => {
    const call = 'call-alex-kim';
    await core.handle('voice:start', { interactionId: call, participantId: await participantOf(call, 'agent'), mode: 'monitor' });
    demo.control.holdCall(call);
    expect(played.at(-1)).toEqual({ agent: true, customer: false });
  });
});
