// Digital supervision benchmark: `npm run bench:digital`.
// Prints `name: value` lines; asserts nothing about timings.
//
// Runs the real core and web host in this process on the demo contact center
// in its digital-heavy preset (1,000 agents, no calls, 30 chats per agent-hour:
// about 500 concurrent conversations and about 50 messages per simulated
// second in total), time-compressed (DIGITAL_BENCH_SPEED, default 2: the
// 10 simulated minutes take 5 real minutes, so the renderer takes messages 2×
// faster than the target rate; DIGITAL_BENCH_SPEED=1 is the target in real time). The renderer runs in Debian's chromium
// (playwright-core) showing the Chats tab with one conversation open beside it;
// the bench also has that conversation's customer and agent write once per
// simulated second (counted in the total).
//
//  - digital_message_to_screen_p95_ms: a message's `at` (stamped by the demo
//    when the message is created, converted from simulated to real time) to
//    the DOM commit of that message in the open transcript
//    (window.__spyglassPerf.messagesCommitted, renderer/src/views/digital/perf.ts).
//  - digital_renderer_heap_mb: the page's used JS heap after the run, after a
//    forced GC (CDP Runtime.getHeapUsage); also without the GC.
//
// Env: DIGITAL_BENCH_SPEED (2), DIGITAL_BENCH_SIM_MINUTES (10), DIGITAL_BENCH_AGENTS (1000),
// DIGITAL_BENCH_CHATS_PER_AGENT_HOUR (30). The renderer is built into
// $SPYGLASS_OUT_DIR (default .tmp/out-bench-digital) when missing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Message } from '../../preload/contract';
import { ConfigService } from '../../main/config/ConfigService';
import { createRealClock, DemoContactCenter } from '../../main/contact-center/demo';
import { silentLogger } from '../../main/core/logger';
import { SupervisorCore, type EventSink } from '../../main/core/SupervisorCore';
import { supervisionRules } from '../../main/core/supervisionRules';
import { startWebHost } from '../../main/web-host/WebHost';

const SPEED = Number(process.env.DIGITAL_BENCH_SPEED ?? 2);
const SIM_MINUTES = Number(process.env.DIGITAL_BENCH_SIM_MINUTES ?? 10);
const AGENTS = Number(process.env.DIGITAL_BENCH_AGENTS ?? 1000);
const CHATS_PER_AGENT_HOUR = Number(process.env.DIGITAL_BENCH_CHATS_PER_AGENT_HOUR ?? 30);
const ROOT = path.resolve(__dirname, '../..');
const OUT = process.env.SPYGLASS_OUT_DIR ?? '.tmp/out-bench-digital';
const CHAT = 'bench-chat';
const TARGET_CONVERSATIONS = 500;

function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

