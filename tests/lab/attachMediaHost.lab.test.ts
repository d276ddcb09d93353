/**
 * The media bridge as the app wires it: main's createMediaHostChannel <->
 * contract channels (every payload validated by the zod schemas in
 * preload/contract/phone.ts) <-> the renderer's attachMediaHost in Chromium.
 * Demo mode end to end, then a reload of the page hosting the media (the leg moves to it).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPbx } from '../../main/phone/demoPbx/demoPbx';
import { createMediaHostChannel, type MediaHost } from '../../main/phone/mediaHost';
import { JsSipSoftphone } from '../../main/phone/softphone';
import { phoneCommands } from '../../preload/contract/phone';
import { CHROMIUM } from './support/chromiumMediaHost';
import { labUnavailableReason } from './support/processes';

const skip = labUnavailableReason(['chromium'], 'media bridge lab');
if (skip) console.warn(skip);

const until = async (cond: () => boolean | Promise<boolean>, what: string, ms = 10000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 30));
  }
};

describe.skipIf(!!skip)('media bridge over the contract channels (attachMediaHost in Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let server: Server;
  let phone: JsSipSoftphone;
  let pbx: DemoPbx;
  let mediaHost: MediaHost;
  const invalid: string[] = [];
  const hostReadyCalls: string[][] = [];
  const validated: Record<string, number> = {};

  beforeAll(async () => {
    const js = (await build({ entryPoints: [join(__dirname, 'support', 'browserAttachEntry.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' })).outputFiles[0]!.text;
    const audio = join(__dirname, '..', '..', 'renderer', 'public', 'demo-audio');
    server = createServer((req, res) => {
      const m = /^\/demo-audio\/(agent|customer)\.ogg$/.exec(req.url ?? '');
      if (m) return void res.end(readFileSync(join(audio, `${m[1]}.ogg`)));
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><meta charset=utf-8><title>media</title><script>${js}</script>`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'] });
    page = await browser.newPage();

    const channel = createMediaHostChannel((req) => {
      // After teardown the page is gone; late requests (a BYE's cleanup) have nobody to reach.
      page.evaluate(([c, p]) => (globalThis as unknown as { __deliver(c: string, p: unknown): void }).__deliver(c, p), ['media:request', req] as const).catch(() => undefined);
    });
    mediaHost = channel.host;
    pbx = new DemoPbx({ mediaHost: channel.host });
    phone = new JsSipSoftphone({ mediaHost: channel.host, createSocket: pbx.createSocket });
    // What main's IPC / WebSocket handler does: validate against the contract, then dispatch.
    await page.exposeBinding('__invoke', (_src, name: string, payload: unknown) => {
      const def = phoneCommands[name as keyof typeof phoneCommands];
      const parsed = def?.req.safeParse(payload);
      if (!def || !parsed?.success) {
        invalid.push(`${name}: ${parsed?.error?.message ?? 'unknown channel'}`);
        return {};
      }
      validated[name] = (validated[name] ?? 0) + 1;
      if (name === 'media:response') channel.handleResponse(parsed.data);
      else if (name === 'media:event') channel.handleEvent(parsed.data);
      else if (name === 'media:hostReady') {
        const ids = (parsed.data as { pcIds: string[] }).pcIds;
        hostReadyCalls.push(ids);
        phone.mediaHostReady(ids);
      }
      return {};
    });
    await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    await until(() => hostReadyCalls.length === 1, 'the media host announced itself');
    expect((await phone.register(pbx.account())).registration).toBe('registered');
  });
  afterAll(async () => {
    await phone?.unregister();
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('monitors through the real renderer module with every payload passing the contract', async () => {
    const m = await phone.startMonitor({ target: '1001', mode: 'monitor' });
    expect(m.state).toBe('active');
    // Chromium's own getStats: the selected pair's local candidate is a host candidate (same page, no TURN).
    await until(() => phone.status().monitor?.relayed === false, 'the selected ICE path reported');
    await phone.setMode('coach');
    await until(() => page.evaluate(() => (globalThis as unknown as { labAttached: { micLive(): boolean } }).labAttached.micLive()), 'mic live in coach');
    await phone.setMode('monitor');
    expect(validated['media:response']).toBeGreaterThan(5);
    expect(validated['media:event']).toBeGreaterThan(3);
    await until(async () => !(await page.evaluate(() => (globalThis as unknown as { labAttached: { micLive(): boolean } }).labAttached.micLive())), 'mic off in monitor');
    expect(invalid).toEqual([]);
  });

  it('ICE servers and forced relay reach Chromium\'s RTCPeerConnection; a non-ICE URL is refused before it', async () => {
    // Record what the real constructor was configured with (getConfiguration is Chromium's own view).
    await page.evaluate(() => {
      const g = globalThis as unknown as { RTCPeerConnection: typeof RTCPeerConnection; __iceSeen: RTCConfiguration[] };
      const Real = g.RTCPeerConnection;
      g.__iceSeen = [];
      g.RTCPeerConnection = class extends Real {
        constructor(c?: RTCConfiguration) {
          super(c);
          g.__iceSeen.push(this.getConfiguration());
        }
      };
    });
    const ice = { iceServers: [{ urls: ['turn:127.0.0.1:3478?transport=udp', 'turns:127.0.0.1:443?transport=tcp'], username: 'u', credential: 'p' }], iceTransportPolicy: 'relay' };
    const channel = mediaHost;
    await channel.request('ice-lab-1', 'create', [ice]);
    const seen = await page.evaluate(() => (globalThis as unknown as { __iceSeen: RTCConfiguration[] }).__iceSeen);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ iceTransportPolicy: 'relay', iceServers: [{ urls: ice.iceServers[0]!.urls, username: 'u', credential: 'p' }] });
    await expect(channel.request('ice-lab-2', 'create', [{ iceServers: [{ urls: ['http://127.0.0.1/'] }] }])).rejects.toThrow(/ICE server settings are not usable/);
    expect(await page.evaluate(() => (globalThis as unknown as { __iceSeen: RTCConfiguration[] }).__iceSeen.length)).toBe(1);
    await channel.request('ice-lab-1', 'close', []);
  });

  it('a reload of the media page keeps the leg: a new peer there, the same dialog re-INVITEd, coach and its mic back once audio flows', async () => {
    const micLive = () => page.evaluate(() => (globalThis as unknown as { labAttached: { micLive(): boolean } }).labAttached.micLive());
    expect(phone.status().monitor?.state).toBe('active');
    await phone.setMode('coach');
    await until(micLive, 'mic live in coach');
    const callId = pbx.activeLegs()[0]!.call.callId;
    await page.reload();
    await until(() => hostReadyCalls.length === 2, 'the reloaded media host announced itself');
    expect(hostReadyCalls[1]).toEqual([]);
    // Chromium's real peer in the new page, answered by a new demo far end there: audio flows again.
    await until(() => phone.status().monitor?.reattaching === undefined && phone.status().monitor?.audio === 'flowing', 'audio on the reloaded page', 20_000);
    expect(phone.status().monitor).toMatchObject({ state: 'active', mode: 'coach' });
    await until(micLive, 'the coach mic is back in the new page');
    expect(pbx.activeLegs()).toMatchObject([{ mode: 'coach', call: { callId } }]);
    await phone.end();
    await until(() => pbx.activeLegs().length === 0, 'the demo PBX got the BYE');
    // and monitoring works again on the new media host
    expect((await phone.startMonitor({ target: '1002', mode: 'monitor' })).state).toBe('active');
    await phone.end();
    expect(invalid).toEqual([]);
  });
});
