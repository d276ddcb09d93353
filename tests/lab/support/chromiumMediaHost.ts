/**
 * The real renderer media module running in headless Chromium (fake mic),
 * exposed to Node as a MediaHost — the same bridge Electron IPC or the web
 * host's WebSocket carries, here over playwright (research: chromium-bridge-test.js).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { MediaEvent, MediaResponse } from '../../../preload/contract/phone';
import type { MediaHost } from '../../../main/phone/mediaHost';
import { CHROMIUM } from './processes';

/** Where Debian's chromium is (CHROMIUM_PATH overrides); found by the lab's tool lookup. */
export { CHROMIUM };

export interface ChromiumMediaHost {
  host: MediaHost;
  page: Page;
  peakLevels(ms: number): Promise<Record<string, number>>;
  inboundPackets(pcId: string): Promise<number>;
  micLive(): Promise<boolean>;
  /** The SDP Chromium itself produced for this peer (local) and the far end's it applied (remote). */
  sdp(pcId: string): Promise<{ local: string; remote: string }>;
  /** The media host silenced this peer's remote audio (the privacy mute). */
  playbackMuted(pcId: string): Promise<boolean>;
  /** Loudest dB at each frequency in what the supervisor hears. */
  tonePeaks(ms: number, freqs: number[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function startChromiumMediaHost(): Promise<ChromiumMediaHost> {
  const bundle = await build({
    entryPoints: [join(__dirname, 'browserMediaEntry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  const audioDir = join(__dirname, '..', '..', '..', 'renderer', 'public', 'demo-audio');
  const server: Server = createServer((req, res) => {
    const m = /^\/demo-audio\/(agent|customer)\.ogg$/.exec(req.url ?? '');
    if (m) {
      res.setHeader('content-type', 'audio/ogg');
      res.end(readFileSync(join(audioDir, `${m[1]}.ogg`)));
      return;
    }
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><meta charset=utf-8><title>media</title><script>${js}</script>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
  });
  const page = await browser.newPage();
  const listeners = new Set<(e: MediaEvent) => void>();
  await page.exposeBinding('__mediaEvent', (_src, e: MediaEvent) => listeners.forEach((l) => l(e)));
  await page.goto(`http://127.0.0.1:${port}/`);
  const host: MediaHost = {
    async request(pcId, method, args) {
      const seq = Math.floor(Math.random() * 1e9);
      const res: MediaResponse = await page.evaluate(
        (req) => (globalThis as unknown as { labMedia: { host: { handle(r: unknown): Promise<unknown> } } }).labMedia.host.handle(req),
        { seq, pcId, method, args },
      ) as MediaResponse;
      if (!res.ok) throw new Error(res.error ?? 'media host error');
      return res.result ?? {};
    },
    onEvent(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  type Lab = { labMedia: { peakLevels(ms: number): Promise<Record<string, number>>; inboundPackets(id: string): Promise<number>; micLive(): boolean; sdp(id: string): { local: string; remote: string }; playbackMuted(id: string): boolean; tonePeaks(ms: number, f: number[]): Promise<Record<string, number>> } };
  return {
    host,
    page,
    peakLevels: (ms) => page.evaluate((ms) => (globalThis as unknown as Lab).labMedia.peakLevels(ms), ms),
    inboundPackets: (id) => page.evaluate((id) => (globalThis as unknown as Lab).labMedia.inboundPackets(id), id),
    micLive: () => page.evaluate(() => (globalThis as unknown as Lab).labMedia.micLive()),
    sdp: (id) => page.evaluate((id) => (globalThis as unknown as Lab).labMedia.sdp(id), id),
    playbackMuted: (id) => page.evaluate((id) => (globalThis as unknown as Lab).labMedia.playbackMuted(id), id),
    tonePeaks: (ms, freqs) => page.evaluate(([ms, freqs]) => (globalThis as unknown as Lab).labMedia.tonePeaks(ms, freqs), [ms, freqs] as [number, number[]]),
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}
