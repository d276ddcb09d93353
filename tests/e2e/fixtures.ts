import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startWebHostProcess, type WebHostProcess } from './webHost';

/**
 * Each test gets its own web host (fresh demo, fresh user data and cache),
 * stopped by PID afterwards: no test sees another's monitor periods or notes.
 */
export const test = base.extend<{ app: Page; host: WebHostProcess; hostArgs: string[] }>({
  /** Extra web host arguments for a spec (`test.use({ hostArgs: ['--scenario', 'hostile'] })`). */
  hostArgs: [[], { option: true }],
  host: [
    async ({ hostArgs }, use) => {
      const host = await startWebHostProcess(hostArgs);
      await use(host);
      await host.stop();
    },
    { scope: 'test' },
  ],
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await expect(page.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Agents (Alt+1), search Alex Kim, Monitor from his row and its menu; returns the monitoring toolbar once it says so. */
export async function monitorAlexKim(page: Page): Promise<Locator> {
  await page.keyboard.press('Alt+1');
  await page.getByRole('searchbox', { name: 'Search' }).fill('Alex Kim');
  await page.getByRole('button', { name: 'Monitor Alex Kim' }).click();
  await page.getByRole('button', { name: 'Monitor Alex Kim' }).last().click();
  const toolbar = page.getByRole('region', { name: 'Monitoring toolbar' });
  await expect(toolbar).toContainText('Monitoring Alex Kim');
  return toolbar;
}

/** A demo audio meter's current value (0 while it is not shown). */
export const meterLevel = (page: Page, name: string) =>
  page.locator(`meter[data-meter="${name}"]`).evaluate((m) => Number((m as HTMLMeterElement).value));

/** The loudest a meter reads over `ms` (0 while it is not shown). */
export async function meterPeak(page: Page, name: string, ms = 1500): Promise<number> {
  let max = 0;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    max = Math.max(max, await meterLevel(page, name).catch(() => 0));
    await page.waitForTimeout(100);
  }
  return max;
}

/** axe on the current view: no serious or critical violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
