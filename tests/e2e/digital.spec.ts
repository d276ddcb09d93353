import type { Page } from '@playwright/test';
import { expect, expectAccessible, saveScreenshot, test } from './fixtures';

// Fixed demo scenarios (main/contact-center/demo/README.md): Priya Shah's web-messaging chat with
// Sarah Whitfield asks for assistance; Dana Reyes monitors Jordan Patel's French chat.
const ASSIST = 'chat-assistance';
const DANA = 'chat-dana';
const PENDING = 'chat-pending';

async function openChats(app: Page) {
  await app.keyboard.press('Alt+3');
  await expect(app.getByRole('heading', { name: 'Chats', level: 1 })).toBeVisible();
}

async function chooseAction(app: Page, chatId: string, item: string) {
  const row = app.getByTestId(`chat-row-${chatId}`);
  await row.getByRole('button', { name: /^Actions for/ }).click();
  await app.getByRole('menuitem', { name: new RegExp(`^${item}`) }).click();
}

test('a supervisor handles an assistance request: flag, monitor, participate, send, transfer to a queue, clear the flag', async ({ app, host }) => {
  await openChats(app);
  // The Chats tab carries a marker, and the chat a red flag.
  await expect(app.getByRole('button', { name: /^Chats/ }).getByRole('img', { name: 'needs attention' })).toBeVisible();
  const row = app.getByTestId(`chat-row-${ASSIST}`);
  await expect(row.getByRole('button', { name: 'Assistance requested by Priya Shah — clear flag' })).toBeVisible();
  await expect(row).toContainText('Sarah Whitfield');
  await expect(row).toContainText('Web messaging');
  await expect(row).toContainText('Billing');
  await saveScreenshot(app, 'digital-chats');
  await expectAccessible(app, 'chats tab');

  // Open it: the transcript as it stands.
  await row.getByRole('rowheader').getByRole('button').click();
  const details = app.getByTestId('conversation-details');
  await expect(details.getByRole('heading', { name: /Sarah Whitfield/ })).toBeVisible();
  const transcript = details.getByRole('log', { name: 'Messages' });
  await expect(transcript).toContainText("Hi Sarah, I'm Priya.");
  const before = await transcript.getByTestId('message').count();

  // Monitor from the Actions menu (keyboard: Enter opens the menu, arrows move, Enter runs).
  await row.getByRole('button', { name: /^Actions for/ }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('menuitem', { name: /^Monitor chat/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(details.getByRole('button', { name: 'Stop monitoring' })).toBeEnabled();
  await expect(row.getByRole('img', { name: 'You are supervising this chat' })).toBeVisible();
  // The customer record and categorisation panels the agent sees.
  await expect(details.getByRole('region', { name: 'Customer record' })).toContainText('sarah.whitfield@example.com');
  await expect(details.getByRole('region', { name: 'Categorisation' })).toBeVisible();
  // Monitoring is silent: nothing was posted to the conversation.
  await expect(transcript.getByTestId('message')).toHaveCount(before);
  await expect(transcript.locator('[data-sender="supervisor"]')).toHaveCount(0);
  await expect(transcript).not.toContainText('Morgan');
  // There is no composer while only monitoring.
  await expect(details.getByRole('textbox', { name: /Your message/ })).toHaveCount(0);

  // Live by push: a customer message, then the agent typing a draft shown greyed.
  await host.control('customerSays', ASSIST, 'Are you still there? I have to leave in ten minutes.');
  await expect(transcript).toContainText('Are you still there?');
  await host.control('agentTypes', ASSIST, 'Let me check the March invoice with my supervisor');
  const typing = details.getByTestId('agent-typing');
  await expect(typing.getByRole('img', { name: 'is typing' })).toBeVisible();
  await expect(typing).toContainText('Let me check the March invoice');
  await saveScreenshot(app, 'digital-conversation');
  await expectAccessible(app, 'conversation details');
  await host.control('agentSays', ASSIST, 'One moment please, I am checking.');
  await expect(transcript).toContainText('One moment please');
  await expect(typing).toBeHidden();

  // Participate: asks first, naming who will see it.
  await details.getByRole('button', { name: 'Participate' }).click();
  const ask = app.getByRole('alertdialog', { name: 'Participate in this chat?' });
  await expect(ask).toContainText('Join this chat? Priya Shah and the customer will see your messages.');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await ask.getByRole('button', { name: 'Participate' }).click();
  const composer = details.getByRole('textbox', { name: /Your message/ });
  await expect(composer).toBeVisible();

  // Send: asks first; the message shows labelled as from a supervisor.
  await composer.fill('Hi Sarah, this is Morgan, Priya’s supervisor. I am refunding the 38.20 adjustment now.');
  await details.getByRole('button', { name: 'Send' }).click();
  const sendAsk = app.getByRole('alertdialog', { name: 'Send this message?' });
  await expect(sendAsk).toContainText('labelled as from a supervisor');
  await sendAsk.getByRole('button', { name: 'Send' }).click();
  const mine = transcript.locator('[data-sender="supervisor"]');
  await expect(mine).toContainText('I am refunding the 38.20 adjustment');
  await expect(mine).toContainText('Morgan Lee');
  await expect(mine).toContainText('Supervisor');
  await expect(composer).toHaveValue('');

  // Transfer to a queue: Support queues tab, select, Assign, confirm; Priya is notified.
  await details.getByRole('button', { name: 'Transfer' }).click();
  const dialog = app.getByRole('dialog', { name: /Transfer chat/ });
  await dialog.getByRole('tab', { name: 'Support queues' }).click();
  await dialog.getByRole('radio', { name: /Technical Support/ }).check();
  await expectAccessible(app, 'transfer dialog');
  await dialog.getByRole('button', { name: 'Assign' }).click();
  const transferAsk = app.getByRole('alertdialog', { name: 'Transfer chat?' });
  await expect(transferAsk).toContainText('Transfer this chat to Technical Support? Priya Shah will be notified.');
  await transferAsk.getByRole('button', { name: 'Transfer' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByText('Priya Shah was notified of the transfer to Technical Support')).toBeVisible();
  await expect(transcript).toContainText('Transferred from Priya Shah to Technical Support. Priya Shah was notified.');
  await expect(row).toContainText('Technical Support');

  // After helping, clear the red flag.
  await row.getByRole('button', { name: /clear flag/ }).click();
  await expect(row.getByRole('button', { name: /clear flag/ })).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Clear flag' })).toBeDisabled();

  // Every action is in the audit log, exportable as CSV.
  await app.keyboard.press('Alt+5');
  await expect(app.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  const audit = app.getByRole('table');
  // In words: the action on this channel, the customer and the agent by name (no ids, no codes).
  for (const what of [
    'Monitored the web messaging conversation',
    'Joined the web messaging conversation',
    'Sent a message in the web messaging conversation',
    'Transferred the web messaging conversation',
    'Cleared the assistance flag',
  ]) {
    const entry = audit.getByRole('row').filter({ hasText: what }).filter({ hasText: 'Sarah Whitfield' }).first();
    await expect(entry).toContainText('Web messaging');
    await expect(entry).toContainText('Done');
  }
  await expect(audit.getByRole('row').filter({ hasText: 'Transferred the web messaging conversation' })).toContainText('Technical Support queue');
  await expect(audit.getByRole('row').filter({ hasText: 'Transferred the web messaging conversation' })).toContainText('Priya Shah');
  await expect(audit).not.toContainText(ASSIST);
  await expect(audit).not.toContainText('chat-');
  await saveScreenshot(app, 'digital-audit');
  await expectAccessible(app, 'audit log');
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^spyglass-audit-.*\.csv$/);
  const csv = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
  // Words first, the codes for machines in extra columns.
  const [header, ...lines] = csv.trim().split('\r\n');
  expect(header).toBe('When (UTC),Supervisor,Action,Channel,Customer,Agent,To,Result,Detail,at,supervisorId,action,interactionId,target,result');
  const transfer = lines.find((l) => l.includes('chat-transfer'));
  expect(transfer).toContain('Morgan Lee,Transferred the web messaging conversation,Web messaging,Sarah Whitfield,Priya Shah,Technical Support queue,Done');
  expect(transfer).toContain(`chat-transfer,${ASSIST},queue:queue-tech,ok`);
});

test('another supervisor holds the lock: Monitor is disabled and names Dana Reyes until she stops', async ({ app, host }) => {
  await openChats(app);
  const row = app.getByTestId(`chat-row-${DANA}`);
  await row.getByRole('button', { name: /^Actions for/ }).click();
  const item = app.getByRole('menuitem', { name: /^Monitor chat/ });
  await expect(item).toHaveAttribute('aria-disabled', 'true');
  await expect(item).toContainText('Monitored by Dana Reyes');
  await app.keyboard.press('Escape');
  await expect(item).toBeHidden();

  await row.getByRole('rowheader').getByRole('button').click();
  const details = app.getByTestId('conversation-details');
  const monitor = details.getByRole('button', { name: 'Monitored by Dana Reyes' });
  await expect(monitor).toBeDisabled();
  await expect(monitor).toHaveAttribute('title', /Monitored by Dana Reyes/);
  // Participate is not a monitor: it stays possible for someone answering a request.
  await expect(details.getByRole('button', { name: 'Participate' })).toBeEnabled();

  // The lock goes with Dana: Monitor becomes available to me.
  await host.control('supervisorStop', 'sup-2', DANA);
  await expect(details.getByRole('button', { name: 'Monitor', exact: true })).toBeEnabled();

  // New activity is flagged on the row until I view the conversation (rule 14).
  await app.keyboard.press('Alt+W');
  await expect(details).toBeHidden();
  await host.control('customerSays', DANA, 'Vous êtes toujours là ?');
  const dot = row.getByRole('img', { name: 'New activity' });
  await expect(dot).toBeVisible();
  await row.getByRole('rowheader').getByRole('button').click();
  await expect(details.getByRole('log', { name: 'Messages' })).toContainText('Vous êtes toujours là ?');
  await expect(dot).toBeHidden();
});

test('a pending chat shows as pending and is assigned to an agent after confirmation', async ({ app }) => {
  await openChats(app);
  const row = app.getByTestId(`chat-row-${PENDING}`);
  await expect(row).toContainText('Pending');
  await chooseAction(app, PENDING, 'Assign chat');
  const dialog = app.getByRole('dialog', { name: /Assign chat/ });
  await dialog.getByRole('searchbox', { name: 'Filter' }).fill('Alex');
  await dialog.getByRole('radio', { name: /Alex Kim/ }).check();
  await dialog.getByRole('button', { name: 'Assign' }).click();
  const ask = app.getByRole('alertdialog', { name: 'Assign chat?' });
  await expect(ask).toContainText('Assign this chat to Alex Kim?');
  // Escape cancels the confirmation: nothing changes.
  await app.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(row).toContainText('Pending');
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await app.getByRole('alertdialog', { name: 'Assign chat?' }).getByRole('button', { name: 'Assign' }).click();
  await expect(row).toContainText('Alex Kim');
  await expect(row).not.toContainText('Pending');
});

test('releasing a chat to its queue asks first; cancelling changes nothing', async ({ app, host }) => {
  const id = (await host.control('startChat', { id: 'chat-release', agentId: 'agent-12', scriptId: 'billing-emoji-sms', channel: 'sms' })) as string;
  await openChats(app);
  const row = app.getByTestId(`chat-row-${id}`);
  await expect(row).toContainText('Nia Thompson');
  await expect(row).toContainText('Active');
  const agent = (await row.locator('td').nth(3).textContent()) ?? '';
  expect(agent).not.toBe('');

  await chooseAction(app, id, 'Release chat');
  let ask = app.getByRole('alertdialog', { name: 'Release this chat?' });
  await expect(ask).toContainText(`Release this chat to Billing? It leaves ${agent}`);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(row).toContainText(agent);

  await chooseAction(app, id, 'Release chat');
  ask = app.getByRole('alertdialog', { name: 'Release this chat?' });
  await ask.getByRole('button', { name: 'Release' }).click();
  await expect(row).toContainText('Pending');
  await expect(app.getByText(`${agent} was notified that the conversation was released to Billing`)).toBeVisible();
});
