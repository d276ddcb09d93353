import WebSocket from 'ws';
import { expect, expectAccessible, saveScreenshot, test } from './fixtures';
import { startWebHostProcess } from './webHost';

/**
 * Opens a raw socket the way a hostile page or local process would. Resolves
 * with the open socket, the HTTP status it was refused with, or the close
 * code of a socket accepted only to be told why (4401: token refused).
 */
function connect(url: string, origin?: string): Promise<{ ws?: WebSocket; status?: number; closeCode?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => setTimeout(() => ws.readyState === ws.OPEN && resolve({ ws }), 100));
    ws.once('close', (code) => resolve({ closeCode: code }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.once('error', () => resolve({}));
  });
}

function ask(ws: WebSocket, frame: unknown): Promise<{ kind: string; id?: number; result?: { ok: boolean; error?: { code: string; message: string } }; error?: { code: string } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(String(data));
      if (msg.kind === 'event') return;
      ws.off('message', onMessage);
      resolve(msg);
    };
    ws.on('message', onMessage);
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

test('a WebSocket without the token, with a wrong token, or from another origin is refused', async ({ host }) => {
  const base = host.origin.replace('http', 'ws');
  // A page of our origin is told why (close 4401), so a stale tab can say so; anything else gets a plain 401.
  expect((await connect(`${base}/bridge`, host.origin)).closeCode).toBe(4401);
  expect((await connect(`${base}/bridge?token=wrong`, host.origin)).closeCode).toBe(4401);
  expect((await connect(`${base}/bridge?token=wrong`)).status).toBe(401);
  expect((await connect(`${base}/bridge?token=${host.token}`, 'http://evil.example')).status).toBe(403);
  expect((await connect(`${base}/elsewhere?token=${host.token}`, host.origin)).status).toBe(404);
});

test('the page itself needs the token: without it the browser is told what to do', async ({ page, host }) => {
  const response = await page.goto(`${host.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'This address has no Spyglass access token' })).toBeVisible();
  await expect(page.getByText('open the URL printed in the terminal')).toBeVisible();
  await expectAccessible(page, 'no-token page');
});

test('a tab from before a restart says so and what to do, instead of reconnecting forever', async ({ app, host }) => {
  const port = new URL(host.origin).port;
  await host.stop();
  // The same address, a new run: the old tab's token is no longer valid.
  const restarted = await startWebHostProcess(['--port', port]);
  try {
    await expect(app.getByRole('heading', { name: 'This Spyglass tab is from an earlier run' })).toBeVisible({ timeout: 20_000 });
    await expect(app.getByText('open the URL printed in the terminal')).toBeVisible();
    await expect(app.getByText('reconnecting')).toHaveCount(0);
    await saveScreenshot(app, 'stale-tab');
    await expectAccessible(app, 'stale-tab page');
    // The printed URL of the new run works in the same browser.
    await app.goto(restarted.url);
    await expect(app.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
  } finally {
    await restarted.stop();
  }
});

test('unknown channels, invalid payloads and malformed frames get clear errors and the app keeps running', async ({ host, app }) => {
  const { ws } = await connect(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, host.origin);
  expect(ws).toBeDefined();
  const socket = ws as WebSocket;

  const unknown = await ask(socket, { kind: 'invoke', id: 1, channel: 'shell:openPath', payload: { path: '/' } });
  expect(unknown.result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  expect(unknown.result?.error?.message).toContain('shell:openPath');

  const invalid = await ask(socket, { kind: 'invoke', id: 2, channel: 'supervisor:setStatus', payload: { status: 'Asleep' } });
  expect(invalid.result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  expect(invalid.result?.error?.message).toContain('status');

  const forged = await ask(socket, { kind: 'invoke', id: 3, channel: 'voice:start', payload: { interactionId: 'no-such-call', participantId: 'x', mode: 'barge' } });
  expect(forged.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  const garbage = await ask(socket, '{this is not json');
  expect(garbage).toMatchObject({ kind: 'error', error: { code: 'INVALID_PAYLOAD' } });

  const ok = await ask(socket, { kind: 'invoke', id: 4, channel: 'app:hello', payload: {} });
  expect(ok.result).toMatchObject({ ok: true });
  socket.close();

  // The page is unaffected and still live.
  await app.keyboard.press('Alt+6');
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(app.getByTestId('supervisor-name')).toHaveText('Morgan Lee');
  // Each distinct bad input is logged once, not once per retry.
  expect(host.output().match(/unknown channel “shell:openPath”/g)?.length).toBe(1);
});

test('the page runs under a strict content security policy', async ({ app, host }) => {
  const response = await app.request.get(`${host.origin}/`);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  // An injected inline script never runs.
  const ran = await app.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.appendChild(script);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});
