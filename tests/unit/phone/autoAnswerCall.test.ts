import { afterEach, describe, expect, it } from 'vitest';
import { autoAnswer } from '../../../main/phone/pbxProfiles';
import { fakeSdp } from './support/fakeMediaHost';
import { inProcessPhone, until, type Harness } from './support/inProcessPhone';

let h: Harness | undefined;
afterEach(async () => {
  await h?.phone.unregister();
  h = undefined;
});

async function platform(trustedHost = 'demo-pbx.invalid') {
  h = inProcessPhone({ profile: autoAnswer(trustedHost) });
  await h.phone.register(h.account);
  const contact = h.uas.registrations.get('sup1');
  if (!contact) throw new Error('not registered');
  return { h, contact };
}

describe('auto-answer profile: the platform calls the supervisor', () => {
  it('answers at once an INVITE with Call-Info answer-after=0 from the configured server, mic off', async () => {
    const { h, contact } = await platform();
    const pending = h.phone.startMonitor({ target: 'call-42', mode: 'monitor' });
    const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51000), [['Call-Info', '<sip:demo-pbx.invalid>;answer-after=0']]);
    expect(res.status).toBe(200);
    const m = await pending;
    expect(m).toMatchObject({ state: 'active', mode: 'monitor', micLive: false, target: 'call-42', profileId: 'auto-answer' });
    expect(h.media.micLive()).toBe(false);
  });

  it('accepts Answer-Mode: Auto and Alert-Info auto-answer', async () => {
    const { h, contact } = await platform();
    for (const hdr of [['Answer-Mode', 'Auto'], ['Alert-Info', '<http://x>;info=alert-autoanswer']] as [string, string][]) {
      const pending = h.phone.startMonitor({ target: 'c', mode: 'coach' });
      const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51002), [hdr]);
      expect(res.status).toBe(200);
      const m = await pending;
      // Modes are switched by the platform (connector), but the mic follows the mode here.
      expect(m.mode).toBe('coach');
      await until(() => h.media.micLive(), 'mic live in coach');
      await h.phone.end();
      expect(h.media.micLive()).toBe(false);
    }
  });

  it('declines an auto-answer INVITE that did not originate at the configured server', async () => {
    const { h, contact } = await platform('pbx.example.com');
    const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51004), [['Answer-Mode', 'Auto']], 'attacker.example.net');
    expect(res.status).toBe(603);
    expect(h.phone.status().monitor).toBeNull();
    expect(h.media.micChanges.some((c) => c.enabled)).toBe(false);
  });

  it('allows one pending monitor at a time while waiting for the platform to call', async () => {
    const { h, contact } = await platform();
    const first = h.phone.startMonitor({ target: 'a', mode: 'monitor' });
    await expect(h.phone.startMonitor({ target: 'b', mode: 'monitor' })).rejects.toThrow(/already running/);
    await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51008), [['Answer-Mode', 'Auto']]);
    expect((await first).target).toBe('a');
  });

  it('rejects a plain INVITE: this phone does not ring', async () => {
    const { h, contact } = await platform();
    const res = await h.uas.callUser(h.socket(), contact, fakeSdp('sendrecv', 51006));
    expect(res.status).toBe(603);
    expect(h.phone.status().monitor).toBeNull();
  });
});
