/**
 * Demo mode, audio for real: JsSIP in Node -> RemotePeerConnection -> the
 * renderer media module in headless Chromium (fake microphone) -> loopback
 * ICE/DTLS/SRTP -> the demo PBX's far end, which plays the generated agent and
 * customer voices and measures what it receives from the supervisor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPbx } from '../../main/phone/demoPbx/demoPbx';
import { JsSipSoftphone } from '../../main/phone/softphone';
import { startChromiumMediaHost, type ChromiumMediaHost } from './support/chromiumMediaHost';
import { labUnavailableReason } from './support/processes';

const skip = labUnavailableReason(['chromium'], 'demo audio lab');
if (skip) console.warn(skip);

const until = async (cond: () => Promise<boolean> | boolean, what: string, ms = 10000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!!skip)('demo PBX audio through the real media bridge (Chromium)', () => {
  let media: ChromiumMediaHost;
  let phone: JsSipSoftphone;
  let pbx: DemoPbx;

  beforeAll(async () => {
    media = await startChromiumMediaHost();
    pbx = new DemoPbx({ mediaHost: media.host });
    phone = new JsSipSoftphone({ mediaHost: media.host, createSocket: pbx.createSocket });
    expect((await phone.register(pbx.account())).registration).toBe('registered');
  });
  afterAll(async () => {
    await phone?.unregister();
    await media?.close();
  });

  it('the supervisor hears the conversation; who hears the supervisor follows the mode; the mic is silent in monitor', async () => {
    const m = await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(m.state).toBe('active');
    const pcId = (phone.activeMonitor!.peer as unknown as { id: string }).id;
    await until(async () => (await media.inboundPackets(pcId)) > 10, 'RTP from the demo PBX');

    const monitor = await media.peakLevels(1500);
    expect(monitor.output).toBeGreaterThan(0.05); // the demo voices reach the supervisor's speaker path
    expect(monitor.supervisorAtPbx ?? 0).toBeLessThan(0.01); // the disabled mic sends silence
    expect(monitor.agentHearsSupervisor ?? 0).toBe(0);
    expect(monitor.customerHearsSupervisor ?? 0).toBe(0);
    expect(await media.micLive()).toBe(false);

    await phone.setMode('coach');
    const coach = await media.peakLevels(1500);
    expect(coach.supervisorAtPbx).toBeGreaterThan(0.05); // fake-mic beeps now arrive
    expect(coach.agentHearsSupervisor).toBeGreaterThan(0.05);
    expect(coach.customerHearsSupervisor ?? 0).toBe(0);

    await phone.setMode('barge');
    const barge = await media.peakLevels(1500);
    expect(barge.agentHearsSupervisor).toBeGreaterThan(0.05);
    expect(barge.customerHearsSupervisor).toBeGreaterThan(0.05);

    await phone.setMode('monitor');
    await until(async () => !(await media.micLive()), 'mic off in the renderer');
    await new Promise((r) => setTimeout(r, 1000)); // let jitter buffers and the analyser drain
    const back = await media.peakLevels(1500);
    expect(back.supervisorAtPbx ?? 0).toBeLessThan(0.01);
    expect(back.agentHearsSupervisor ?? 0).toBe(0);
    expect(back.customerHearsSupervisor ?? 0).toBe(0);
    expect(await media.micLive()).toBe(false);

    await phone.end();
    await until(() => pbx.activeLegs().length === 0, 'the demo PBX saw the BYE');
    expect(await media.micLive()).toBe(false);
  });
});
