/**
 * Rule 2 enforced by Spyglass where the PBX does not keep it: on a channel spy
 * (asterisk-chanspy) the PBX still sends the held customer (proof
 * 2026-12-01 §3.1), so the core tells the phone to mute the leg's playback
 * while the call is on hold and the session says why; resume unmutes. The demo
 * PBX mixes as the rules say and is never muted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionDetails, VoiceSession } from '../../../preload/contract';
import type { DemoContactCenter } from '../../../main/contact-center/demo';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import type { VoicePhone } from '../../../main/core/VoicePhone';
import type { PbxMixing } from '../../../main/supervision';
import { startDemoCore } from '../../support/demoCore';

let core: SupervisorCore;
let demo: DemoContactCenter;
let stop: () => Promise<void>;
/** Every mute the phone was told, in order, and whether a leg existed yet. */
let mutes: Array<{ muted: boolean; legUp: boolean }>;
let legUp: boolean;

const spyPhone = (mixing: PbxMixing | undefined): VoicePhone => ({
  async startMonitor() {
    legUp = true;
  },
  async setMode() {},
  async end() {
    legUp = false;
  },
  onLegEnded: () => () => undefined,
  ...(mixing ? { pbxMixing: () => mixing } : {}),
  mutePlayback: (muted) => void mutes.push({ muted, legUp }),
});

async function startCore(mixing: PbxMixing | undefined): Promise<void> {
  ({ core, demo, stop } = await startDemoCore({ prefix: 'spyglass-privacy-mute-', demo: { warmUp: true }, phone: spyPhone(mixing) }));
}

beforeEach(() => {
  mutes = [];
  legUp = false;
});
afterEach(() => stop());

const call = 'call-alex-kim';
async function details(): Promise<InteractionDetails> {
  const r = await core.handle('interaction:details', { interactionId: call });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as InteractionDetails;
}
async function participant(role: 'agent' | 'customer') {
  return (await details()).interaction.participants.find((p) => p.role === role)!;
}
const session = (): VoiceSession => core.voiceSession!;

describe('channel spy: the held customer is muted by Spyglass', () => {
  beforeEach(() => startCore('spied-channel'));

  it('hold mutes the leg and says so; resume unmutes', async () => {
    const customer = await participant('customer');
    const r = await core.handle('voice:start', { interactionId: call, participantId: (await participant('agent')).id, mode: 'monitor' });
    expect(r.ok).toBe(true);
    expect(session()).toMatchObject({ hearing: [customer.name, 'Alex Kim'] });
    expect(session().mutedOnHold).toBeUndefined();
    expect(mutes.at(-1)).toEqual({ muted: false, legUp: true });

    demo.control.holdCall(call);
    expect(mutes.at(-1)).toEqual({ muted: true, legUp: true });
    expect(session()).toMatchObject({ hearing: [], mutedOnHold: [customer.name] });

    demo.control.resumeCall(call);
    expect(mutes.at(-1)).toEqual({ muted: false, legUp: true });
    expect(session().mutedOnHold).toBeUndefined();
    expect(session().hearing).toEqual([customer.name, 'Alex Kim']);
  });

  it('monitoring a call that is already on hold is muted before the leg exists', async () => {
    demo.control.holdCall(call);
    await core.handle('voice:start', { interactionId: call, participantId: (await participant('customer')).id, mode: 'monitor' });
    expect(mutes[0]).toEqual({ muted: true, legUp: false });
    expect(mutes.every((m) => m.muted)).toBe(true);
  });

  it('the details preview says what the channel spy does', async () => {
    const d = await details();
    const rows = d.audibilityPreview?.[(await participant('agent')).id] ?? [];
    expect(rows.map((r) => r.scenario)).toEqual(['active', 'hold', 'consult', 'transfer']);
    expect(rows.find((r) => r.scenario === 'hold')?.hearing).toEqual([]);
  });
});

describe('the demo PBX mixes as the rules say', () => {
  beforeEach(() => startCore(undefined));

  it('hold never mutes; the agent picked hears the agent', async () => {
    await core.handle('voice:start', { interactionId: call, participantId: (await participant('agent')).id, mode: 'monitor' });
    demo.control.holdCall(call);
    expect(mutes.every((m) => !m.muted)).toBe(true);
    expect(session()).toMatchObject({ hearing: ['Alex Kim'] });
    expect(session().mutedOnHold).toBeUndefined();
  });
});
