import { expect, meterPeak, monitorAlexKim, test } from './fixtures';

/**
 * The demo's voice goes through the real softphone: JsSIP in main dials the
 * demo PBX over an in-process SIP transport, the RemotePeerConnection drives
 * this page's RTCPeerConnection, the demo far end plays the conversation and
 * meters what it receives from the supervisor (Chromium's fake microphone).
 */

test('monitor through the softphone: you hear the call; only coach and barge let anyone hear you', async ({ app }) => {
  await expect(app.getByText(/Phone: ready/)).toBeVisible({ timeout: 30_000 });
  const toolbar = await monitorAlexKim(app);
  await expect(app.getByText('Dialing…')).toHaveCount(0);

  // The conversation's audio reaches the supervisor.
  await expect.poll(() => meterPeak(app, 'output'), { timeout: 20_000 }).toBeGreaterThan(0.01);
  // Silent monitoring: nobody hears the supervisor, and the microphone track is not live.
  expect(await meterPeak(app, 'input')).toBeLessThan(0.005);
  expect(await meterPeak(app, 'agentHearsSupervisor')).toBeLessThan(0.005);
  expect(await meterPeak(app, 'customerHearsSupervisor')).toBeLessThan(0.005);

  // Coach: the agent hears the supervisor, the customer does not.
  await app.keyboard.press('Alt+C');
  await expect(app.getByTestId('hot-mic')).toContainText('Alex Kim can hear you');
  await expect.poll(() => meterPeak(app, 'agentHearsSupervisor'), { timeout: 15_000 }).toBeGreaterThan(0.005);
  expect(await meterPeak(app, 'customerHearsSupervisor')).toBeLessThan(0.005);

  // Barge (the mic toggle): both hear the supervisor.
  await app.keyboard.press('Alt+B');
  await expect.poll(() => meterPeak(app, 'customerHearsSupervisor'), { timeout: 15_000 }).toBeGreaterThan(0.005);
  expect(await meterPeak(app, 'agentHearsSupervisor')).toBeGreaterThan(0.005);

  // Back to silent: neither.
  await app.keyboard.press('Alt+B');
  await expect(app.getByTestId('hot-mic')).toHaveCount(0);
  await expect.poll(() => meterPeak(app, 'agentHearsSupervisor'), { timeout: 15_000 }).toBeLessThan(0.005);
  expect(await meterPeak(app, 'customerHearsSupervisor')).toBeLessThan(0.005);

  // The handset ends the supervisor's leg; the phone stays registered for the next one.
  await app.keyboard.press('Alt+H');
  await expect(toolbar).toHaveCount(0);
  await expect(app.getByText(/Phone: ready/)).toBeVisible();
});

test('a reload during a monitor keeps audio flowing: the same leg moves to the new page, coach and its microphone come back', async ({ app }) => {
  // Issue 13 found 2: a reload of the only tab ended the leg ("audio lost"). The dialog lives in
  // main; the reloaded page gets a new peer under the same leg, re-INVITEd to the demo PBX.
  await expect(app.getByText(/Phone: ready/)).toBeVisible({ timeout: 30_000 });
  const toolbar = await monitorAlexKim(app);
  await expect(app.getByText('Dialing…')).toHaveCount(0);
  await app.keyboard.press('Alt+C');
  await expect(app.getByTestId('hot-mic')).toContainText('Alex Kim can hear you');
  await expect.poll(() => meterPeak(app, 'agentHearsSupervisor'), { timeout: 15_000 }).toBeGreaterThan(0.005);

  await app.reload();
  await expect(app.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
  // The toolbar says coaching again only once audio flows in this page (until then: reconnecting).
  await expect(toolbar).toContainText('Coaching Alex Kim', { timeout: 20_000 });
  // The conversation is heard in the new page, measured on its own meters.
  await expect.poll(() => meterPeak(app, 'output'), { timeout: 20_000 }).toBeGreaterThan(0.01);
  // Coach is back as the PBX has it: the agent hears the supervisor again, the customer does not.
  await expect(app.getByTestId('hot-mic')).toContainText('Alex Kim can hear you');
  await expect.poll(() => meterPeak(app, 'agentHearsSupervisor'), { timeout: 15_000 }).toBeGreaterThan(0.005);
  expect(await meterPeak(app, 'customerHearsSupervisor')).toBeLessThan(0.005);
  await expect(app.getByText(/Monitoring ended|audio for this monitor was lost/)).toHaveCount(0);

  // The leg works as before: back to silent monitoring, then the handset.
  await app.keyboard.press('Alt+C');
  await expect(toolbar).toContainText('Monitoring Alex Kim');
  await expect(app.getByTestId('hot-mic')).toHaveCount(0);
  await expect.poll(() => meterPeak(app, 'agentHearsSupervisor'), { timeout: 15_000 }).toBeLessThan(0.005);
  expect(await meterPeak(app, 'output')).toBeGreaterThan(0.01);
  await app.keyboard.press('Alt+H');
  await expect(toolbar).toHaveCount(0);
  await expect(app.getByText(/Phone: ready/)).toBeVisible();
});
