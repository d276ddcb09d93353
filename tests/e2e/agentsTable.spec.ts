import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** Issue 12 item 3: the Agents view for real teams — sort, group, filter, keyboard, the agent's state history. */

const grid = (app: Page) => app.getByRole('grid', { name: 'Agents' }).or(app.getByRole('treegrid', { name: 'Agents' }));
const agentRows = (app: Page) => grid(app).locator('.agent-row');
const statusOrder = ['Available', 'On Queue', 'Busy', 'Away', 'Offline'];
const rank = (text: string) => statusOrder.findIndex((s) => text.includes(s));

async function statusesShown(rows: Locator): Promise<number[]> {
  return (await rows.locator('.status-badge').allTextContents()).map(rank);
}

test('sort by a column from the keyboard: Enter on its header sorts, again reverses; aria-sort says which way', async ({ app }) => {
  const header = grid(app).getByRole('columnheader', { name: /Status/ });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await expect(grid(app).getByRole('columnheader', { name: /Agent/ })).toHaveAttribute('aria-sort', 'ascending');
  await header.getByRole('button').focus();
  await app.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid(app).getByRole('columnheader', { name: /Agent/ })).toHaveAttribute('aria-sort', 'none');
  // The rows shown follow the statuses' order (polled: the demo keeps changing states).
  const ordered = async (dir: 1 | -1) => {
    const s = await statusesShown(agentRows(app));
    return s.length > 1 && s.every((v, i) => i === 0 || dir * ((s[i - 1] ?? 0) - v) <= 0);
  };
  await expect.poll(() => ordered(1)).toBe(true);
  await app.keyboard.press('Space');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => ordered(-1)).toBe(true);
});

test('group by status: a header per status with its count; Enter on a header closes and opens its group', async ({ app }) => {
  await app.getByRole('combobox', { name: 'Group by' }).selectOption('status');
  const groups = grid(app).locator('.group-row');
  await expect(groups.first()).toContainText(/Available \(\d+\)/);
  const onQueue = groups.filter({ hasText: 'On Queue' });
  const count = Number((await onQueue.textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await expect(onQueue).toHaveAttribute('aria-expanded', 'true');
  await onQueue.focus();
  await app.keyboard.press('Enter');
  await expect(onQueue).toHaveAttribute('aria-expanded', 'false');
  await expect(onQueue).toBeFocused();
  // Its agents are gone from the rows shown; the other groups stay.
  await expect(agentRows(app).locator('.status-badge').filter({ hasText: 'On Queue' })).toHaveCount(0);
  await app.keyboard.press('ArrowRight');
  await expect(onQueue).toHaveAttribute('aria-expanded', 'true');
});

test('filter by queue, skill and time in state, with the count; the search still finds by name or extension', async ({ app }) => {
  const count = app.getByTestId('agents-count');
  await expect(count).toHaveText(/^\d+ agents$/);
  const queue = app.getByRole('combobox', { name: 'Queue' });
  const billing = (await queue.locator('option').allTextContents()).find((t) => /billing/i.test(t)) ?? '';
  expect(billing).not.toBe('');
  await queue.selectOption({ label: billing });
  await expect(count).toContainText(' of ');
  for (const cell of await agentRows(app).locator('[role="gridcell"]:nth-child(5)').allTextContents()) expect(cell).toContain(billing);

  await app.getByRole('combobox', { name: 'Skill' }).selectOption('Spanish');
  const withSkill = Number((await count.textContent())?.match(/^(\d+)/)?.[1]);
  expect(withSkill).toBeGreaterThan(0);
  await app.getByRole('combobox', { name: 'Time in state' }).selectOption({ label: '1 hour or more' });
  await expect.poll(async () => Number((await count.textContent())?.match(/^(\d+)/)?.[1])).toBeLessThanOrEqual(withSkill);
  await app.getByRole('button', { name: /Clear filters/ }).click();
  await expect(count).toHaveText(/^\d+ agents$/);

  // The search takes an extension too, and Ctrl+F still goes there.
  const firstExtension = (await agentRows(app).first().locator('[role="gridcell"]:nth-child(4)').textContent())?.trim() ?? '';
  await app.locator('#content').focus();
  await app.keyboard.press('Control+f');
  await expect(app.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await app.keyboard.type(firstExtension);
  await expect(count).toHaveText(/^1 of \d+ agents$/);
});

test('arrow keys move between rows, Home/End jump, Enter opens the agent; Escape closes back to the row; the state history shows today’s segments', async ({ app, host }) => {
  const rows = agentRows(app);
  await rows.first().click();
  await expect(rows.first()).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(rows.first()).toBeFocused();
  await app.keyboard.press('End');
  const total = Number((await app.getByTestId('agents-count').textContent())?.match(/^(\d+)/)?.[1]);
  await expect(grid(app).locator(`[role="row"][aria-rowindex="${total + 1}"]`)).toBeFocused();
  await app.keyboard.press('Home');
  await expect(rows.first()).toBeFocused();
  await app.keyboard.press('ArrowDown');
  const second = rows.nth(1);
  const agentId = (await second.getAttribute('data-agent-id')) ?? '';
  const name = (await second.locator('.agent-name').textContent()) ?? '';
  await app.keyboard.press('Enter');

  const details = app.getByRole('complementary', { name });
  await expect(details.getByRole('heading', { name })).toBeFocused();
  // Two changes of state on the demo's clock: the timeline gets their segments, with tooltips and a table.
  await host.control('setAgentStatus', agentId, 'Busy');
  await app.waitForTimeout(1200);
  await host.control('setAgentStatus', agentId, 'Away');
  const segments = details.getByTestId('state-timeline').locator('.state-segment');
  await expect.poll(async () => segments.count()).toBeGreaterThanOrEqual(3);
  await expect(segments.last()).toHaveAttribute('data-state', 'Away');
  await expect(segments.nth(-2)).toHaveAttribute('title', /^Busy from \d\d:\d\d:\d\d (AM |PM )?for 0:0[0-9]$/);
  await expect(details.getByRole('img', { name: /States from .* to now: .*Busy 0:0\d.*Away/ })).toBeVisible();
  await details.getByRole('button', { name: 'Show as a table' }).click();
  await expect(details.getByRole('table').getByRole('row').filter({ hasText: 'Busy' })).toHaveCount(1);
  await expectAccessible(app, 'agents with details');

  await app.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(rows.filter({ has: app.getByText(name, { exact: true }) })).toBeFocused();
});

test('axe: the Agents view sorted and grouped', async ({ app }) => {
  await grid(app).getByRole('button', { name: /Time in state/ }).click();
  await app.getByRole('combobox', { name: 'Group by' }).selectOption('queue');
  await expect(grid(app).locator('.group-row').first()).toBeVisible();
  await expectAccessible(app, 'agents grouped');
});

test('the sort and grouping are remembered in the user’s settings: a reload opens the table as it was left', async ({ app }) => {
  await grid(app).getByRole('button', { name: /Time in state/ }).click();
  await grid(app).getByRole('button', { name: /Time in state/ }).click();
  await app.getByRole('combobox', { name: 'Group by' }).selectOption('status');
  await expect(grid(app).getByRole('columnheader', { name: /Time in state/ })).toHaveAttribute('aria-sort', 'descending');
  await app.waitForTimeout(500);
  await app.reload();
  await expect(app.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
  await expect(grid(app).getByRole('columnheader', { name: /Time in state/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(app.getByRole('combobox', { name: 'Group by' })).toHaveValue('status');
  await expect(grid(app).locator('.group-row').first()).toContainText('Available');
});
