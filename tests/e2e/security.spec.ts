import WebSocket from 'ws';
import { expect, test } from './fixtures';

/** Opens a raw socket the way a hostile page or local process would. */
function connect(url: string, origin?: string): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve({ ws }));
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
  expect((await connect(`${base}/bridge`, host.origin)).status).toBe(401);
  expect((await connect(`${base}/bridge?token=wrong`, host.origin)).status).toBe(401);
  expect((await connect(`${base}/bridge?token=${host.token}`, 'http://evil.example')).status).toBe(403);
  expect((await connect(`${base}/elsewhere?token=${host.token}`, host.origin)).status).toBe(403);
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
