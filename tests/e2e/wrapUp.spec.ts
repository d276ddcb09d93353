import { expect, expectAccessible, monitorAlexKim, test } from './fixtures';

/**
 * Issue 12 item 4: wrap-up instead of disappearance. The supervisor monitors
 * Alex Kim's call with its details open; the customer hangs up. The details
 * stay, marked ended, and open the cached copy (participants, periods, notes).
 */
test('a monitored call ends: its details stay, marked ended, and open its cached copy', async ({ app, host }) => {
  const toolbar = await monitorAlexKim(app);
  await expect(app.getByRole('heading', { name: 'Call with Jennifer Morales' })).toBeVisible();
  // The leg is up before the customer hangs up (an end while the leg is still dialing is another case).
  await expect(app.getByTestId('toolbar-connecting')).toHaveCount(0);
  await host.control('endInteraction', 'call-alex-kim');
  // The monitoring toolbar stays too, marked ended (endedToolbar.spec.ts).
  await expect(toolbar).toContainText('Monitoring Alex Kim ended');
  // Still the same call's view, now saying it ended.
  await expect(app.getByRole('heading', { name: 'Call with Jennifer Morales' })).toBeVisible();
  await expect(app.getByTestId('interaction-ended')).toContainText('This interaction has ended');
  await expectAccessible(app, 'ended call');
  await app.getByRole('button', { name: 'Open the cached copy' }).click();
  const cached = app.locator('article.cached-detail');
  await expect(cached.getByRole('heading', { level: 2 })).toContainText('Jennifer Morales');
  await expect(cached).toContainText('monitored by you');
  await expect(cached.getByRole('region', { name: 'Participants' })).toContainText('Alex Kim');
  // My monitor period is in the cached copy, and a note saves under the cached conversation.
  await expect(cached.getByRole('region', { name: 'Timeline' })).toContainText('Morgan Lee started monitoring Alex Kim');
  await cached.getByRole('textbox', { name: 'Add a note' }).fill('Customer hung up mid-sentence; call back about the refund.');
  await cached.getByRole('button', { name: 'Save note' }).click();
  await expect(cached.getByRole('region', { name: 'Notes' })).toContainText('call back about the refund');
  // Nothing closed under the supervisor: only Back leaves the view.
  await expect(app.getByRole('heading', { name: 'Call with Jennifer Morales' })).toBeVisible();
});
