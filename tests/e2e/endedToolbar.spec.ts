import type { Page } from '@playwright/test';
import { expect, expectAccessible, monitorAlexKim, test } from './fixtures';

/**
 * Issue 12 item 4 (toolbar part): the monitoring toolbar vanished when the
 * monitored call ended. It stays docked, marked ended, with how long the
 * period lasted and what happened, a way to the cached copy and a close
 * button, until the supervisor closes it or starts another monitor.
 */

async function endAlexKimsCallWhileMonitoring(page: Page, control: (name: string, ...args: unknown[]) => Promise<unknown>) {
  const toolbar = await monitorAlexKim(page);
  await expect(page.getByTestId('toolbar-connecting')).toHaveCount(0);
  // Away from the call's details: the toolbar is the only thing left that knows the call.
  await page.keyboard.press('Alt+1');
  await control('endInteraction', 'call-alex-kim');
  return toolbar;
}

test('the monitored call ends: the toolbar stays docked, marked ended, says how long and what happened, opens the cached copy, closes on request', async ({ app, host }) => {
  const toolbar = await endAlexKimsCallWhileMonitoring(app, host.control);
  await expect(toolbar).toContainText('Monitoring Alex Kim ended');
  await expect(toolbar).toContainText('Call ended by the customer');
  await expect(toolbar.getByText(/^Lasted \d+:\d\d$/)).toBeVisible();
  await expect(app.getByTestId('hot-mic')).toHaveCount(0);
  // Docked in the toolbar's own row, not over the content.
  await expect(app.locator('.monitoring-toolbar-slot').getByRole('region', { name: 'Monitoring toolbar' })).toBeVisible();
  await expectAccessible(app, 'ended monitoring toolbar');

  // The cached copy, from the toolbar: the same wrap-up the details view offers.
  await toolbar.getByRole('button', { name: 'Open the cached copy' }).click();
  await expect(app.getByTestId('interaction-ended')).toContainText('This interaction has ended');
  const cached = app.locator('article.cached-detail');
  await expect(cached.getByRole('heading', { level: 2 })).toContainText('Jennifer Morales');
  await expect(cached.getByRole('region', { name: 'Timeline' })).toContainText('Morgan Lee started monitoring Alex Kim');

  // Still there on another view, until the supervisor closes it.
  await app.keyboard.press('Alt+2');
  await expect(toolbar).toContainText('Monitoring Alex Kim ended');
  await toolbar.getByRole('button', { name: 'Close the ended monitoring toolbar' }).click();
  await expect(toolbar).toHaveCount(0);
});

test('starting another monitor replaces the ended toolbar', async ({ app, host }) => {
  const toolbar = await endAlexKimsCallWhileMonitoring(app, host.control);
  await expect(toolbar).toContainText('Monitoring Alex Kim ended');
  await app.getByRole('searchbox', { name: 'Search' }).fill('Sofia Rossi');
  await app.getByRole('button', { name: 'Monitor Sofia Rossi' }).click();
  await app.getByRole('button', { name: 'Monitor Sofia Rossi' }).last().click();
  await expect(toolbar).toContainText('Monitoring Sofia Rossi');
  await expect(toolbar).not.toContainText('ended');
  await expect(toolbar).toHaveCount(1);
});
