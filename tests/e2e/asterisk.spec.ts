import { test as base, expect, type Page } from '@playwright/test';
import { AmiReplayServer } from '../integration/asterisk/amiReplayServer';
import { fixture } from '../integration/asterisk/harness';
import { expectAccessible } from './fixtures';
import { startWebHostProcess, type WebHostProcess } from './webHost';

/**
 * The whole app (web host + real Chromium) on the Asterisk connector, chosen
 * by IT policy, against AMI traffic recorded from a real Asterisk and
 * replayed over TCP: what a supervisor sees.
 */
const test = base.extend<{ ami: AmiReplayServer; host: WebHostProcess; app: Page }>({
  // Playwright needs the destructuring pattern even when a fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  ami: async ({}, use) => {
    const server = await AmiReplayServer.start(fixture('other-supervisor-chanspy'));
    await use(server);
    await server.close();
  },
  host: async ({ ami }, use) => {
    const host = await startWebHostProcess(
      [],
      { SPYGLASS_AMI_SECRET: 'lab-spyglass-ami-secret' },
      { connector: 'asterisk', 'asterisk.host': '127.0.0.1', 'asterisk.port': ami.port, 'asterisk.user': 'spyglass', 'phone.user': 'sip:2102@127.0.0.1' },
    );
    await use(host);
    await host.stop();
  },
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

test('Asterisk: agents, a queue call answered, another supervisor’s ChanSpy as a lock', async ({ app, ami }) => {
  await expect(app.getByTestId('supervisor-name')).toHaveText('Supervisor 2102');
  await expect(app.getByRole('status').filter({ hasText: /asterisk.*online/i })).toBeVisible();
  // Agents are the queue members, with their queues.
  await expect(app.getByRole('heading', { name: 'Agents' })).toBeVisible();
  for (const name of ['Alex Kim', 'Maria Lopez', 'Sam Patel', 'Jordan Lee']) await expect(app.getByRole('row').filter({ hasText: name })).toContainText('On Queue');
  await expectAccessible(app, 'asterisk agents');

  // A customer calls support and waits.
  ami.pushUntil((e) => e.Event === 'QueueCallerJoin');
  await app.keyboard.press('Alt+2');
  const support = app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'support' }) });
  await expect(support.getByRole('cell').first()).toHaveText('1');
  // Alex Kim answers: nobody waits, the call is in progress with him.
  ami.pushUntil((e) => e.Event === 'AgentConnect');
  await expect(support.getByRole('cell').first()).toHaveText('0');
  const interacting = app.getByRole('table', { name: 'In-progress interactions' });
  const monitor = interacting.getByRole('button', { name: 'Monitor Call with Samuel Okafor (Alex Kim)' });
  await expect(monitor).toBeEnabled();
  await expectAccessible(app, 'asterisk queue activity');

  // Another supervisor (Taylor Brooks, 2101) starts ChanSpy on Alex Kim's call.
  ami.pushUntil((e) => e.Event === 'ChanSpyStart');
  // The binocular opens the call's details.
  await monitor.click();
  await expect(app.getByRole('heading', { name: 'Call with Samuel Okafor' })).toBeVisible();
  const lock = app.locator('.lock-line');
  // AMI reports Taylor's ChanSpy but not whether it whispers or barges: no mode is claimed.
  await expect(lock).toContainText('Lock: Supervisor Taylor Brooks (PJSIP/2101) (listening in since');
  await expect(app.getByRole('region', { name: 'Who is monitoring' }).locator('.who-list').first()).toContainText('Supervisor Taylor Brooks (PJSIP/2101) — listening in on Alex Kim');
  // ChanSpy lets several supervisors listen: monitoring stays available to us.
  await expect(app.getByRole('button', { name: 'Monitor Alex Kim' })).toBeEnabled();
  // Taylor hangs up: the lock is released.
  ami.pushUntil((e) => e.Event === 'ChanSpyStop');
  await expect(lock).toHaveCount(0);
});
