// Refreshes the README screenshots, dark and light (issue 13: themes): the
// Agents view's call details while coaching Alex Kim on the demo, then the
// Alerts panel. Needs a
// build (`npm run build`) and Debian's chromium; run: node scripts/readme-screenshots.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const host = spawn(process.execPath, ['--import', 'tsx', 'main/web-host/cli.ts', '--port', '0', '--user-data', mkdtempSync(join(tmpdir(), 'spyglass-shots-'))], {
  cwd: root,
  env: { ...process.env, SPYGLASS_POLICY_FILE: join(tmpdir(), 'spyglass-no-policy.json') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((ok, fail) => {
  let out = '';
  host.stdout.on('data', (d) => {
    out += d;
    const m = /Spyglass is running at (\S+)/.exec(out);
    if (m) ok(m[1]);
  });
  host.once('exit', (code) => fail(new Error(`web host exited (${code})`)));
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme: 'dark' });
  await page.goto(url);
  await page.getByText(/Phone: ready/).waitFor({ timeout: 30_000 });
  // The start-up notice is not part of the picture.
  for (const b of await page.locator('.notices button').all()) await b.click();
  await page.keyboard.press('Alt+1');
  await page.getByRole('searchbox', { name: 'Search' }).fill('Alex Kim');
  await page.getByRole('button', { name: 'Monitor Alex Kim' }).click();
  await page.getByRole('button', { name: 'Monitor Alex Kim' }).last().click();
  await page.getByText('Dialing…').waitFor({ state: 'detached', timeout: 20_000 });
  await page.keyboard.press('Alt+C');
  await page.getByTestId('hot-mic').waitFor();
  await page.mouse.move(700, 600); // no hover highlight in the picture
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(root, 'docs/screenshot.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(root, 'docs/screenshot-light.png') });
  // The Alerts panel (issue 12): what the demo raised so far, dark theme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.keyboard.press('Alt+7');
  await page.getByRole('heading', { name: 'Alerts' }).first().waitFor();
  await page.mouse.move(700, 600);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(root, 'docs/alerts.png') });
  console.log('docs/screenshot.png (dark), docs/screenshot-light.png (light) and docs/alerts.png written');
} finally {
  await browser.close();
  host.kill('SIGTERM');
}
