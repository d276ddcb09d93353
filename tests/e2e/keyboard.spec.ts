import { expect, test } from './fixtures';

/**
 * Issue 13 found 10: search is a key away (Ctrl+F or /), a chat's actions are reachable by keys,
 * and the keyboard help lists every shortcut, including the keys of menus, tabs and dialogs.
 */

test('Ctrl+F and / go to search from any view; / typed in a search box stays a character', async ({ app }) => {
  await app.keyboard.press('Alt+2');
  await expect(app.getByRole('heading', { name: 'Queue activity' })).toBeVisible();
  await app.keyboard.press('Control+f');
  const search = app.getByRole('searchbox', { name: 'Search' });
  await expect(search).toBeFocused();
  await app.keyboard.type('Alex K');
  await expect(app.getByRole('button', { name: 'Monitor Alex Kim' })).toBeVisible();
  await app.keyboard.type('/');
  await expect(search).toHaveValue('Alex K/');

  // On Chats the same keys filter the chats.
  await app.keyboard.press('Alt+3');
  await app.locator('#content').focus();
  await app.keyboard.press('/');
  await expect(app.getByRole('searchbox', { name: 'Filter' })).toBeFocused();
});

test("a chat's Actions menu opens from the keyboard: Alt+A on the open conversation, arrows move, Escape closes", async ({ app }) => {
  await app.keyboard.press('Alt+3');
  const row = app.getByTestId('chat-row-chat-assistance');
  await row.getByRole('rowheader').getByRole('button').click();
  await expect(app.getByRole('button', { name: 'Close conversation' })).toBeVisible();
  await app.locator('#content').focus();
  await app.keyboard.press('Alt+A');
  const menu = app.getByRole('menu');
  await expect(menu).toBeVisible();
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(row.getByRole('button', { name: /^Actions for/ })).toBeFocused();
});

test('the keyboard help lists the search and chat action shortcuts and the keys of menus, tabs and dialogs', async ({ app }) => {
  await app.keyboard.press('Alt+3');
  await app.locator('#content').focus();
  await app.keyboard.press('?');
  const dialog = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const keys of ['Ctrl+F', '/', 'Alt+A', 'Alt+L', 'Escape']) {
    await expect(dialog.locator('kbd', { hasText: new RegExp(`^${keys.replace(/[+/]/g, '\\$&')}$`) }).first()).toBeVisible();
  }
  await expect(dialog).toContainText('Open the Actions menu');
  await expect(dialog).toContainText('Search agents');
});
