// Agents view benchmark: `npm run bench:agents` (AGENTS_BENCH_SECONDS=5 for a smoke run).
// Prints `name: value` lines. Starts the web host with 5,000 demo agents and
// 200 state changes per second, opens the Agents view in Debian's chromium
// (playwright-core), scrolls it slowly, and measures for 30 s:
//  - agents_frame_p95_ms: requestAnimationFrame deltas in the page. Chromium
//    runs with the frame-rate limit off, so a delta is the time one frame
//    really took (with vsync every delta would read 16.7 ms).
//  - agents_event_to_screen_p95_ms: main's delta `at` (when the core flushed
//    the batch) to the moment the changed agent row's text was committed to
//    the DOM (window.__spyglassPerf hook, renderer/src/views/voice/perf.ts).
// The renderer must be built (`SPYGLASS_OUT_DIR=... npx electron-vite build`);
// it is built here when missing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { startWebHostProcess } from '../e2e/webHost';

const SECONDS = Number(process.env.AGENTS_BENCH_SECONDS ?? 30);
const AGENTS = Number(process.env.AGENTS_BENCH_AGENTS ?? 5_000);
const CHANGES = Number(process.env.AGENTS_BENCH_CHANGES ?? 200);
const ROOT = path.resolve(__dirname, '../..');
const OUT = process.env.SPYGLASS_OUT_DIR ?? 'out';

declare global {
  interface Window {
    __bench: { frames: number[]; e2s: number[]; reset(): void };
  }
}

function p(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, OUT, 'renderer', 'index.html'))) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (build.status !== 0) throw new Error('electron-vite build failed');
  }
  const host = await startWebHostProcess(['--agents', String(AGENTS), '--changes-per-second', String(CHANGES)]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1400 } });
    // A string, not a function: tsx would wrap named functions in helpers the page does not have.
    await page.addInitScript(`
      (() => {
        const frames = [];
        const e2s = [];
        window.__bench = { frames, e2s, reset() { frames.length = 0; e2s.length = 0; } };
        window.__spyglassPerf = { agentRowCommitted(at, committedAt) { e2s.push(committedAt - at); } };
        let last = 0;
        const loop = (t) => { if (last) frames.push(t - last); last = t; requestAnimationFrame(loop); };
        requestAnimationFrame(loop);
      })();
    `);
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Agents' }).waitFor();
    await page.waitForFunction((n) => document.querySelector('[data-testid="agents-count"]')?.textContent === `${n} agents`, AGENTS, {
      timeout: 60_000,
    });
    // Warm up, then measure while the demo streams changes and the list scrolls slowly.
    await page.waitForTimeout(3_000);
    await page.evaluate(() => window.__bench.reset());
    const start = Date.now();
    let down = true;
    while (Date.now() - start < SECONDS * 1000) {
      await page.evaluate((dy) => document.querySelector('.agents-scroll')?.scrollBy(0, dy), down ? 600 : -600);
      const top = await page.evaluate(() => document.querySelector('.agents-scroll')?.scrollTop ?? 0);
      if (top > 150_000) down = false;
      if (top <= 0) down = true;
      await page.waitForTimeout(250);
    }
    const { frames, e2s } = await page.evaluate(() => ({ frames: [...window.__bench.frames], e2s: [...window.__bench.e2s] }));
    console.log(`agents_count: ${AGENTS}`);
    console.log(`agents_changes_per_second: ${CHANGES}`);
    console.log(`agents_measure_seconds: ${SECONDS}`);
    console.log(`agents_frames: ${frames.length}`);
    console.log(`agents_frame_p50_ms: ${fmt(p(frames, 0.5))}`);
    console.log(`agents_frame_p95_ms: ${fmt(p(frames, 0.95))}`);
    console.log(`agents_frame_max_ms: ${fmt(Math.max(...frames))}`);
    console.log(`agents_row_updates: ${e2s.length}`);
    console.log(`agents_event_to_screen_p50_ms: ${fmt(p(e2s, 0.5))}`);
    console.log(`agents_event_to_screen_p95_ms: ${fmt(p(e2s, 0.95))}`);
    // Shared build machines: read the timings against how busy the machine was.
    console.log(`agents_load_average_1m: ${(os.loadavg()[0] ?? 0).toFixed(2)}`);
    console.log(`agents_cpus: ${os.cpus().length}`);
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((e) => {
  console.error(`agents benchmark failed: ${(e as Error).message}`);
  process.exit(1);
});
