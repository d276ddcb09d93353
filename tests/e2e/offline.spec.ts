import { expect, expectAccessible, saveScreenshot, test } from './fixtures';

test('offline review: go offline, search the cache, open a cached transcript, add a note', async ({ app, host }) => {
  // Something the supervisor saw: a customer message in a live chat (a card number in it).
  await host.control('customerSays', 'chat-assistance', 'I was charged twice for the warranty upgrade, card 4111 1111 1111 1111');
  await app.keyboard.press('Alt+4');
  await expect(app.getByRole('heading', { name: 'Transcripts' })).toBeVisible();

  await app.getByRole('button', { name: 'Work offline' }).click();
  const banner = app.getByRole('status').filter({ hasText: 'Offline review.' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('cached data only');
  // Live lists are empty while offline: nothing shown is pretending to be live.
  await expect(app.getByRole('status').filter({ hasText: 'Demo contact center: offline' })).toBeVisible();
  // Nothing on the status line claims a connection while the contact center is offline.
  await expect(app.locator('footer.status-bar')).not.toContainText('Connected');

  await app.getByRole('searchbox', { name: 'Search' }).fill('charged twice');
  await app.getByRole('button', { name: 'Search', exact: true }).click();
  const results = app.getByRole('list', { name: 'Cached interactions' });
  await expect(results.locator('mark').first()).toHaveText(/charged|twice/i);
  await saveScreenshot(app, 'transcripts-search');
  await expectAccessible(app, 'transcripts-search');

  await results.getByRole('button', { name: /Priya Shah/ }).first().click();
  const detail = app.getByRole('article');
  await expect(detail.getByText('I was charged twice for the warranty upgrade')).toBeVisible();
  // In words, not codes: the channel's name, no internal/external badges.
  await expect(detail.getByRole('heading', { level: 2 })).toContainText('Web messaging · Sarah Whitfield');
  await expect(detail).not.toContainText('webMessaging');
  // The card number was redacted before it was written.
  await expect(detail.getByText(/\[REDACTED CARD\]/)).toBeVisible();
  await expect(detail.getByText('4111 1111 1111 1111')).toHaveCount(0);

  await detail.getByLabel('Add a note').fill('Refund approved by billing lead; follow up Monday.');
  await detail.getByRole('button', { name: 'Save note' }).click();
  await expect(detail.getByText('Refund approved by billing lead; follow up Monday.')).toBeVisible();
  await saveScreenshot(app, 'transcripts-detail');
  await expectAccessible(app, 'transcripts-detail');

  // The note survives a reload (it is in the cache, not in the page).
  await app.reload();
  // Still offline after a reload: Spyglass opens straight on the cached transcripts.
  await expect(app.getByRole('heading', { name: 'Transcripts' })).toBeVisible();
  await app.getByRole('searchbox', { name: 'Search' }).fill('warranty');
  await app.getByRole('button', { name: 'Search', exact: true }).click();
  await app.getByRole('list', { name: 'Cached interactions' }).getByRole('button', { name: /Priya Shah/ }).first().click();
  await expect(app.getByRole('article').getByText('Refund approved by billing lead; follow up Monday.')).toBeVisible();

  await app.getByRole('button', { name: 'Go online' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Demo contact center: online' })).toBeVisible();
});
