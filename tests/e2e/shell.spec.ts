import { expect, expectAccessible, saveScreenshot, test } from './fixtures';

test('the shell renders with the supervisor’s name and every view is reachable', async ({ app }) => {
  await expect(app.getByRole('navigation', { name: 'Views' })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Demo contact center: online' })).toBeVisible();
  // The token leaves the address bar once the page has it.
  expect(new URL(app.url()).search).toBe('');
  await saveScreenshot(app, 'shell');
  await expectAccessible(app, 'shell');
});

test('a command round-trips: changing my status reaches main and comes back', async ({ app }) => {
  const status = app.getByRole('combobox', { name: 'My status' });
  await expect(status).toHaveValue('Available');
  await status.selectOption('Away');
  // The value shown comes from main's event, not from the select itself.
  await app.reload();
  await expect(app.getByRole('combobox', { name: 'My status' })).toHaveValue('Away');
  await app.getByRole('combobox', { name: 'My status' }).selectOption('Available');
  await expect(app.getByRole('combobox', { name: 'My status' })).toHaveValue('Available');
});

test('settings show values and are reachable by keyboard', async ({ app }) => {
  await app.keyboard.press('Alt+6');
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(app.getByText('no policy in force')).toBeVisible();
  await saveScreenshot(app, 'settings');
  await expectAccessible(app, 'settings');
});

test('the keyboard help lists the shortcuts', async ({ app }) => {
  await app.keyboard.press('?');
  const dialog = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Show Settings')).toBeVisible();
  await expectAccessible(app, 'help');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
