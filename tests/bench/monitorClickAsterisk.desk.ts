/**
 * Click to audio against a real Asterisk (desk only, not part of `npm run bench`: it needs the
 * lab Asterisk of /work/asterisk-lab/NOTES.md running, with its baresip agents):
 *   npx tsx tests/bench/monitorClickAsterisk.desk.ts
 *
 * The same probe as bench:click (clickProbe.ts), but the app runs on the Asterisk connector
 * (AMI as the lab's `spyglass` user) and its softphone is the lab's WebRTC supervisor 2001
 * (ws://127.0.0.1:8188/ws, asterisk-chanspy, *222). A carrier call (sipp, 350 Hz) goes into the
 * support queue, the agent whose phone rings answers (baresip, a 4x0 Hz tone), and Playwright
 * clicks Monitor on that agent; the clock stops at the first non-silent samples ChanSpy sends.
 * Everything after the INVITE is Asterisk's own: its answer, ICE (pjnath), its DTLS client,
 * ChanSpy's answer wait for the supervisor's first frame and its start of spying.
 * Prints monitor_ui_click_asterisk_to_audio_p50/p95_ms and the page-side breakdown.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startWebHostProcess } from '../e2e/webHost';
import { CHROMIUM } from '../lab/support/processes';
import { CLICK_PROBE, fmt, pct, printParts, waitForClickRun, type ClickRun } from './clickProbe';

const RUNS = Number(process.env.CLICK_BENCH_RUNS ?? 10);
const ROOT = resolve(__dirname, '../..');
const OUT = process.env.SPYGLASS_OUT_DIR ?? 'out';
const AGENTS: Record<string, string> = { '1001': 'Alex Kim', '1002': 'Maria Lopez', '1003': 'Sam Patel', '1004': 'Jordan Lee' };

interface Ami {
  waitFor(pred: (m: Record<string, string>) => boolean, ms?: number): Promise<Record<string, string> | undefined>;
  close(): void;
}
interface LabApi {
  adminSession(): Promise<Ami>;
  phone(ext: string, command: string, params?: string): Promise<unknown>;
  customerCall(o: { did: string; name: string; number: string }): { pid: number; exited: Promise<number> };
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  if (!existsSync(resolve(ROOT, OUT, 'renderer', 'index.html'))) throw new Error(`no renderer build in ${OUT} (electron-vite build)`);
  const labModule: string = '../fixtures/asterisk/record/lab.mjs';
  const lab = (await import(labModule)) as LabApi;
  const admin = await lab.adminSession();
  // Listened for before the call: the phones may answer by themselves (answermode auto).
  const ringing = admin.waitFor((m) => m.Event === 'AgentCalled' && /^PJSIP\/100\d$/.test(m.Interface ?? ''), 20_000);
  const connected = admin.waitFor((m) => m.Event === 'AgentConnect', 25_000);
  const caller = lab.customerCall({ did: '8005550100', name: 'Click Bench', number: '+14155550199' });
  let ext = '';
  const host = await startWebHostProcess(
    [],
    { SPYGLASS_AMI_SECRET: 'lab-spyglass-ami-secret', SPYGLASS_SIP_PASSWORD: 'lab-super-2001' },
    { connector: 'asterisk', 'asterisk.host': '127.0.0.1', 'asterisk.port': 5238, 'asterisk.user': 'spyglass' },
    { 'phone.profile': 'asterisk-chanspy', 'phone.server': 'ws://127.0.0.1:8188/ws', 'phone.user': 'sip:2001@127.0.0.1', 'phone.featureCode': '*222' },
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const rang = await ringing;
    if (!rang) throw new Error('no agent phone rang for the carrier call');
    ext = rang.Interface!.replace('PJSIP/', '');
    await lab.phone(ext, 'accept').catch(() => undefined); // answered already where the phone auto-answers
    if (!(await connected)) throw new Error(`agent ${ext} did not connect`);
    const name = AGENTS[ext]!;
    // The probe's AudioWorklet module is a blob: URL, which the app's CSP (script-src 'self') refuses.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.addInitScript(CLICK_PROBE);
    await page.goto(host.url);
    await page.getByText(/Phone: ready/).waitFor({ timeout: 30_000 });
    const runs: ClickRun[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await page.keyboard.press('Alt+1');
      await page.getByRole('searchbox', { name: 'Search' }).fill(name);
      await page.getByRole('button', { name: `Monitor ${name}` }).first().click();
      await page.getByRole('button', { name: `Monitor ${name}` }).last().click();
      const run = await waitForClickRun(page, i, 10_000, () => host.output().slice(-2000));
      if (i > 0) runs.push(run); // the first run warms up caches and the JIT
      await page.keyboard.press('Alt+H');
      await page.getByRole('region', { name: 'Monitoring toolbar' }).waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByText(/Phone: ready/).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300); // ChanSpy's channel is gone before the next INVITE
    }
    const total = runs.map((r) => r.audioAt - r.clickAt);
    console.log(`# click-to-audio through the app against a real Asterisk (lab, ChanSpy on ${ext} ${name}), ${RUNS} runs`);
    console.log(`monitor_ui_click_asterisk_to_audio_p50_ms: ${fmt(pct(total, 50))}`);
    console.log(`monitor_ui_click_asterisk_to_audio_p95_ms: ${fmt(pct(total, 95))}`);
    printParts('monitor_ui_click_asterisk', runs, [
      ['ui_to_peer', (r) => r.createdAt - r.clickAt],
      ['offer', (r) => r.offerAt - r.createdAt],
      ['offer_to_answer', (r) => r.answerAt - r.offerAt],
      ['ice', (r) => r.iceAt - r.answerAt],
      ['dtls', (r) => r.dtlsAt - r.iceAt],
      ['first_audio', (r) => r.audioAt - r.dtlsAt],
      ['packet_seen_to_audio', (r) => r.audioAt - r.packetAt],
    ]);
    console.log(`# candidates of the last run: ${runs.at(-1)?.candidates?.join(' | ')}`);
    console.log(`# load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  } finally {
    await browser.close();
    await host.stop();
    if (ext) await lab.phone(ext, 'hangup').catch(() => undefined);
    try {
      process.kill(caller.pid);
    } catch {
      /* the caller already ended */
    }
    admin.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`click-to-audio (Asterisk) failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
