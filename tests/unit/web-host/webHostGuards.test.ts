import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rawRequest, startTestHost, upgradeHeaders, type TestHost } from './webHostHarness';

let running: TestHost | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(limits: Parameters<typeof startTestHost>[0] = {}, options: Parameters<typeof startTestHost>[1] = {}): Promise<TestHost> {
  running = await startTestHost(limits, options);
  return running;
}

/** A GET with a chosen Host and extra header lines. */
const get = (target: string, host: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: ${host}\r\n${extra}\r\n`;

/** Opens the bridge with the ws client and resolves how it ended: opened, HTTP-refused (status), or closed (code). */
function openBridge(url: string, headers: Record<string, string> = {}): Promise<{ ws?: WebSocket; status?: number; closeCode?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    let opened = false;
    ws.once('open', () => {
      opened = true;
      // A socket that is accepted only to be told why (4401) closes at once; wait a moment to tell.
      setTimeout(() => {
        if (ws.readyState === ws.OPEN) resolve({ ws });
      }, 100);
    });
    ws.once('close', (code) => {
      if (opened) resolve({ closeCode: code });
    });
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.once('error', () => undefined);
  });
}

async function hello(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { kind: string; id?: number; result?: unknown };
      if (frame.kind === 'result' && frame.id === 1) resolve(frame.result);
    });
    ws.send(JSON.stringify({ kind: 'invoke', id: 1, channel: 'app:hello', payload: {} }));
  });
}

describe('web host: every parse is guarded', () => {
  it('answers the crash reproduction (`GET //x:99999/bridge` upgrade) with 400 and keeps serving', async () => {
    const { host } = await start();
    const crash = await rawRequest(host.port, `GET //x:99999/bridge HTTP/1.1\r\nHost: a\r\n${upgradeHeaders}\r\n`, { waitForClose: true });
    expect(crash.status).toBe(400);
    const crashWithToken = await rawRequest(host.port, `GET //x:99999/bridge?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${upgradeHeaders}\r\n`, { waitForClose: true });
    expect(crashWithToken.status).toBe(400);
    expect((await rawRequest(host.port, get('//x:99999/', `127.0.0.1:${host.port}`))).status).toBe(400);
    expect((await rawRequest(host.port, get('http://evil.example/', `127.0.0.1:${host.port}`))).status).toBe(400);
    // Still alive and serving.
    expect((await rawRequest(host.port, get(`/?token=${host.token}`, `127.0.0.1:${host.port}`))).status).toBe(200);
  });

  it('answers malformed request lines and oversized heads with 400 and 431, not a dropped process', async () => {
    const { host } = await start({ maxHeaderBytes: 4096 });
    expect((await rawRequest(host.port, 'GARBAGE\r\n\r\n', { waitForClose: true })).status).toBe(400);
    const huge = await rawRequest(host.port, get(`/?token=${host.token}`, `127.0.0.1:${host.port}`, `X-Filler: ${'a'.repeat(6000)}\r\n`), { waitForClose: true });
    expect(huge.status).toBe(431);
    expect((await rawRequest(host.port, get(`/?token=${host.token}`, `localhost:${host.port}`))).status).toBe(200);
  });
});

