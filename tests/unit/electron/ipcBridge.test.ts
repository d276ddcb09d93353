/**
 * main/electron/ipcBridge.ts under a fake `electron`: a command is served
 * only to the top frame of our app:// page, through the channels of the
 * contract and no other.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../../preload/contract';
import { wireIpc } from '../../../main/electron/ipcBridge';
import { invoke, recorded, resetFakeElectron } from './fakeElectron';
import { createTestCore } from './testCore';

vi.mock('electron', () => import('./fakeElectron'));

const { core, logLines, stop } = createTestCore('electron');

beforeAll(() => {
  resetFakeElectron();
  wireIpc(core);
});
afterAll(() => stop());

/** An invoke event as Electron builds it for a frame at `url`. */
const eventFrom = (url: string | null, options: { subframe?: boolean } = {}) => ({
  sender: { id: 1 },
  senderFrame: url === null ? null : { url, parent: options.subframe ? { url: 'app://spyglass/index.html' } : null },
});

describe('IPC bridge', () => {
  it('serves a command from the top frame of our own app:// page', async () => {
    const result = await invoke('spyglass:cmd:app:hello', eventFrom('app://spyglass/index.html'), {});
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ product: 'Spyglass', host: 'electron' }) });
  });

  it('also serves the hidden media window', async () => {
    expect(await invoke('spyglass:cmd:app:hello', eventFrom('app://spyglass/media.html'), {})).toMatchObject({ ok: true });
  });

  it.each([
    ['a foreign web page', 'https://evil.example/index.html'],
    ['a look-alike app:// host', 'app://spyglass.evil/index.html'],
    ['file://', 'file:///tmp/index.html'],
    ['credentials in the URL', 'app://x@spyglass/index.html'],
    ['a destroyed frame', null],
  ])('refuses %s and says why, without running the command', async (_name, url) => {
    const before = logLines.length;
    const result = await invoke('spyglass:cmd:supervisor:setStatus', eventFrom(url), { status: 'Available' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_SENDER' }) });
    expect(logLines.slice(before).join('\n')).toMatch(/Refused “supervisor:setStatus” from an untrusted frame/);
  });

  it('refuses a subframe even of our own origin', async () => {
    const result = await invoke('spyglass:cmd:app:hello', eventFrom('app://spyglass/index.html', { subframe: true }), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_SENDER' } });
  });

  it('registers exactly the contract’s commands: any other channel has no handler', async () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(commandNames.map((name) => `spyglass:cmd:${name}`).sort());
    await expect(invoke('spyglass:cmd:shell:exec', eventFrom('app://spyglass/index.html'), {})).rejects.toThrow(/No handler registered/);
  });

  it('a trusted sender still gets its payload checked by the contract', async () => {
    const result = await invoke('spyglass:cmd:supervisor:setStatus', eventFrom('app://spyglass/index.html'), { status: 'Available', extra: 1 });
    expect(result).toMatchObject({ ok: false });
  });
});