async function main(): Promise<void> {
  const staticDir = path.join(ROOT, OUT, 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SPYGLASS_OUT_DIR: OUT } });
    if (build.status !== 0) throw new Error('electron-vite build failed');
  }

  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'spyglass-bench-digital-'));
  // Our own clock, so simulated message times convert back to real time exactly.
  const realStart = Date.now();
  const clock = createRealClock({ factor: SPEED, startAt: realStart, unref: true });
  const simToReal = (at: number) => realStart + (at - realStart) / SPEED;
  const demo = DemoContactCenter.create({
    seed: 7,
    agents: AGENTS,
    clock,
    callsPerAgentHour: 0,
    chatsPerAgentHour: CHATS_PER_AGENT_HOUR,
    scenarios: [],
  });
  const config = new ConfigService({ policyFile: path.join(userData, 'policy.json'), userFile: path.join(userData, 'settings.json') }, () => {});
  const core = new SupervisorCore({
    connector: demo,
    config,
    rules: supervisionRules,
    log: silentLogger,
    now: () => clock.now(),
    host: 'web',
    version: 'bench',
    openExternal: async () => {},
  });
  await core.start();
  core.connectorStatus = { name: 'demo', state: 'online' };
  const host = await startWebHost({ core, staticDir, log: silentLogger });

  // What the core pushes: messages per simulated second and concurrent conversations.
  let messagesPushed = 0;
  let measuring = false;
  const concurrent: number[] = [];
  const emitLag: number[] = [];
  const countPushed: EventSink = (channel, payload) => {
    if (!measuring || channel !== 'digital:messages') return;
    const p = payload as { interactionId: string; messages: Message[] };
    messagesPushed += p.messages.length;
    if (p.interactionId === CHAT) for (const m of p.messages) emitLag.push(Date.now() - simToReal(m.at));
  };
  const detach = core.attach(countPushed);
  // Screens get only the conversations they opened; this counter takes every one.
  core.transcriptWatchers.watchEverything(countPushed);
  const countConversations = () => {
    let n = 0;
    for (const i of core.mirror.interactions.values()) if (i.channel !== 'voice' && i.state !== 'ended') n++;
    return n;
  };

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--enable-precise-memory-info'],
  });
  let writer: ReturnType<typeof setInterval> | undefined;
  try {
    demo.control.startChat({ id: CHAT, agentId: 'agent-1', scriptId: 'billing-en-long', channel: 'webMessaging', play: false });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // A string, not a function: tsx would wrap named functions in helpers the page does not have.
    await page.addInitScript(`
      (() => {
        const commits = [];
        const longTasks = [];
        window.__bench = { commits, longTasks };
        try {
          new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
        } catch {}
        window.__spyglassPerf = Object.assign(window.__spyglassPerf || {}, {
          messagesCommitted(interactionId, messages, committedAt) {
            for (const m of messages) commits.push([interactionId, m.id, m.at, committedAt]);
          },
        });
      })();
    `);
    await page.goto(host.url);
    await page.getByTestId('supervisor-name').filter({ hasText: 'Morgan Lee' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();
    // Rows move as 500 conversations change: narrow the list to open ours, then show them all again.
    const filter = page.getByRole('searchbox', { name: 'Filter' });
    await filter.fill(CHAT);
    await page.getByTestId(`chat-row-${CHAT}`).getByRole('rowheader').getByRole('button').click({ timeout: 60_000 });
    await page.getByTestId('conversation-details').getByRole('log', { name: 'Messages' }).waitFor();
    await filter.fill('');

    // The open conversation gets a message every simulated second, customer and agent in turn, with typing between.
    let turn = 0;
    writer = setInterval(() => {
      turn++;
      try {
        if (turn % 2) demo.control.customerSays(CHAT, `Customer line ${turn}: could you check the invoice from ${turn % 28 + 1} March?`);
        else {
          demo.control.agentTypes(CHAT, `Checking invoice ${turn}…`);
          demo.control.agentSays(CHAT, `Agent line ${turn}: I have looked at it and the adjustment is refunded.`);
        }
      } catch {
        // The conversation cannot end (pinned); a refusal here would only lose one sample.
      }
    }, 1000 / SPEED);

    // Measure once the contact center is at full size (the warm-up starts smaller).
    const rampUntil = Date.now() + 180_000;
    while (countConversations() < TARGET_CONVERSATIONS && Date.now() < rampUntil) await new Promise((r) => setTimeout(r, 1000));
    const atStart = countConversations();
    const simStart = clock.now();
    const measureFrom = Date.now();
    measuring = true;
    const realMs = (SIM_MINUTES * 60_000) / SPEED;
    while (Date.now() - measureFrom < realMs) {
      await new Promise((r) => setTimeout(r, Math.min(5_000, realMs)));
      concurrent.push(countConversations());
    }
    measuring = false;
    const simSeconds = (clock.now() - simStart) / 1000;
    clearInterval(writer);
    writer = undefined;

    const commits = (await page.evaluate('window.__bench.commits')) as [string, string, number, number][];
    const latencies = commits.filter(([, , at]) => simToReal(at) >= measureFrom).map(([, , at, committedAt]) => committedAt - simToReal(at));
    const longTasks = (await page.evaluate('window.__bench.longTasks')) as number[];
    const rows = await page.locator('tbody tr.chat-row').count();
    const cdp = await page.context().newCDPSession(page);
    const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    await cdp.send('HeapProfiler.collectGarbage');
    const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };

    const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
    console.log(`digital_agents: ${AGENTS}`);
    console.log(`digital_time_compression: ${SPEED}`);
    console.log(`digital_sim_seconds: ${simSeconds.toFixed(0)}`);
    console.log(`digital_concurrent_conversations_at_start: ${atStart}`);
    console.log(`digital_concurrent_conversations_min: ${Math.min(...concurrent)}`);
    console.log(`digital_concurrent_conversations_max: ${Math.max(...concurrent)}`);
    console.log(`digital_chats_rows_on_screen: ${rows}`);
    console.log(`digital_messages_total: ${messagesPushed}`);
    console.log(`digital_messages_per_sim_second: ${(messagesPushed / simSeconds).toFixed(1)}`);
    console.log(`digital_messages_per_real_second: ${(messagesPushed / (realMs / 1000)).toFixed(1)}`);
    console.log(`digital_messages_measured: ${latencies.length}`);
    console.log(`digital_message_to_screen_p50_ms: ${fmt(percentile(latencies, 0.5))}`);
    console.log(`digital_message_to_screen_p95_ms: ${fmt(percentile(latencies, 0.95))}`);
    console.log(`digital_message_to_screen_max_ms: ${fmt(latencies.length ? Math.max(...latencies) : Number.NaN)}`);
    console.log(`digital_core_emit_lag_p95_ms: ${fmt(percentile(emitLag, 0.95))}`);
    console.log(`digital_renderer_long_tasks: ${longTasks.length}`);
    console.log(`digital_renderer_long_task_ms_per_s: ${fmt(longTasks.reduce((a, b) => a + b, 0) / (realMs / 1000))}`);
    console.log(`digital_renderer_long_task_p95_ms: ${fmt(percentile(longTasks, 0.95))}`);
    console.log(`digital_renderer_heap_mb: ${mb(after.usedSize)}`);
    console.log(`digital_renderer_heap_before_gc_mb: ${mb(before.usedSize)}`);
    // Shared build machines: read the timings against how busy the machine was.
    console.log(`digital_load_average_1m: ${(os.loadavg()[0] ?? 0).toFixed(2)}`);
    console.log(`digital_cpus: ${os.cpus().length}`);
  } finally {
    if (writer) clearInterval(writer);
    detach();
    await browser.close();
    await host.close();
    await core.stop();
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`digital benchmark failed: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
