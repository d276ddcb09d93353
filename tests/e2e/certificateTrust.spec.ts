import { test as base, expect } from '@playwright/test';
import { createServer, type Server } from 'node:https';
import { WebSocketServer } from 'ws';
import { hasOpenssl, makeTestCa, TEST_CA_NAME } from '../support/testCertificates';
import { expectAccessible } from './fixtures';
import { startWebHostProcess } from './webHost';

const test = base;

/**
 * A PBX whose wss:// certificate comes from a CA this computer does not trust
 * (issue 17 item 2): the supervisor sees which server, which issuer and what IT
 * must do — in the status bar and with the SIP account in Settings — not only
 * a line in the log.
 */
test('a refused server certificate is named in the status bar and in Settings', async ({ page }) => {
  test.skip(!hasOpenssl, 'openssl is needed to make the test CA');
  const ca = makeTestCa();
  const server: Server = createServer({ key: ca.valid.key, cert: ca.valid.cert });
  new WebSocketServer({ server });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const wssUrl = `wss://127.0.0.1:${(server.address() as { port: number }).port}/ws`;
  const host = await startWebHostProcess([], { SPYGLASS_SIP_PASSWORD: 'secret' }, { 'phone.profile': 'asterisk-chanspy', 'phone.server': wssUrl, 'phone.user': 'sip:7001@127.0.0.1' });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
    const refused = new RegExp(`Certificate refused: 127\\.0\\.0\\.1 presented a certificate issued by "${TEST_CA_NAME}" for IP Address:127\\.0\\.0\\.1, DNS:localhost, valid until \\d{4}-\\d\\d-\\d\\d, and this computer does not trust that issuer \\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\\)\\. IT must install the "${TEST_CA_NAME}" CA certificate in this computer's trust store, or name it in the IT policy as phone\\.caFile`);
    await expect(page.getByTestId('status-phone')).toHaveText(refused, { timeout: 15_000 });
    await page.keyboard.press('Alt+6');
    await expect(page.getByTestId('certificate-problem')).toHaveText(refused);
    // What the phone trusts instead: the built-in roots and this computer's store, no IT policy CA file.
    const trusted = page.getByTestId('wss-trust');
    await expect(trusted).toContainText('Built-in root CAs');
    await expect(trusted).toContainText('This computer’s certificate store');
    await expect(trusted).not.toContainText('IT policy CA file');
    await expectAccessible(page, 'settings with a refused certificate');
  } finally {
    await host.stop();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('with the company CA in the IT policy, Settings shows the CA file in force and the REGISTER goes out over wss://', async ({ page }) => {
  test.skip(!hasOpenssl, 'openssl is needed to make the test CA');
  const ca = makeTestCa();
  const server: Server = createServer({ key: ca.valid.key, cert: ca.valid.cert });
  // What the phone sends once TLS is accepted: its REGISTER arrives here (this stand-in answers nothing).
  const received: string[] = [];
  new WebSocketServer({ server }).on('connection', (ws) => ws.on('message', (m) => received.push(String(m))));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const wssUrl = `wss://127.0.0.1:${(server.address() as { port: number }).port}/ws`;
  const host = await startWebHostProcess([], { SPYGLASS_SIP_PASSWORD: 'secret' }, { 'phone.profile': 'asterisk-chanspy', 'phone.server': wssUrl, 'phone.user': 'sip:7001@127.0.0.1', 'phone.caFile': ca.caFile });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
    await page.keyboard.press('Alt+6');
    const trusted = page.getByTestId('wss-trust');
    await expect(trusted).toContainText(`IT policy CA file (${ca.caFile}): 1 — CN=${TEST_CA_NAME}, O=Spyglass Tests, valid until`);
    // The server's certificate is accepted: the phone's REGISTER arrives over the wss:// connection, and nothing is refused.
    await expect.poll(() => received.some((m) => m.startsWith('REGISTER sip:127.0.0.1 SIP/2.0')), { timeout: 15_000 }).toBe(true);
    await expect(page.getByTestId('certificate-problem')).toHaveCount(0);
    await expect(page.getByTestId('status-phone')).not.toContainText('Certificate refused');
    await expectAccessible(page, 'settings with the IT policy CA file');
  } finally {
    await host.stop();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
});
