import type { Page } from '@playwright/test';
import { expect, expectAccessible, meterPeak, saveScreenshot, test } from './fixtures';

/**
 * A supervisor's shift on the voice screens (issue 4), driven through the
 * web host with the demo contact center. Scenario calls (scenarios.ts):
 * call-alex-kim (Alex Kim with Jennifer Morales), call-coached (Dana Reyes
 * coaches Sofia Rossi), call-external (Northwind Bank fraud desk on Liam
 * O'Connor's call), call-unmonitorable (Aiko Tanaka).
 */

const toolbar = (page: Page) => page.getByRole('region', { name: 'Monitoring toolbar' });
const hotMic = (page: Page) => page.getByTestId('hot-mic');

/** One agent line (5.4 s) and one customer line (4.6 s) of the demo conversation, with the pauses. */
const VOICE_CYCLE_MS = 11_000;


/** The loudest each meter reads over the same `ms` (0 while a meter is not shown). */
async function peaks(page: Page, names: string[], ms: number): Promise<Record<string, number>> {
  const max: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const now = (await page.locator('meter[data-meter]').evaluateAll((ms) => ms.map((m) => [(m as HTMLMeterElement).dataset.meter, (m as HTMLMeterElement).value]))) as [string, number][];
    for (const [n, v] of now) if (n in max) max[n] = Math.max(max[n]!, v);
    await page.waitForTimeout(100);
  }
  return max;
}

async function findAgent(page: Page, name: string) {
  await page.keyboard.press('Alt+1');
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  return page.getByRole('button', { name: `Monitor ${name}` });
}

