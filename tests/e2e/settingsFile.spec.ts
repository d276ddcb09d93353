import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect } from '@playwright/test';
import { startWebHostProcess } from './webHost';

// Issue 11 item 4, as a user meets it: one bad value in their settings file.
test('a settings file with one bad value keeps the others, says which one, and is left alone until a save', async ({ page }) => {
  const text = JSON.stringify({ 'cache.retentionDays': 'forever', 'phone.featureCode': '*77' });
  const host = await startWebHostProcess([], {}, undefined, text);
  const file = path.join(host.userDataDir, 'settings.json');
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
    await expect(page.getByTestId('status-settings-problem')).toHaveText('Some of your settings were not applied — see Settings');
    await page.keyboard.press('Alt+6');
    const banner = page.getByTestId('settings-problem');
    await expect(banner).toContainText('“cache.retentionDays”');
    await expect(banner).toContainText('Every other setting in it applies');
    // The valid value applies; the bad one falls back to the default.
    await expect(page.getByLabel('Monitor feature code')).toHaveValue('*77');
    await expect(page.getByLabel(/Keep cached interactions/)).toHaveValue('30');
    expect(host.output()).toContain('cache.retentionDays');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);

    // Setting the bad one replaces it; the report goes away and the other value is still there.
    const retention = page.getByLabel(/Keep cached interactions/);
    await retention.fill('45');
    await retention.blur();
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId('status-settings-problem')).toHaveCount(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ 'cache.retentionDays': 45, 'phone.featureCode': '*77' });
  } finally {
    await host.stop();
  }
});
