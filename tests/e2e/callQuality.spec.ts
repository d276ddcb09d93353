import { expect, expectAccessible, monitorAlexKim, saveScreenshot, test } from './fixtures';

/**
 * Call quality you can see (issue 17 item 4), through the web host on the demo:
 * the demo PBX's audio crosses real RTCPeerConnections in Chromium, so the
 * numbers are Chromium's getStats, turned into an MOS by main every 4 s.
 */
test('the toolbar shows the monitor leg’s call quality with its numbers, and the timeline records it for the period', async ({ app }) => {
  const toolbar = await monitorAlexKim(app);
  const indicator = toolbar.getByTestId('call-quality');
  // Nothing is claimed before the first measured window; then a word and the MOS.
  await expect(indicator).toBeVisible({ timeout: 20_000 });
  await expect(indicator).toContainText(/^Call quality: (Good|Fair|Poor) \(MOS [1-4]\.\d\)/);
  // The rating is the browser's own reading: on a loaded build machine its playout may conceal a few per cent
  // (that is audible, so it counts), but two peers on one loopback lose no packets on the way.
  expect(['good', 'fair', 'poor']).toContain(await indicator.getAttribute('data-rating'));

  // The numbers open on keyboard focus (as on hover), and describe the indicator for screen readers.
  const details = toolbar.getByTestId('call-quality-details');
  await expect(details).toBeHidden();
  await indicator.focus();
  await expect(details).toBeVisible();
  await expect(details).toHaveText(
    /^MOS [1-4]\.\d of 4\.5 \(E-model estimate\) · 0\.0 % packets lost · jitter \d+ ms · (round trip \d+ ms|round trip not measured) · \d+\.\d % of the audio concealed · over the last \d s$/,
  );
  await expect(indicator).toHaveAccessibleDescription(/MOS [1-4]\.\d of 4\.5/);
  await saveScreenshot(app, 'call-quality-toolbar');
  await expectAccessible(app, 'toolbar with call quality');
  // Escape closes it (it would cover the toolbar's first row).
  await app.keyboard.press('Escape');
  await expect(details).toBeHidden();

  // The leg ends: the call's timeline says how the audio was for that period.
  await toolbar.getByTitle("Open the call's details").click();
  await expect(app.getByRole('heading', { name: 'Call with Jennifer Morales' })).toBeVisible();
  await toolbar.getByRole('button', { name: 'End my monitoring session' }).click();
  await app.getByRole('tab', { name: 'Timeline' }).click();
  const events = app.getByRole('region', { name: 'Events' });
  await expect(events).toContainText(/Call quality while Morgan Lee listened: (good|fair at times|poor at times) \(MOS [1-4]\.\d average, [1-4]\.\d lowest over \d+ measurements?; up to \d+\.\d % packets lost, jitter up to \d+ ms/);
  await expectAccessible(app, 'timeline with call quality');
});
