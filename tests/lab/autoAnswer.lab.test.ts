/**
 * SIP lab, auto-answer profile: the supervisor phone registers at a real
 * Kamailio over WebSocket; sipp plays the platform (from 127.0.0.2) and an
 * attacker (from 127.0.0.3), or a service on the server's own host
 * (127.0.0.1), each INVITE relayed by Kamailio to the phone. The phone's
 * configured server is 127.0.0.1. Only the INVITE carrying the fresh monitor
 * token is answered; sipp checks the outcome on the wire.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { autoAnswer } from '../../main/phone/pbxProfiles';
import { labPhone } from './support/labPhone';
import { writePlatformCall, type PlatformCallSpec } from './support/platformCallScenario';
import { labUnavailableReason, startKamailio, startSipp, type Kamailio } from './support/processes';

const skipReason = labUnavailableReason();
if (skipReason) console.warn(skipReason);

const PLATFORM_IP = '127.0.0.2';
const ATTACKER_IP = '127.0.0.3';
/** The configured server's host: being there (or saying so in a Via) earns no trust. */
const SERVER_HOST_IP = '127.0.0.1';
const TTL_MS = 10_000;

describe.skipIf(!!skipReason)('SIP lab: auto-answer trusts only the monitor token', () => {
  let kam: Kamailio;
  let clock = 1_800_000_000_000;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    kam = await startKamailio();
  });
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
  });
  afterAll(async () => {
    await kam?.stop();
  });

  async function registeredPhone() {
    const lp = labPhone(kam.wsUrl, { profile: autoAnswer({ monitorTokenTtlMs: TTL_MS }), now: () => clock });
    cleanups.push(() => lp.phone.unregister());
    expect((await lp.phone.register(lp.account)).registration).toBe('registered');
    return lp;
  }

  /** Run one INVITE through Kamailio from `fromIp`; resolves when sipp saw the expected outcome. */
  async function call(fromIp: string, headers: string[], expectation: PlatformCallSpec['expect']) {
    const sipp = await startSipp(writePlatformCall({ user: 'sup1', headers, expect: expectation }), kam, [], undefined, { localIp: fromIp, timeoutSec: 15 });
    cleanups.push(() => sipp.stop());
    return {
      passed: async () => {
        const code = await sipp.exit;
        if (code !== 0) throw new Error(`sipp (${fromIp}) did not see ${JSON.stringify(expectation)} (exit ${code}):\n${sipp.logs().slice(-4000)}`);
      },
    };
  }

  const peersCreated = (media: { calls: { method: string }[] }) => media.calls.filter((c) => c.method === 'create').length;

  it('answers the genuine platform INVITE relayed by Kamailio (bottom Via = the platform host) carrying the fresh token', async () => {
    const { phone, media } = await registeredPhone();
    const { monitorToken } = phone.prepareMonitor({ target: 'call-1', mode: 'monitor' });
    const pending = phone.startMonitor({ target: 'call-1', mode: 'monitor' });
    const platform = await call(PLATFORM_IP, [`X-Spyglass-Monitor: ${monitorToken}`, 'Answer-Mode: Auto'], { answered: true });
    expect(await pending).toMatchObject({ state: 'active', mode: 'monitor', micLive: false });
    expect(media.micLive()).toBe(false);
    await phone.end();
    await platform.passed();
  });

  it.each([
    ['a forged bottom Via naming the server', 'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKforged1'],
    ['a forged received= naming the server', 'Via: SIP/2.0/UDP 198.51.100.7:5060;received=127.0.0.1;branch=z9hG4bKforged2'],
  ])('declines (603) an attacker INVITE with Answer-Mode: Auto and %s while a request waits', async (_what, forged) => {
    const { phone, media } = await registeredPhone();
    phone.prepareMonitor({ target: 'call-2', mode: 'monitor' });
    const attacker = await call(ATTACKER_IP, [forged, 'Answer-Mode: Auto', 'Call-Info: <sip:127.0.0.1>;answer-after=0'], { answered: false, status: 603 });
    await attacker.passed();
    expect(phone.status().monitor).toBeNull();
    expect(peersCreated(media)).toBe(0);
  });

  it("declines (603) Answer-Mode: Auto without a token, even from the server's own host", async () => {
    const { phone, media } = await registeredPhone();
    const attacker = await call(SERVER_HOST_IP, ['Answer-Mode: Auto'], { answered: false, status: 603 });
    await attacker.passed();
    expect(phone.status().monitor).toBeNull();
    expect(peersCreated(media)).toBe(0);
  });

  it('declines (603) a replayed token after its leg ended', async () => {
    const { phone, media } = await registeredPhone();
    const { monitorToken } = phone.prepareMonitor({ target: 'call-3', mode: 'monitor' });
    const pending = phone.startMonitor({ target: 'call-3', mode: 'monitor' });
    const platform = await call(PLATFORM_IP, [`X-Spyglass-Monitor: ${monitorToken}`], { answered: true });
    await pending;
    await phone.end();
    await platform.passed();
    const replay = await call(ATTACKER_IP, [`X-Spyglass-Monitor: ${monitorToken}`, 'Answer-Mode: Auto'], { answered: false, status: 603 });
    await replay.passed();
    expect(phone.status().monitor).toMatchObject({ state: 'ended', endedBy: 'supervisor' });
    expect(peersCreated(media)).toBe(1);
  });

  it('declines (603) the platform INVITE when its token has expired', async () => {
    const { phone, media } = await registeredPhone();
    const { monitorToken } = phone.prepareMonitor({ target: 'call-4', mode: 'monitor' });
    clock += TTL_MS;
    const late = await call(SERVER_HOST_IP, [`X-Spyglass-Monitor: ${monitorToken}`, 'Answer-Mode: Auto'], { answered: false, status: 603 });
    await late.passed();
    expect(peersCreated(media)).toBe(0);
  });
});
