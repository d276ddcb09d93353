import { expect, test } from './fixtures';

// Issue 15 item 3: the supervisor watches a chat while the demo writes 1,000 extra messages a second
// into the live chats (--messages-per-second, main/contact-center/demo/messageLoad.ts), this one
// included. The transcript keeps up (the newest line is on screen) and holds only the newest 100
// messages in the page, the rest a click away. No timings here: bench:transcript-load measures them.
const ASSIST = 'chat-assistance';

test.use({ hostArgs: ['--messages-per-second', '1000'] });

test('a watched chat under heavy traffic shows its newest message and keeps the page to the newest 100', async ({ app, host }) => {
  await app.keyboard.press('Alt+3');
  await expect(app.getByRole('heading', { name: 'Chats', level: 1 })).toBeVisible();
  // Clicked in the page: under load the row re-renders faster than Playwright's "stable" check settles.
  const openButton = app.getByTestId(`chat-row-${ASSIST}`).getByRole('rowheader').getByRole('button');
  await openButton.dispatchEvent('click');
  const details = app.getByTestId('conversation-details');
  await details.getByRole('button', { name: 'Monitor', exact: true }).dispatchEvent('click');
  await expect(details.getByRole('button', { name: 'Stop monitoring' })).toBeVisible();

  const transcript = details.getByRole('log', { name: 'Messages' });
  const messages = transcript.getByTestId('message');
  // The load fills the transcript past what the page holds: the newest 100 are in it, the rest behind a button.
  const earlier = details.getByRole('button', { name: 'Show 100 earlier messages' });
  await expect(earlier).toBeVisible();
  await expect(messages).toHaveCount(100);

  // A line the customer writes now, in the middle of the traffic, reaches the screen.
  await host.control('customerSays', ASSIST, 'Still waiting for the refund, reference R-7731');
  await expect(transcript).toContainText('Still waiting for the refund, reference R-7731');
  // The box follows the newest line while the supervisor has not scrolled up (a ResizeObserver, ConversationDetails.tsx).
  const box = details.getByRole('region', { name: 'Transcript' });
  await expect.poll(() => box.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);

  await earlier.click();
  await expect(messages).toHaveCount(200);
});
