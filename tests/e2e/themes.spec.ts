import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/**
 * Issue 13 found 9: light and dark follow the OS unless Settings › Theme picks one, and
 * high contrast honours forced colours; axe passes on the main screens in all three.
 */

/** Relative luminance of the page background (0 black … 1 white). */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r = 0, g = 0, b = 0] = (getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}

async function axeOnMainScreens(app: Page, theme: string): Promise<void> {
  await app.keyboard.press('Alt+1');
  await expect(app.getByRole('heading', { name: 'Agents' })).toBeVisible();
  await expectAccessible(app, `${theme}: agents`);
  await app.keyboard.press('Alt+3');
  const row = app.getByTestId('chat-row-chat-assistance');
  await row.getByRole('rowheader').getByRole('button').click();
  await expect(app.getByTestId('conversation-details')).toBeVisible();
  await expectAccessible(app, `${theme}: chats with a conversation`);
  await row.getByRole('button', { name: /^Actions for/ }).click();
  await expect(app.getByRole('menu')).toBeVisible();
  await expectAccessible(app, `${theme}: actions menu`);
  await app.keyboard.press('Escape');
  await app.keyboard.press('Alt+5');
  await expect(app.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expectAccessible(app, `${theme}: audit`);
  await app.keyboard.press('Alt+6');
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(app, `${theme}: settings`);
}

test('light and dark follow the operating system, and axe passes in both', async ({ app }) => {
  test.setTimeout(150_000);
  await app.emulateMedia({ colorScheme: 'light' });
  expect(await backgroundLuminance(app)).toBeGreaterThan(0.8);
  await axeOnMainScreens(app, 'light');
  await app.emulateMedia({ colorScheme: 'dark' });
  expect(await backgroundLuminance(app)).toBeLessThan(0.05);
  await axeOnMainScreens(app, 'dark');
});

test('Settings › Theme overrides the operating system, and "system" gives the choice back', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'light' });
  await app.keyboard.press('Alt+6');
  const theme = app.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await theme.selectOption('dark');
  await expect.poll(() => backgroundLuminance(app)).toBeLessThan(0.05);
  await app.emulateMedia({ colorScheme: 'dark' });
  await theme.selectOption('light');
  await expect.poll(() => backgroundLuminance(app)).toBeGreaterThan(0.8);
  // The choice is a setting: it is still there after a reload.
  await app.reload();
  await expect(app.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
  await expect.poll(() => backgroundLuminance(app)).toBeGreaterThan(0.8);
  await app.keyboard.press('Alt+6');
  await app.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect.poll(() => backgroundLuminance(app)).toBeLessThan(0.05);
});

test('high contrast: with forced colours axe passes on the main screens', async ({ app }) => {
  test.setTimeout(120_000);
  await app.emulateMedia({ forcedColors: 'active' });
  expect(await app.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  await axeOnMainScreens(app, 'forced colours');
});
