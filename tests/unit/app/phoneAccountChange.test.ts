/**
 * Changing the phone's account applies at once, without a restart (issue 14
 * item 5): a new server, a new password (saved from Settings) and a new
 * profile each make the phone register again, through the real core, the
 * real JsSIP softphone and two SIP-over-WebSocket listeners on 127.0.0.1 that
 * record the REGISTERs they receive.
 */
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import type { ComposedApp } from '../../../main/app/composeCore';
import type { PhoneStatus } from '../../../preload/contract/phone';
import { composeInTempDir } from '../../support/composedApp';

/** A WebSocket SIP listener that records REGISTERs and never answers them (nothing here needs a 200). */
async function registrar(): Promise<{ url: string; registers: string[]; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const registers: string[] = [];
  wss.on('connection', (ws) => ws.on('message', (data) => String(data).startsWith('REGISTER ') && registers.push(String(data))));
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    registers,
    close: () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  };
}

let app: ComposedApp;
let stop: () => Promise<void>;
let a: Awaited<ReturnType<typeof registrar>>;
let b: Awaited<ReturnType<typeof registrar>>;
const handle = async (channel: string, payload: unknown) => {
  const r = await app.core.handle(channel, payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const phoneStatus = () => handle('phone:status', {}) as Promise<PhoneStatus>;

beforeAll(async () => {
  delete process.env.SPYGLASS_SIP_PASSWORD;
  [a, b] = await Promise.all([registrar(), registrar()]);
  ({ app, stop } = await composeInTempDir('spyglass-account-', (dir) => {
    fs.writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({ 'phone.profile': 'asterisk-chanspy', 'phone.server': a.url, 'phone.user': 'sip:7001@127.0.0.1' }),
    );
    return {};
  }));
});

afterAll(async () => {
  await stop();
  await handle('phone:unregister', {}).catch(() => undefined);
  await Promise.all([a.close(), b.close()]);
});

describe('the phone follows its account without a restart', () => {
  it('registers at the new server when phone.server changes', async () => {
    await vi.waitFor(() => expect(a.registers.length).toBeGreaterThan(0), { timeout: 10_000 });
    await handle('config:set', { key: 'phone.server', value: b.url });
    await vi.waitFor(() => expect(b.registers.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect((await phoneStatus()).server).toBe(b.url);
  });

  it('registers again when the SIP password is saved in Settings', async () => {
    const before = b.registers.length;
    await handle('secrets:set', { name: 'phone.password', value: 'n3w-pass' });
    await vi.waitFor(() => expect(b.registers.length).toBeGreaterThan(before), { timeout: 10_000 });
    // Same account, nothing changed: an unrelated setting does not register again.
    const settled = b.registers.length;
    await handle('config:set', { key: 'ui.theme', value: 'dark' });
    await handle('phone:status', {});
    expect(b.registers.length).toBe(settled);
  });

  it('switches to the demo PBX when the profile changes to demo, and unregisters when the account is incomplete', async () => {
    await handle('config:set', { key: 'phone.profile', value: 'demo' });
    await vi.waitFor(async () => expect(await phoneStatus()).toMatchObject({ registration: 'registered', user: expect.stringContaining('demo-pbx.invalid') as unknown }), { timeout: 10_000 });
    await handle('config:set', { key: 'phone.server', value: '' });
    await handle('config:set', { key: 'phone.profile', value: 'freeswitch-eavesdrop' });
    await vi.waitFor(async () => expect((await phoneStatus()).registration).toBe('unregistered'), { timeout: 10_000 });
  });
});
