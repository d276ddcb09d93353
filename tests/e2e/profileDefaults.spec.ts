import { expect, expectAccessible, test } from './fixtures';

// Issue 18 found 1: picking a PBX profile must give its own feature code and DTMF method, not the app's.
test('a PBX profile brings its own feature code and DTMF method, shown "from the profile", until the user overrides it', async ({ app: page }) => {
  await page.keyboard.press('Alt+6');
  await page.getByLabel('PBX profile').selectOption('freeswitch-eavesdrop');
  const code = page.getByLabel(/Monitor feature code/);
  const dtmf = page.getByLabel(/DTMF method/);
  await expect(code).toHaveValue('88');
  await expect(dtmf).toHaveValue('rfc2833');
  await expect(page.getByText('from the profile', { exact: true })).toHaveCount(2);
  // The server example is FreeSWITCH's (Sofia wss-binding, no path), not Asterisk's.
  await expect(page.getByText(/wss:\/\/pbx\.example\.com:7443 \(FreeSWITCH/)).toBeVisible();
  await expect(page.getByLabel('FreeSWITCH has liberal-dtmf')).not.toBeChecked();

  await code.fill('*9');
  await code.blur();
  await expect(page.getByLabel(/Monitor feature code/)).toHaveValue('*9');
  await expect(page.getByText('from the profile', { exact: true })).toHaveCount(1);
  await expectAccessible(page, 'settings-profile-defaults');

  await page.getByRole('button', { name: 'Use the profile’s value' }).click();
  await expect(page.getByLabel(/Monitor feature code/)).toHaveValue('88');
  await expect(page.getByText('from the profile', { exact: true })).toHaveCount(2);

  // INFO on FreeSWITCH is answered 200 OK and ignored without liberal-dtmf: Settings says so.
  await page.getByLabel(/DTMF method/).selectOption('info');
  await expect(page.getByRole('note')).toContainText('FreeSWITCH ignores INFO digits');

  await page.getByLabel('PBX profile').selectOption('asterisk-chanspy');
  await expect(page.getByLabel(/Monitor feature code/)).toHaveValue('*222');
  await expect(page.getByLabel(/DTMF method/)).toHaveValue('info');
});