test('a supervisor’s shift: monitor the customer, hold, coach, barge, back to silent, hang up, timeline', async ({ app, host }) => {
  // Agents view: the long call's agent, with status, queue, interaction and an enabled binocular.
  await expect(app.getByRole('heading', { name: 'Agents' })).toBeVisible();
  await saveScreenshot(app, 'voice-agents');
  await expectAccessible(app, 'agents');
  const binocular = await findAgent(app, 'Alex Kim');
  const row = app.getByRole('row').filter({ hasText: 'Alex Kim' });
  await expect(row).toContainText('On Queue');
  await expect(row).toContainText('Billing');
  await expect(row).toContainText('Call with Jennifer Morales (connected)');
  await expect(binocular).toBeEnabled();

  // The binocular opens the details with the agent preselected.
  await binocular.click();
  await expect(app.getByRole('heading', { name: 'Call with Jennifer Morales' })).toBeVisible();
  await expect(app.getByRole('radio', { name: 'Alex Kim' })).toBeChecked();
  const internal = app.getByRole('region', { name: 'Internal' });
  const external = app.getByRole('region', { name: 'External' });
  await expect(internal.getByText('agent', { exact: true })).toBeVisible();
  await expect(external.getByText('customer', { exact: true })).toBeVisible();

  // Pick the customer side: the preview says what holds and transfers will sound like.
  await app.getByRole('radio', { name: 'Jennifer Morales' }).check();
  await expect(app.getByText('If the agent puts the call on hold you will hear: Jennifer Morales')).toBeVisible();
  await expect(app.getByText('If the agent transfers the call you will hear: Jennifer Morales and the new agent')).toBeVisible();
  // Barge on an external participant is refused, and the screen says why.
  const bargeCustomer = app.getByRole('button', { name: 'Barge-in Jennifer Morales' });
  await expect(bargeCustomer).toBeDisabled();
  await expect(bargeCustomer).toHaveAttribute('title', 'Barge is not allowed for external participants');
  await saveScreenshot(app, 'voice-details');
  await expectAccessible(app, 'call details');

  await app.getByRole('button', { name: 'Monitor Jennifer Morales' }).click();
  await expect(toolbar(app)).toContainText('Monitoring Jennifer Morales');
  await expect(toolbar(app)).toContainText(/You hear: (Jennifer Morales and Alex Kim|Alex Kim and Jennifer Morales)/);
  await expect(hotMic(app)).toHaveCount(0);
  // Own interactions panel lists the call with a stop button.
  const mine = app.getByRole('complementary', { name: 'My interactions' });
  await expect(mine.getByRole('button', { name: /^Call with Jennifer Morales/ })).toBeVisible();
  await expect(mine.getByRole('button', { name: 'Stop monitoring Call with Jennifer Morales' })).toBeVisible();
  // The toolbar mic cannot barge into the customer either; its tooltip says why.
  await expect(toolbar(app).getByRole('button', { name: /Microphone muted/ })).toHaveAttribute(
    'title',
    'Barge is not allowed for external participants',
  );

  // Both voices play on the active call (the demo PBX meters each voice as it sends it).
  await expect.poll(() => meterPeak(app, 'agentVoice'), { timeout: 20_000 }).toBeGreaterThan(0.01);
  await expect.poll(() => meterPeak(app, 'customerVoice'), { timeout: 20_000 }).toBeGreaterThan(0.01);

  // The agent holds: only the picked participant (the customer) is heard — on the wire, not only in the text.
  await host.control('holdCall', 'call-alex-kim');
  await expect(toolbar(app)).toContainText('You hear: Jennifer Morales');
  await expect(toolbar(app)).not.toContainText('Alex Kim');
  await expect(app.getByRole('listitem').filter({ hasText: 'If the agent puts the call on hold' })).toContainText('(now)');
  // A whole turn of the conversation (an agent line and a customer line): the agent's voice stays
  // silent while the customer's still reaches the supervisor.
  const onHold = await peaks(app, ['agentVoice', 'customerVoice', 'output'], VOICE_CYCLE_MS);
  expect(onHold.agentVoice).toBeLessThan(0.005);
  expect(onHold.customerVoice).toBeGreaterThan(0.01);
  expect(onHold.output).toBeGreaterThan(0.01);
  await saveScreenshot(app, 'voice-toolbar-hold');
  await host.control('resumeCall', 'call-alex-kim');
  await expect(toolbar(app)).toContainText(/You hear: .*Alex Kim/);
  await expect.poll(() => meterPeak(app, 'agentVoice'), { timeout: 20_000 }).toBeGreaterThan(0.01);

  // Stop monitoring the customer, then monitor the agent with the keyboard (Alt+M on the picked participant).
  await app.getByRole('button', { name: 'Stop Jennifer Morales' }).click();
  await expect(toolbar(app)).toHaveCount(0);
  await app.getByRole('radio', { name: 'Alex Kim' }).check();
  await app.keyboard.press('Alt+M');
  await expect(toolbar(app)).toContainText('Monitoring Alex Kim');

  // Coach from the toolbar: only the agent hears the supervisor, and the hot-mic indicator says so.
  await toolbar(app).getByRole('button', { name: 'Coach' }).click();
  await expect(toolbar(app)).toContainText('Coaching Alex Kim');
  await expect(hotMic(app)).toHaveText('LIVE — Alex Kim can hear you');

  // Barge with the mic toggle: both hear the supervisor.
  await toolbar(app).getByRole('button', { name: /Microphone muted/ }).click();
  await expect(toolbar(app)).toContainText('Barging into Alex Kim');
  await expect(hotMic(app)).toContainText('LIVE —');
  await expect(hotMic(app)).toContainText('Jennifer Morales');
  await expect(hotMic(app)).toContainText('Alex Kim');
  await expect(app.getByRole('status').filter({ hasText: 'can hear you' })).toBeVisible();
  // While barging, coach is refused until barge stops.
  await expect(app.getByRole('button', { name: 'Coach Alex Kim' })).toHaveAttribute('title', 'Stop barging first to return to monitoring or coaching');
  await saveScreenshot(app, 'voice-toolbar-barge');
  await expectAccessible(app, 'toolbar barging');

  // Back to silent with the mic (keyboard: Alt+B): the indicator goes off.
  await app.keyboard.press('Alt+B');
  await expect(toolbar(app)).toContainText('Monitoring Alex Kim');
  await expect(hotMic(app)).toHaveCount(0);

  // The handset ends only the supervisor's leg: the call goes on for agent and customer.
  await toolbar(app).getByRole('button', { name: 'End my monitoring session' }).click();
  await expect(toolbar(app)).toHaveCount(0);
  await expect(app.getByRole('heading', { name: 'Call with Jennifer Morales' })).toBeVisible();
  await expect(app.locator('.call-state')).toHaveText('connected');
  await expect(internal.getByText('Alex Kim', { exact: true })).toBeVisible();
  await expect(external.getByText('Jennifer Morales', { exact: true })).toBeVisible();
  await expect(mine.getByRole('button', { name: /^Call with Jennifer Morales/ })).toHaveCount(0);

  // The timeline lists each period with who and when.
  await app.getByRole('tab', { name: 'Timeline' }).click();
  const periods = app.getByRole('table').filter({ has: app.getByRole('columnheader', { name: 'Mode' }) });
  await expect(periods.getByRole('row')).toHaveCount(1 + 5);
  await expect(periods.getByRole('row').nth(1)).toContainText('Morgan Lee');
  await expect(periods.getByRole('row').nth(1)).toContainText('Monitor');
  await expect(periods.getByRole('row').nth(1)).toContainText('Jennifer Morales');
  await expect(periods.getByRole('row').nth(3)).toContainText('Coach');
  await expect(periods.getByRole('row').nth(4)).toContainText('Barge-in');
  await expect(periods).not.toContainText('ongoing');
  await saveScreenshot(app, 'voice-timeline');
  await expectAccessible(app, 'timeline');
  await app.getByRole('tab', { name: 'Participants' }).click();
  await expect(app.getByRole('list', { name: 'Supervisors who took part' })).toContainText('Morgan Lee (you)');

  // The agent is still on the call in the Agents view.
  await findAgent(app, 'Alex Kim');
  await expect(app.getByRole('row').filter({ hasText: 'Alex Kim' })).toContainText('Call with Jennifer Morales (connected)');
});

