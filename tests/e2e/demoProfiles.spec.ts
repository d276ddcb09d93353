import { expect, test } from './fixtures';
import { startWebHostProcess } from './webHost';

/**
 * Issue 13 found 8: the demo supervisor had every permission, so nobody trying Spyglass saw a
 * refused permission nor the supervisor's own call. `--profile restricted` listens and reads only:
 * coach and barge are refused, each with its reason; `--scenario on-call` puts the supervisor on a call.
 */
test.describe('--profile restricted', () => {
  test.use({ hostArgs: ['--profile', 'restricted'] });

  test('monitoring is allowed; coach and barge are refused, each naming the missing permission', async ({ app }) => {
    await app.keyboard.press('Alt+1');
    await app.getByRole('searchbox', { name: 'Search' }).fill('Alex Kim');
    await app.getByRole('button', { name: 'Monitor Alex Kim' }).click();
    await expect(app.getByRole('button', { name: 'Monitor Alex Kim' }).last()).toBeEnabled();
    const coach = app.getByRole('button', { name: 'Coach Alex Kim' });
    await expect(coach).toBeDisabled();
    await expect(coach).toHaveAttribute('title', 'You do not have the Call Coach permission');
    const barge = app.getByRole('button', { name: 'Barge-in Alex Kim' });
    await expect(barge).toBeDisabled();
    await expect(barge).toHaveAttribute('title', /You do not have the Call Barge permission/);
    await expect(app.getByRole('list', { name: /Why some actions for Alex Kim/ })).toContainText('You do not have the Call Coach permission');
  });
});

test('an unknown --profile stops the web host, naming the known profiles', async () => {
  await expect(startWebHostProcess(['--profile', 'boss'])).rejects.toThrow(/unknown --profile boss; known: team-lead, restricted/);
});

/** The supervisor on a call of their own (`--scenario on-call`): the rule "cannot monitor your own call" is on screen. */
test.describe('--scenario on-call', () => {
  test.use({ hostArgs: ['--scenario', 'on-call'] });

  test("the supervisor's own call cannot be monitored, and says why", async ({ app }) => {
    await app.keyboard.press('Alt+1');
    await app.getByRole('searchbox', { name: 'Search' }).fill('Morgan Lee');
    const binocular = app.getByRole('button', { name: 'Monitor Morgan Lee' });
    await expect(binocular).toBeDisabled();
    await expect(binocular).toHaveAttribute('title', 'You cannot monitor a call you are handling');
    // Everyone else's calls still can be.
    await app.getByRole('searchbox', { name: 'Search' }).fill('Alex Kim');
    await expect(app.getByRole('button', { name: 'Monitor Alex Kim' })).toBeEnabled();
  });
});
