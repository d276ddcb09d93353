import { expect, meterPeak, monitorAlexKim, test } from './fixtures';

/**
 * Issue 13 found 2 (second tab): a second tab of the web host announced itself as the media
 * host, and main ended the live monitor of the first ("audio lost"). One tab hosts the media;
 * the second shows the same monitor and the first keeps hearing the call.
 */

test('opening a second tab while monitoring keeps the monitor and its audio in the first', async ({ app, host }) => {
  await expect(app.getByText(/Phone: ready/)).toBeVisible({ timeout: 30_000 });
  const toolbar = await monitorAlexKim(app);
  await expect(app.getByText('Dialing…')).toHaveCount(0);
  await expect.poll(() => meterPeak(app, 'output'), { timeout: 20_000 }).toBeGreaterThan(0.01);

  const second = await app.context().newPage();
  await second.goto(host.url);
  await expect(second.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
  // The second tab shows the same monitor, from main.
  await expect(second.getByRole('region', { name: 'Monitoring toolbar' })).toContainText('Monitoring Alex Kim');
  // Three seconds on, the first tab still monitors and hears the call (the old code ended the
  // leg as soon as the second tab said it hosted media: "audio lost" in both).
  expect(await meterPeak(app, 'output', 3000)).toBeGreaterThan(0.01);
  await expect(toolbar).toContainText('Monitoring Alex Kim');
  await expect(second.getByRole('region', { name: 'Monitoring toolbar' })).toContainText('Monitoring Alex Kim');
  await expect(app.getByText(/Monitoring ended/)).toHaveCount(0);
  await second.close();
});
