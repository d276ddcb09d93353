/**
 * voice:start on a platform that calls the supervisor (auto-answer profile):
 * the core hands the phone's single-use token to the connector, the platform
 * calls back with it and only that call becomes the monitor leg. Real core,
 * demo connector (wrapped as the platform), real JsSIP phone on the in-process
 * SIP server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandError, type InteractionDetails, type VoiceSession } from '../../../preload/contract';
import { ConnectorError, type Connector, type SupervisionTarget } from '../../../main/contact-center/Connector';
import type { DemoContactCenter } from '../../../main/contact-center/demo';
import type { SupervisorCore } from '../../../main/core/SupervisorCore';
import type { VoicePhone } from '../../../main/core/VoicePhone';
import { autoAnswer } from '../../../main/phone/pbxProfiles';
import { PhoneError } from '../../../main/phone/softphone';
import { fakeSdp } from '../phone/support/fakeMediaHost';
import { inProcessPhone, type Harness } from '../phone/support/inProcessPhone';
import { startDemoCore } from '../../support/demoCore';

const call = 'call-alex-kim';
let core: SupervisorCore;
let stop: () => Promise<void>;
let h: Harness;
let contact: string;
/** What the platform does when asked to add the supervisor (before the demo records it). */
let platform: (target: SupervisionTarget) => Promise<void>;
const asked: SupervisionTarget[] = [];

/** The VoicePhone the core uses, over the real softphone (as main/app/phoneWiring.ts does). */
const voicePhone = (): VoicePhone => ({
  prepareMonitor: (mode) => h.phone.prepareMonitor({ target: 'platform call', mode }),
  withdrawMonitorRequest: () => h.phone.withdrawMonitorRequest(),
  async startMonitor(target, mode) {
    const leg = await h.phone.startMonitor({ target, mode }).catch((e: unknown) => {
      throw e instanceof PhoneError ? new CommandError('UNAVAILABLE', `${e.problem.message} ${e.problem.action}`) : e;
    });
    if (leg.state === 'failed' || leg.state === 'ended') throw new CommandError('UNAVAILABLE', 'The monitoring call could not be connected.');
  },
  setMode: async (mode) => void (await h.phone.setMode(mode)),
  end: () => h.phone.end(),
  onLegEnded: () => () => undefined,
});

/** The demo as the platform: asked to add the supervisor, it runs `platform` first. */
const asPlatform = (demo: DemoContactCenter): Connector =>
  new Proxy(demo, {
    get(target, prop) {
      if (prop === 'startSupervision') {
        return async (t: SupervisionTarget) => {
          asked.push(t);
          await platform(t);
          return target.startSupervision(t);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as Connector;

beforeEach(async () => {
  h = inProcessPhone({ profile: autoAnswer({ monitorTokenTtlMs: 300 }) });
  await h.phone.register(h.account);
  contact = h.uas.registrations.get('sup1') ?? '';
  asked.length = 0;
  ({ core, stop } = await startDemoCore({ prefix: 'spyglass-voice-token-', demo: { warmUp: true }, connector: asPlatform, phone: voicePhone() }));
});
afterEach(async () => {
  await stop();
  await h.phone.unregister();
});

async function start(): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const d = await core.handle('interaction:details', { interactionId: call });
  if (!d.ok) throw new Error(d.error.message);
  const agent = (d.value as InteractionDetails).interaction.participants.find((p) => p.role === 'agent');
  return core.handle('voice:start', { interactionId: call, participantId: agent?.id, mode: 'monitor' }) as never;
}

describe('voice:start with a platform that calls the supervisor', () => {
  it('passes a fresh token to the connector; the platform calling back with it becomes the monitor leg', async () => {
    const statuses: number[] = [];
    platform = async (t) => {
      statuses.push((await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 53000), [['X-Spyglass-Monitor', t.monitorToken ?? '']])).status);
    };
    const r = await start();
    expect(r.ok).toBe(true);
    expect(asked[0]?.monitorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statuses).toEqual([200]);
    expect(r.value as VoiceSession).toMatchObject({ interactionId: call, mode: 'monitor', micLive: false });
    expect(h.phone.status().monitor).toMatchObject({ state: 'active', profileId: 'auto-answer' });
    await core.handle('voice:end', {});
  });

  it('a new monitor gets a new token', async () => {
    platform = async (t) => void (await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 53002), [['X-Spyglass-Monitor', t.monitorToken ?? '']]));
    expect((await start()).ok).toBe(true);
    await core.handle('voice:end', {});
    expect((await start()).ok).toBe(true);
    await core.handle('voice:end', {});
    expect(asked).toHaveLength(2);
    expect(asked[0]?.monitorToken).not.toBe(asked[1]?.monitorToken);
  });

  it('a refused supervision withdraws the token: the call that comes anyway is declined', async () => {
    let token = '';
    platform = async (t) => {
      token = t.monitorToken ?? '';
      throw new ConnectorError('REFUSED', 'Another supervisor is already barging on this call.');
    };
    const r = await start();
    expect(r.ok).toBe(false);
    const late = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 53004), [['X-Spyglass-Monitor', token], ['Answer-Mode', 'Auto']]);
    expect(late.status).toBe(603);
    expect(h.media.micChanges.some((c) => c.enabled)).toBe(false);
  });

  it('a platform that drops the token is declined and the monitor fails with what to check', async () => {
    const statuses: number[] = [];
    platform = async () => void statuses.push((await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 53006), [['Answer-Mode', 'Auto']])).status);
    const r = await start();
    expect(statuses).toEqual([603]);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/did not call the supervisor phone in time.*monitor token/);
    expect(core.voiceSession).toBeUndefined();
  });
});
