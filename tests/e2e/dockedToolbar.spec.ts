import type { Page } from '@playwright/test';
import { expect, monitorAlexKim, test } from './fixtures';

/**
 * Issue 13 found 4: the monitoring toolbar floated over the screen (fixed, bottom left) and hid
 * the last agent rows, chat rows and timeline events. It has its own docked row now: whatever a
 * view shows, scrolled to its end, is never under the toolbar.
 */

/**
 * The items matching `selector` whose *visible* part (clipped by every scrolling ancestor and
 * the window) overlaps the monitoring toolbar's box, named by their text.
 */
async function coveredByToolbar(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const toolbar = document.querySelector('[aria-label="Monitoring toolbar"]')?.getBoundingClientRect();
    if (!toolbar) return ['no toolbar on screen'];
    const covered: string[] = [];
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      let top = r.top, bottom = r.bottom, left = r.left, right = r.right;
      for (let a = el.parentElement; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
        const c = a.getBoundingClientRect();
        top = Math.max(top, c.top); bottom = Math.min(bottom, c.bottom);
        left = Math.max(left, c.left); right = Math.min(right, c.right);
      }
      top = Math.max(top, 0); bottom = Math.min(bottom, innerHeight);
      if (bottom <= top || right <= left) continue; // scrolled out of sight
      if (top < toolbar.bottom && bottom > toolbar.top && left < toolbar.right && right > toolbar.left) {
        covered.push((el.textContent ?? '').trim().slice(0, 60));
      }
    }
    return covered;
  }, selector);
}

/** Scrolls every scroller of the current view to its end (the list, then the view itself). */
async function scrollToEnd(page: Page, scroller: string): Promise<void> {
  await page.evaluate((scroller) => {
    for (const el of document.querySelectorAll(`${scroller}, #content`)) el.scrollTop = el.scrollHeight;
  }, scroller);
  // Virtualized lists render the rows for the new position on the next frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('the monitoring toolbar has its own docked space: no agent row, chat row or timeline event is under it', async ({ app }) => {
  const toolbar = await monitorAlexKim(app);
  const box = await toolbar.boundingBox();
  expect(box, 'toolbar on screen').not.toBeNull();

  // Agents (all of them, not only the one searched for), scrolled to the last agent.
  await app.keyboard.press('Alt+1');
  await app.getByRole('searchbox', { name: 'Search' }).fill('');
  await scrollToEnd(app, '.agents-scroll');
  await expect(app.locator('.agents-scroll .agents-row').last()).toBeVisible();
  expect(await coveredByToolbar(app, '.agents-scroll .agents-row')).toEqual([]);

  // Chats, scrolled to the last chat.
  await app.keyboard.press('Alt+3');
  await expect(app.locator('.chat-row').first()).toBeVisible();
  await scrollToEnd(app, '.chats-scroll');
  expect(await coveredByToolbar(app, '.chat-row')).toEqual([]);

  // The call's timeline, scrolled to its last event (the monitor period is one of them).
  await toolbar.getByRole('button', { name: /Alex Kim/ }).first().click();
  await app.getByRole('tab', { name: 'Timeline' }).click();
  await expect(app.locator('.events li').first()).toBeVisible();
  await scrollToEnd(app, '.events');
  await expect(app.locator('.events li').last()).toBeVisible();
  expect(await coveredByToolbar(app, '.events li')).toEqual([]);

  // Docked, not floating: the content area ends where the toolbar's row begins.
  const content = await app.locator('#content').boundingBox();
  const docked = await toolbar.boundingBox();
  expect(content && docked && content.y + content.height <= docked.y + 0.5).toBe(true);
});
