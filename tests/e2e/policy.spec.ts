import { test as base, expect } from '@playwright/test';
import { expectAccessible } from './fixtures';
import { startWebHostProcess } from './webHost';

const test = base;

test('IT policy values override settings and show as locked', async ({ page }) => {
  const host = await startWebHostProcess([], {}, { 'cache.retentionDays': 14, 'phone.profile': 'asterisk-chanspy' });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
    await page.keyboard.press('Alt+6');
    const retention = page.getByLabel(/Keep cached interactions/);
    await expect(retention).toHaveValue('14');
    await expect(retention).toBeDisabled();
    await expect(page.getByText('Locked by IT policy')).toHaveCount(2);
    await expect(page.getByText('2 setting(s) locked by IT.')).toBeVisible();
    // A setting IT did not lock can still be changed.
    await expect(page.getByLabel('Monitor feature code')).toBeEnabled();
    await expectAccessible(page, 'settings-policy');
  } finally {
    await host.stop();
  }
});

test('an invalid policy file is reported clearly and nothing of it is applied', async ({ page }) => {
  const host = await startWebHostProcess([], {}, { 'cache.retentionDays': 14, startOffline: 'sometimes' });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
    await expect(page.getByText('IT policy not applied (invalid file) — see Settings')).toBeVisible();
    await page.keyboard.press('Alt+6');
    await expect(page.getByRole('main').getByRole('alert').filter({ hasText: 'startOffline' })).toContainText('No policy was applied');
    // Not half-applied: the valid key in the same file did not take effect either.
    await expect(page.getByLabel(/Keep cached interactions/)).toHaveValue('30');
    await expect(page.getByLabel(/Keep cached interactions/)).toBeEnabled();
    expect(host.output()).toContain('is invalid');
  } finally {
    await host.stop();
  }
});

test('an old policy that still sets updates.enabled is applied, with a warning and no updates control', async ({ page }) => {
  const host = await startWebHostProcess([], {}, { 'cache.retentionDays': 14, 'updates.enabled': true });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
    await page.keyboard.press('Alt+6');
    await expect(page.getByLabel(/Keep cached interactions/)).toHaveValue('14');
    await expect(page.getByLabel(/Keep cached interactions/)).toBeDisabled();
    await expect(page.getByText('IT policy not applied (invalid file) — see Settings')).toHaveCount(0);
    // No control that does nothing: Spyglass has no updater.
    await expect(page.getByText(/Automatic updates/)).toHaveCount(0);
    expect(host.output()).toContain('“updates.enabled”, which Spyglass no longer has');
  } finally {
    await host.stop();
  }
});