test('another supervisor’s coach lock: Coach is disabled and names her', async ({ app }) => {
  const binocular = await findAgent(app, 'Sofia Rossi');
  await binocular.click();
  await expect(app.getByRole('heading', { name: 'Call with Aaliyah Brooks' })).toBeVisible();
  const coach = app.getByRole('button', { name: 'Coach Sofia Rossi' });
  await expect(coach).toBeDisabled();
  await expect(coach).toHaveAttribute('title', 'Dana Reyes is already coaching this call');
  await expect(app.getByRole('list', { name: /Why some actions for Sofia Rossi/ })).toContainText('Dana Reyes is already coaching this call');
  await expect(app.getByRole('region', { name: 'Who is monitoring' })).toContainText('Dana Reyes — coaching Sofia Rossi');
  await expect(app.getByRole('region', { name: 'Internal' })).toContainText('supervisor');
  // Monitoring is still possible.
  await expect(app.getByRole('button', { name: 'Monitor Sofia Rossi' })).toBeEnabled();
  await saveScreenshot(app, 'voice-details-locked');
  await expectAccessible(app, 'locked call');
  await app.getByRole('button', { name: 'Monitor Sofia Rossi' }).click();
  await expect(toolbar(app)).toContainText('Monitoring Sofia Rossi');
  await expect(app.getByRole('region', { name: 'Who is monitoring' })).toContainText('You — monitoring Sofia Rossi');
  // The toolbar's coach toggle carries the same reason.
  await expect(toolbar(app).getByRole('button', { name: 'Coach' })).toHaveAttribute('title', 'Dana Reyes is already coaching this call');
  // Stop from my own interactions panel ends my leg only.
  await app.getByRole('complementary', { name: 'My interactions' }).getByRole('button', { name: 'Stop monitoring Call with Aaliyah Brooks' }).click();
  await expect(toolbar(app)).toHaveCount(0);
  await expect(app.getByRole('region', { name: 'Who is monitoring' })).toContainText('Dana Reyes — coaching Sofia Rossi');
});

test('a refused barge on an external participant shows its reason; forcing it is refused by main', async ({ app }) => {
  const binocular = await findAgent(app, "Liam O'Connor");
  await binocular.click();
  const barge = app.getByRole('button', { name: 'Barge-in Northwind Bank fraud desk' });
  await expect(barge).toBeDisabled();
  await expect(barge).toHaveAttribute('title', 'Barge is not allowed for external participants');
  await expect(app.getByRole('list', { name: /Why some actions for Northwind Bank fraud desk/ })).toContainText(
    'Barge is not allowed for external participants',
  );
  // Clicking the refused button changes nothing.
  await barge.click({ force: true });
  await expect(toolbar(app)).toHaveCount(0);
  // The agent can be barged into.
  await expect(app.getByRole('button', { name: "Barge-in Liam O'Connor" })).toBeEnabled();
});