describe('web host: test control frames are guarded too', () => {
  it('answers frames that are not {id, op, args} with an error instead of throwing out of the handler', async () => {
    const { host } = await start({}, { testControl: true });
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/test-control?token=${host.token}`);
    await new Promise((r) => ws.once('open', r));
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    for (const bad of ['null', '{"op": 5}', '{"id": 1, "op": "toString"}', '{"id": 2, "op": "__proto__"}', '[]']) ws.send(bad);
    ws.send(JSON.stringify({ id: 3, op: 'scenarioIds', args: [] }));
    await new Promise<void>((resolve) => {
      const check = () => (replies.some((r) => (r as { id?: number }).id === 3) ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(replies.filter((r) => (r as { ok: boolean }).ok === false)).toHaveLength(5);
    expect(replies.find((r) => (r as { id?: number }).id === 3)).toMatchObject({ ok: true, value: { longCall: 'call-alex-kim' } });
    ws.close();
  });
});

describe('web host: who may ask', () => {
  it('refuses any Host but 127.0.0.1:PORT or localhost:PORT (DNS rebinding), for pages and sockets', async () => {
    const { host } = await start();
    const token = `/?token=${host.token}`;
    expect((await rawRequest(host.port, get(token, `evil.example:${host.port}`))).status).toBe(403);
    expect((await rawRequest(host.port, get(token, '127.0.0.1'))).status).toBe(403);
    expect((await rawRequest(host.port, get(token, `127.0.0.1:${host.port + 1}`))).status).toBe(403);
    // No Host at all: HTTP/1.1 requires one (400).
    expect((await rawRequest(host.port, `GET ${token} HTTP/1.1\r\n\r\n`)).status).toBe(400);
    const socket = await rawRequest(host.port, `GET /bridge?token=${host.token} HTTP/1.1\r\nHost: evil.example:${host.port}\r\n${upgradeHeaders}\r\n`, { waitForClose: true });
    expect(socket.status).toBe(403);
    expect((await rawRequest(host.port, get(token, `localhost:${host.port}`))).status).toBe(200);
    expect((await rawRequest(host.port, get(token, `127.0.0.1:${host.port}`))).status).toBe(200);
  });

  it('refuses a WebSocket from another origin before the upgrade', async () => {
    const { host } = await start();
    const url = `ws://127.0.0.1:${host.port}/bridge?token=${host.token}`;
    expect((await openBridge(url, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await openBridge(url, { Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    const ok = await openBridge(url, { Origin: `http://localhost:${host.port}` });
    expect(ok.ws).toBeDefined();
    ok.ws?.close();
  });

  it('needs the token for the page itself, and says whether it is missing or from an earlier run', async () => {
    const { host } = await start();
    const at = `127.0.0.1:${host.port}`;
    const missing = await rawRequest(host.port, get('/', at));
    expect(missing.status).toBe(401);
    expect(missing.response).toContain('no Spyglass access token');
    expect(missing.response).toContain('open the URL printed in the terminal');
    const stale = await rawRequest(host.port, get('/?token=from-an-earlier-run', at));
    expect(stale.status).toBe(401);
    expect(stale.response).toContain('This Spyglass tab is from an earlier run');
    expect(stale.response).not.toContain(host.token);
    const staleCookie = await rawRequest(host.port, get('/', at, `Cookie: spyglass-token-${host.port}=old\r\n`));
    expect(staleCookie.response).toContain('This Spyglass tab is from an earlier run');
    expect((await rawRequest(host.port, get('/assets/app.js', at))).status).toBe(401);
  });

  it('turns the printed token into an HttpOnly, SameSite=Strict cookie that the assets and the bridge accept', async () => {
    const { host } = await start();
    const at = `127.0.0.1:${host.port}`;
    const first = await rawRequest(host.port, get(`/?token=${host.token}`, at));
    expect(first.status).toBe(200);
    const setCookie = /^set-cookie: (.*)$/im.exec(first.response)?.[1]?.trim() ?? '';
    expect(setCookie).toMatch(new RegExp(`^spyglass-token-${host.port}=${host.token};`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const cookie = `Cookie: other=1; ${setCookie.split(';')[0]}\r\n`;
    const asset = await rawRequest(host.port, get('/assets/app.js', at, cookie));
    expect(asset.status).toBe(200);
    expect(asset.response).toContain('console.log(1)');
    expect(asset.response).not.toMatch(/set-cookie/i);

    const bridge = await openBridge(`ws://${at}/bridge`, { Origin: `http://${at}`, Cookie: setCookie.split(';')[0] ?? '' });
    expect(bridge.ws).toBeDefined();
    expect(await hello(bridge.ws as WebSocket)).toMatchObject({ ok: true });
    bridge.ws?.close();
  });

  it('tells a tab of ours with a missing or stale token so with close code 4401; a non-browser client gets 401', async () => {
    const { host } = await start();
    const at = `127.0.0.1:${host.port}`;
    expect((await openBridge(`ws://${at}/bridge`, { Origin: `http://${at}`, Cookie: `spyglass-token-${host.port}=old` })).closeCode).toBe(4401);
    expect((await openBridge(`ws://${at}/bridge`, { Origin: `http://${at}` })).closeCode).toBe(4401);
    expect((await openBridge(`ws://${at}/bridge?token=wrong`)).status).toBe(401);
    expect((await openBridge(`ws://${at}/elsewhere?token=${host.token}`)).status).toBe(404);
  });
});

describe('web host: bounded connections', () => {
  it('caps concurrent connections; those over the cap are closed unanswered and the others keep working', async () => {
    const { host } = await start({ maxConnections: 4 });
    const held: net.Socket[] = [];
    for (let i = 0; i < 4; i++) {
      const s = net.connect(host.port, '127.0.0.1');
      await new Promise((r) => s.once('connect', r));
      held.push(s);
    }
    // Connected at TCP level, but the host closes it without an answer.
    const over = await rawRequest(host.port, get(`/?token=${host.token}`, `127.0.0.1:${host.port}`), { waitForClose: true });
    expect(over).toMatchObject({ closed: true, status: undefined });
    // A held connection is still served.
    const first = held[0] as net.Socket;
    const answer = new Promise<string>((resolve) => first.once('data', (d) => resolve(String(d))));
    first.write(get(`/?token=${host.token}`, `127.0.0.1:${host.port}`));
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    for (const s of held) s.destroy();
  });

  it('closes connections that send nothing, or trickle a request head, after the head timeout (slowloris, half-open)', async () => {
    const { host } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const [silent, trickle] = await Promise.all([
      rawRequest(host.port, '', { waitForClose: true }),
      rawRequest(host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Slow: 1\r\n`, { waitForClose: true }),
    ]);
    expect(silent.closed).toBe(true);
    expect(trickle).toMatchObject({ closed: true, status: 408 });
  });

  it('closes a WebSocket whose peer stopped answering pings (half-open)', async () => {
    const { host } = await start({ heartbeatMs: 100 });
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${host.token}`, { autoPong: false });
    await new Promise((r) => ws.once('open', r));
    const code = await new Promise<number>((resolve) => ws.once('close', resolve));
    expect(code).toBe(1006);
  });
});
