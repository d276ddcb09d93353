import { expect, expectAccessible, saveScreenshot, test } from './fixtures';

// Kwame Mensah's chat with "<b>Tyler Jackson</b>" (demo scenario hostileChat, opt-in: the
// default demo shows no attack strings): its script already carries <script>, onerror= and
// javascript: text; the test adds more.
test.use({ hostArgs: ['--scenario', 'hostile'] });
const HOSTILE = 'chat-hostile';
const LONG_END = 'END-OF-THE-ONE-MEGABYTE-MESSAGE';

test('hostile chat text is shown as text: no markup, no script, no dialogs; long, RTL and control text stay readable', async ({ app, host }) => {
  const dialogs: string[] = [];
  app.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await app.keyboard.press('Alt+3');
  const row = app.getByTestId(`chat-row-${HOSTILE}`);
  // The customer's name is markup, shown literally.
  await expect(row.getByRole('rowheader')).toHaveText('<b>Tyler Jackson</b>');
  await row.getByRole('rowheader').getByRole('button').click();
  const details = app.getByTestId('conversation-details');
  const transcript = details.getByRole('log', { name: 'Messages' });

  await host.control('customerSays', HOSTILE, '<script>window.__pwned = "script"</script>still here');
  await host.control('customerSays', HOSTILE, '<img src=x onerror="window.__pwned = \'img\'"><b>bold?</b><a href="javascript:window.__pwned=1">click</a>');
  await host.control('customerSays', HOSTILE, 'مرحبا، أحتاج مساعدة في فاتورتي 🙏🏽 شكرا 👍');
  await host.control('customerSays', HOSTILE, 'bell\u0007 null\u0000 escape\u001b[31m red; spoof \u202Etxt.exe');
  await host.control('customerSays', HOSTILE, 'Run this: javascript:alert(document.domain) or see https://example.com/help?topic=locked&lang=en.');
  await host.control('customerSays', HOSTILE, `${'A'.repeat(1024 * 1024)}${LONG_END}`);

  // Markup arrives as visible text…
  await expect(transcript.getByText('<script>window.__pwned = "script"</script>still here')).toBeVisible();
  await expect(transcript.getByText(`<img src=x onerror="window.__pwned = 'img'"><b>bold?</b>`, { exact: false })).toBeVisible();
  // …and never as elements.
  const page = details;
  await expect(page.locator('script, img, iframe, object, embed, b, a[href^="javascript"]')).toHaveCount(0);
  await expect(app.locator('a[href^="javascript"], img[src="x"]')).toHaveCount(0);
  expect(await app.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

  // RTL and emoji: laid out by the text's own direction.
  const rtl = transcript.getByText('مرحبا، أحتاج مساعدة', { exact: false });
  await expect(rtl).toBeVisible();
  await expect(transcript.locator('.message-text[dir="auto"]').filter({ hasText: 'مرحبا' })).toHaveCount(1);

  // Control characters are made visible; the bidi override cannot reorder the text.
  await expect(transcript.getByText('bell␇ null␀ escape␛[31m red; spoof ⟨U+202E⟩txt.exe')).toBeVisible();

  // A javascript: "link" is plain text; the https link is a link-looking button.
  await expect(transcript.getByText('Run this: javascript:alert(document.domain) or see', { exact: false })).toBeVisible();
  await expect(transcript.getByRole('button', { name: /javascript:/ })).toHaveCount(0);
  await expect(transcript.getByRole('button', { name: 'https://example.com/help?topic=locked&lang=en' })).toBeVisible();
  // A javascript: attachment (as the script's third turn sends, whenever it plays) is shown, blocked, not clickable.
  await host.control('customerSays', HOSTILE, 'Click this to see my problem', [{ name: 'problem.html', url: 'javascript:alert(1)' }]);
  await expect(transcript.getByText('link blocked', { exact: false }).first()).toBeVisible();
  await expect(transcript.getByRole('button', { name: 'problem.html' })).toHaveCount(0);

  // The 1 MB message is cut short until asked for.
  const long = transcript.getByTestId('message').filter({ hasText: 'AAAAAAAAAA' });
  await expect(long.getByRole('button', { name: 'Show full message' })).toBeVisible();
  await expect(long).not.toContainText(LONG_END);
  await saveScreenshot(app, 'digital-hostile');
  await expectAccessible(app, 'hostile conversation');
  await long.getByRole('button', { name: 'Show full message' }).click();
  await expect(long).toContainText(LONG_END);
  await expect(long.getByRole('button', { name: 'Show less' })).toBeVisible();

  expect(dialogs).toEqual([]);
});

test('a link opens only after a confirmation that shows the whole address', async ({ app, host }) => {
  const url = 'https://example.com/reset?token=abc123&next=%2Faccount';
  await app.keyboard.press('Alt+3');
  await app.getByTestId(`chat-row-${HOSTILE}`).getByRole('rowheader').getByRole('button').click();
  const transcript = app.getByTestId('conversation-details').getByRole('log', { name: 'Messages' });
  await host.control('customerSays', HOSTILE, `my reset link: ${url}`);
  const link = transcript.getByRole('button', { name: url });

  // Cancel: nothing is opened.
  await link.click();
  let ask = app.getByRole('alertdialog', { name: 'Open this link?' });
  await expect(ask.getByText(url, { exact: true })).toBeVisible();
  await expectAccessible(app, 'link confirmation');
  await app.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(link).toBeFocused();
  expect(host.output()).not.toContain(`Open this link in your browser: ${url}`);

  // Confirm: main opens it (the web host prints where it goes).
  await link.click();
  ask = app.getByRole('alertdialog', { name: 'Open this link?' });
  await ask.getByRole('button', { name: 'Open link' }).click();
  await expect(ask).toBeHidden();
  await expect.poll(() => host.output()).toContain(`Open this link in your browser: ${url}`);
});