test('the agents list works from the keyboard: search, Tab to the binocular, Enter opens the call', async ({ app }) => {
  await app.getByRole('searchbox', { name: 'Search' }).focus();
  await app.keyboard.type('Alex Kim');
  // The filters, the sortable column headers, his row, then the binocular in it.
  const binocular = app.getByRole('button', { name: 'Monitor Alex Kim' });
  for (let tabs = 0; tabs < 20 && !(await binocular.evaluate((b) => b === document.activeElement)); tabs++) await app.keyboard.press('Tab');
  await expect(binocular).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Call with Jennifer Morales' })).toBeFocused();
  await app.getByRole('button', { name: /Back/ }).click();
});

test('binoculars say why they are disabled', async ({ app }) => {
  const unmonitorable = await findAgent(app, 'Aiko Tanaka');
  await expect(unmonitorable).toBeDisabled();
  await expect(unmonitorable).toHaveAttribute('title', "This interaction's flow does not allow monitoring");
  await expect(unmonitorable).toHaveAccessibleDescription("This interaction's flow does not allow monitoring");
  // Status filter: nobody Offline is shown when filtering by Available, and the count says so.
  await app.getByRole('searchbox', { name: 'Search' }).fill('');
  await app.getByRole('combobox', { name: 'Agent status' }).selectOption('On Queue');
  await expect(app.getByTestId('agents-count')).toContainText(' of ');
  await expect(app.getByRole('row').filter({ hasText: 'Offline' })).toHaveCount(0);
});

test('queue activity: waiting and SLA per queue, Interacting with binoculars, On Queue agents expand to View details', async ({ app }) => {
  await app.keyboard.press('Alt+2');
  await expect(app.getByRole('heading', { name: 'Queue activity' })).toBeVisible();
  await expect(app.getByRole('rowheader', { name: 'Billing' })).toBeVisible();
  const interacting = app.getByRole('table', { name: 'In-progress interactions' });
  await expect(interacting.getByRole('button', { name: 'Monitor Call with Jennifer Morales (Alex Kim)' })).toBeEnabled();
  await expect(interacting.getByRole('button', { name: 'Monitor Call with Oscar Villanueva (Aiko Tanaka)' })).toBeDisabled();
  const expand = app.getByRole('button', { name: 'Expand Alex Kim' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expand.click();
  await expect(app.getByRole('button', { name: 'Collapse Alex Kim' })).toHaveAttribute('aria-expanded', 'true');
  await expect(app.getByText('Call with Jennifer Morales (connected)')).toBeVisible();
  await saveScreenshot(app, 'voice-queue-activity');
  await expectAccessible(app, 'queue activity');
  await app.getByRole('button', { name: "View details of Alex Kim's interaction" }).click();
  await expect(app.getByRole('heading', { name: 'Call with Jennifer Morales' })).toBeVisible();
  await expect(app.getByRole('radio', { name: 'Alex Kim' })).toBeChecked();
});

test('the keyboard help lists the voice shortcuts', async ({ app }) => {
  await app.keyboard.press('?');
  const dialog = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const keys of ['Alt+M', 'Alt+C', 'Alt+B', 'Alt+H']) await expect(dialog.getByRole('cell', { name: keys, exact: true })).toBeVisible();
  await expect(dialog).toContainText('Handset: end your monitoring leg (the call goes on)');
  await app.keyboard.press('Escape');
});

test('several agents on a call: the Multiple list picks the agent; consult and conference barges say why not', async ({ app }) => {
  const binocular = await findAgent(app, 'Maria González');
  await binocular.click();
  await expect(app.getByRole('heading', { name: 'Call with Robert Chen' })).toBeVisible();
  const multiple = app.getByRole('combobox', { name: 'Multiple' });
  await expect(multiple.getByRole('option')).toHaveText(['Maria González (agent)', 'Tom Becker (specialist)']);
  await multiple.selectOption({ label: 'Tom Becker (specialist)' });
  await expect(app.getByRole('radio', { name: 'Tom Becker' })).toBeChecked();
  await expect(app.getByRole('region', { name: 'Internal' }).getByText('specialist', { exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Barge-in Tom Becker' })).toHaveAttribute('title', 'You cannot barge into a specialist during a consult');
  await expect(app.getByRole('button', { name: 'Barge-in Maria González' })).toBeEnabled();
  await saveScreenshot(app, 'voice-details-consult');

  const conference = await findAgent(app, 'Wei Chen');
  await conference.click();
  await expect(app.getByRole('button', { name: 'Barge-in Wei Chen' })).toHaveAttribute('title', 'You cannot barge into a participant in a conference');
});
