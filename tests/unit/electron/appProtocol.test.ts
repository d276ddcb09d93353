/**
 * main/electron/appProtocol.ts under a fake `electron`: app://spyglass/
 * serves the built renderer and nothing outside it, with the same CSP as
 * the web host (one definition, main/app/csp.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../main/app/csp';
import { appScheme, isAppUrl, registerAppScheme, serveRenderer } from '../../../main/electron/appProtocol';
import { startWebHost } from '../../../main/web-host/WebHost';
import { recorded, resetFakeElectron } from './fakeElectron';
import { createTestCore } from './testCore';

vi.mock('electron', () => import('./fakeElectron'));

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-app-protocol-'));
const rendererDir = path.join(root, 'renderer');
fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Spyglass</title>');
fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the renderer');

beforeAll(() => {
  resetFakeElectron();
  registerAppScheme();
  serveRenderer(rendererDir);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const get = (url: string) => recorded.protocolHandlers.get(appScheme)!(new Request(url));

describe('app:// protocol', () => {
  it('is registered as a secure, standard scheme with fetch', () => {
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
  });

  it('serves the renderer with its type, nosniff and the CSP', async () => {
    const response = await get('app://spyglass/assets/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(await (await get('app://spyglass/')).text()).toContain('<title>Spyglass</title>');
  });

  it.each([
    'app://spyglass/../secret.txt',
    'app://spyglass/%2e%2e/secret.txt',
    'app://spyglass/assets/..%2f..%2fsecret.txt',
    'app://spyglass/..%5c..%5csecret.txt',
    `app://spyglass/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
    'app://spyglass/index.html%00.js',
    'app://spyglass/missing.js',
    'app://other/index.html',
  ])('answers 404 and reads nothing outside the renderer for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the renderer');
  });
});

describe('one CSP for both hosts', () => {
  it("Electron's policy is the web host's without the bridge socket, directive for directive", async () => {
    const electron = (await get('app://spyglass/index.html')).headers.get('content-security-policy')!;
    const web = contentSecurityPolicy('http://127.0.0.1:4321');
    expect(web.replace(' ws://127.0.0.1:4321', '')).toBe(electron);
    for (const directive of ["script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "connect-src 'self'"]) {
      expect(electron.split('; ')).toContain(directive);
    }
    expect(electron).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('the web host sends the same policy, plus its own bridge socket', async () => {
    const { core, log, stop } = createTestCore('web');
    const host = await startWebHost({ core, staticDir: rendererDir, log, port: 0 });
    try {
      const web = (await fetch(host.url)).headers.get('content-security-policy')!;
      const electron = (await get('app://spyglass/index.html')).headers.get('content-security-policy')!;
      expect(web).toBe(contentSecurityPolicy(host.origin));
      expect(web.replace(` ${host.origin.replace(/^http/, 'ws')}`, '')).toBe(electron);
    } finally {
      await host.close();
      await stop();
    }
  });
});

describe('isAppUrl', () => {
  it('knows our origin from look-alikes', () => {
    expect(isAppUrl('app://spyglass/index.html')).toBe(true);
    expect(isAppUrl('app://spyglass')).toBe(true);
    for (const url of ['app://spyglass.evil/', 'app://spyglass:1/', 'app://a@spyglass/', 'https://spyglass/', 'app:spyglass', '', undefined]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });
});
