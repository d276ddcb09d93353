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

test('in a browser tab, a reload ends the monitor leg cleanly (no live mic, a clear notice); Electron keeps it in a hidden media window', async ({ app }) => {
  await expect(app.getByText(/Phone: ready/)).toBeVisible({ timeout: 30_000 });
  await monitorAlexKim(app);
  // Modes switch once the leg is connected (the dialing dots are gone).
  await expect(app.getByText('Dialing…')).toHaveCount(0);
  await app.keyboard.press('Alt+C');
  await expect(app.getByTestId('hot-mic')).toBeVisible();

  await app.reload();
  await expect(app.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
  await expect(app.getByRole('region', { name: 'Monitoring toolbar' })).toHaveCount(0);
  await expect(app.getByTestId('hot-mic')).toHaveCount(0);
  await expect(app.getByText(/Monitoring ended/).first()).toBeVisible();
  // The call itself goes on for the agent and the customer.
  await app.keyboard.press('Alt+1');
  await app.getByRole('searchbox', { name: 'Search' }).fill('Alex Kim');
  await expect(app.getByRole('row').filter({ hasText: 'Alex Kim' })).toContainText('Call with Jennifer Morales (connected)');
});
