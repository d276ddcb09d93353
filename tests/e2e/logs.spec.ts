import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHostProcess } from './webHost';

/**
 * Logs on disk (issue 14 item 4) in the web host: Settings › About shows the
 * log folder (its user-data folder; no file manager to open from a browser),
 * an error thrown in the page reaches the log file through the contract, and
 * the log level is a setting.
 */
test('Settings › About shows the log folder, and a page error lands in the log file there', async ({ page }) => {
  const host = await startWebHostProcess();
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('supervisor-name')).toBeVisible();
    await page.keyboard.press('Alt+6');
    const about = page.getByRole('region', { name: 'About' });
    const folder = path.join(host.userDataDir, 'logs');
    await expect(about.getByTestId('log-folder')).toHaveText(folder);
    await expect(about.getByText(/web host/)).toBeVisible();
    // A browser cannot open a folder: the path is shown, no button that would do nothing.
    await expect(about.getByRole('button', { name: 'Open log folder' })).toHaveCount(0);

    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e-renderer-boom');
      });
    });
    const logFile = path.join(folder, 'spyglass.log');
    await expect.poll(() => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''), { timeout: 10_000 }).toMatch(
      /^\S+ \[spyglass\] error Renderer error \(UI window, error\): Error: e2e-renderer-boom .*\| stack: Error: e2e-renderer-boom/m,
    );

    await page.getByLabel('Log level').selectOption('error');
    const settingsFile = path.join(host.userDataDir, 'settings.json');
    await expect.poll(() => (fs.existsSync(settingsFile) ? (JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as unknown) : {})).toMatchObject({ 'log.level': 'error' });
  } finally {
    await host.stop();
  }
});
