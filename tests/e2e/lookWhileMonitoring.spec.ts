import { expect, monitorAlexKim, test } from './fixtures';

/**
 * Issue 12 item 5: monitoring does not block looking. While the supervisor
 * monitors Alex Kim's call, Sofia Rossi's call (call-coached, Aaliyah Brooks)
 * opens from the Agents list and from Queue activity; its actions stay refused
 * with main's reason, and the toolbar stays on the first call.
 */
test('while monitoring one call, another call opens from Agents and Queue activity; its Monitor is refused with the reason', async ({ app }) => {
  const toolbar = await monitorAlexKim(app);
  const busy = 'You are already monitoring another call';

  await app.keyboard.press('Alt+1');
  await app.getByRole('searchbox', { name: 'Search' }).fill('Sofia Rossi');
  const binocular = app.getByRole('button', { name: 'Monitor Sofia Rossi' });
  await expect(binocular).toBeEnabled();
  // Looking is allowed; the tooltip still says monitoring is not.
  await expect(binocular).toHaveAttribute('title', new RegExp(busy));
  await binocular.click();
  await expect(app.getByRole('heading', { name: 'Call with Aaliyah Brooks' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Who is monitoring' })).toContainText('Dana Reyes — coaching Sofia Rossi');
  const monitor = app.getByRole('button', { name: 'Monitor Sofia Rossi' });
  await expect(monitor).toBeDisabled();
  await expect(monitor).toHaveAttribute('title', busy);
  await expect(app.getByRole('list', { name: /Why some actions for Sofia Rossi/ })).toContainText(busy);
  // Clicking the refused button starts nothing: the toolbar is still on the first call.
  await monitor.click({ force: true });
  await expect(toolbar).toContainText('Monitoring Alex Kim');

  // Queue activity: the same call opens from its Interacting row.
  await app.keyboard.press('Alt+2');
  const row = app.getByRole('table', { name: 'In-progress interactions' }).getByRole('row').filter({ hasText: 'Aaliyah Brooks' });
  const open = row.getByRole('button', { name: /^Monitor Call with Aaliyah Brooks/ });
  await expect(open).toBeEnabled();
  await open.click();
  await expect(app.getByRole('heading', { name: 'Call with Aaliyah Brooks' })).toBeVisible();
  await expect(toolbar).toContainText('Monitoring Alex Kim');
  // The toolbar's title still takes the supervisor back to the monitored call.
  await toolbar.getByRole('button', { name: 'Monitoring Alex Kim' }).click();
  await expect(app.getByRole('heading', { name: 'Call with Jennifer Morales' })).toBeVisible();
});
