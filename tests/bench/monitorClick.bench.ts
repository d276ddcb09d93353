/**
 * Click to audio through the app (issue 15 item 2): `npm run bench:click`.
 *
 * The web host runs the real app (demo contact center, asterisk-chanspy phone
 * profile) against the SIP lab: Kamailio on loopback and the ChanSpy-like lab
 * server registered as *2222001 (Alex Kim's station), which sends the agent's
 * and the customer's tones from its first packet (answer and digit waits set
 * to 0 here: the real ones are Asterisk's, not ours). Playwright clicks
 * "Monitor" in Debian's chromium and the clock stops when the audio that
 * arrives on the page's RTCPeerConnection is no longer silent (an
 * AnalyserNode on the remote track, read every 2 ms).
 *
 * Prints monitor_ui_click_to_audio_p50/p95_ms and the breakdown, per run:
 *  - ui_to_peer: click -> the page creates the peer connection main asked for
 *    (UI -> main over the WebSocket, rules, connector, phone, back to the page)
 *  - sip_setup: peer created -> the PBX's answer applied, split into
 *    offer (peer created -> local offer set) and offer_to_answer (the
 *    phone's candidate wait, INVITE via Kamailio, the lab server's answer,
 *    200 OK; the INVITE leaves before Chromium's gathering completes)
 *  - ice: answer applied -> ICE connected
 *  - dtls: ICE connected -> DTLS connected (connectionState). About 100 ms of it
 *    is the lab server's: werift 0.24 answers our actpass with a=setup:active
 *    and, as DTLS client, sleeps 100 ms before its ClientHello
 *    (node_modules/werift/lib/webrtc/src/transport/dtls.js, start()); it also
 *    answers a non-actpass offer with active, so the role cannot be moved here
 *  - first_audio: DTLS connected -> the first non-silent samples
 * Fails (exit 1) when it cannot measure: no Chromium, Kamailio or sipp, or no audio.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startWebHostProcess } from '../e2e/webHost';
import { startChanSpyServer } from '../lab/support/chanSpyServer';
import { labVerdict, type LabTool } from '../lab/support/labTools';
import { CHROMIUM, hasBinary, startKamailio } from '../lab/support/processes';

const RUNS = Number(process.env.CLICK_BENCH_RUNS ?? 15);
const ROOT = resolve(__dirname, '../..');
const OUT = process.env.SPYGLASS_OUT_DIR ?? 'out';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

/** Installed before the app loads: timestamps of the monitor leg's peer connection and its first sound. */
const PROBE = `
(() => {
  const probe = { clickAt: 0, runs: [] };
  window.__clickProbe = probe;
  document.addEventListener('click', (e) => {
    const b = e.target && e.target.closest && e.target.closest('button');
    if (b && /^Monitor /.test(b.getAttribute('aria-label') || b.textContent || '')) probe.clickAt = performance.now();
  }, true);
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = function (...args) {
    const pc = new Native(...args);
    const run = { clickAt: probe.clickAt, createdAt: performance.now(), offerAt: 0, answerAt: 0, iceAt: 0, dtlsAt: 0, audioAt: 0 };
    const setLocal = pc.setLocalDescription.bind(pc);
    pc.setLocalDescription = async (d) => { const r = await setLocal(d); if (!run.offerAt) run.offerAt = performance.now(); return r; };
    probe.runs.push(run);
    const setRemote = pc.setRemoteDescription.bind(pc);
    pc.setRemoteDescription = async (d) => { const r = await setRemote(d); if (d && d.type === 'answer' && !run.answerAt) run.answerAt = performance.now(); return r; };
    pc.addEventListener('iceconnectionstatechange', () => { if (!run.iceAt && (pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed')) run.iceAt = performance.now(); });
    pc.addEventListener('connectionstatechange', () => { if (!run.dtlsAt && pc.connectionState === 'connected') run.dtlsAt = performance.now(); });
    pc.addEventListener('track', (e) => {
      const ctx = new AudioContext();
      const src = ctx.createMediaStreamSource(new MediaStream([e.track]));
      const an = ctx.createAnalyser();
      an.fftSize = 256;
      src.connect(an);
      const buf = new Float32Array(an.fftSize);
      const t = setInterval(() => {
        an.getFloatTimeDomainData(buf);
        let peak = 0;
        for (const v of buf) peak = Math.max(peak, Math.abs(v));
        if (peak > 0.01) { run.audioAt = performance.now(); clearInterval(t); ctx.close(); }
      }, 2);
    });
    return pc;
  };
  window.RTCPeerConnection.prototype = Native.prototype;
})();
`;

interface Run {
  clickAt: number;
  createdAt: number;
  offerAt: number;
  answerAt: number;
  iceAt: number;
  dtlsAt: number;
  audioAt: number;
}

async function main(): Promise<void> {
  const tools: LabTool[] = ['kamailio', 'sipp', 'chromium'];
  const verdict = labVerdict(tools.filter((t) => (t === 'chromium' ? !existsSync(CHROMIUM) : !hasBinary(t))), true, 'bench:click');
  if (verdict.kind === 'fail') throw new Error(verdict.reason);
  if (!existsSync(resolve(ROOT, OUT, 'renderer', 'index.html'))) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (build.status !== 0) throw new Error('electron-vite build failed');
  }
  const kam = await startKamailio();
  const server = await startChanSpyServer(kam.wsUrl, '*2222001', 'agent', { answerWaitMs: 0, digitWaitMs: 0 });
  const host = await startWebHostProcess([], { SPYGLASS_SIP_PASSWORD: 'secret' }, undefined, {
    'phone.profile': 'asterisk-chanspy',
    'phone.server': kam.wsUrl,
    'phone.user': 'sip:sup-click@127.0.0.1',
    'phone.featureCode': '*222',
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const page = await browser.newPage();
    await page.addInitScript(PROBE);
    await page.goto(host.url);
    await page.getByText(/Phone: ready/).waitFor({ timeout: 30_000 });
    const runs: Run[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await page.keyboard.press('Alt+1');
      await page.getByRole('searchbox', { name: 'Search' }).fill('Alex Kim');
      await page.getByRole('button', { name: 'Monitor Alex Kim' }).first().click();
      await page.getByRole('button', { name: 'Monitor Alex Kim' }).last().click();
      const deadline = Date.now() + 10_000;
      let run: Run | undefined;
      for (;;) {
        run = (await page.evaluate(`window.__clickProbe.runs[${i}]`)) as Run | undefined;
        if (run?.audioAt) break;
        if (Date.now() > deadline) throw new Error(`run ${i}: no audio within 10 s (${JSON.stringify(run)})\n${server.log.slice(-5).join('\n')}`);
        await page.waitForTimeout(20);
      }
      if (i > 0) runs.push(run); // the first run warms up caches and the JIT
      await page.keyboard.press('Alt+H');
      await page.getByRole('region', { name: 'Monitoring toolbar' }).waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByText(/Phone: ready/).waitFor({ timeout: 10_000 });
    }
    const total = runs.map((r) => r.audioAt - r.clickAt);
    const part = (f: (r: Run) => number) => runs.map(f);
    console.log(`# click-to-audio through the app: web host + Chromium + Kamailio + ChanSpy-like lab server (PCMU tones), ${RUNS} runs`);
    console.log(`monitor_ui_click_to_audio_p50_ms: ${fmt(pct(total, 50))}`);
    console.log(`monitor_ui_click_to_audio_p95_ms: ${fmt(pct(total, 95))}`);
    const breakdown: [string, (r: Run) => number][] = [
      ['ui_to_peer', (r) => r.createdAt - r.clickAt],
      ['sip_setup', (r) => r.answerAt - r.createdAt],
      ['offer', (r) => r.offerAt - r.createdAt],
      ['offer_to_answer', (r) => r.answerAt - r.offerAt],
      ['ice', (r) => r.iceAt - r.answerAt],
      ['dtls', (r) => r.dtlsAt - r.iceAt],
      ['first_audio', (r) => r.audioAt - r.dtlsAt],
    ];
    for (const [name, f] of breakdown) {
      console.log(`monitor_ui_click_${name}_p50_ms: ${fmt(pct(part(f), 50))}`);
      console.log(`monitor_ui_click_${name}_p95_ms: ${fmt(pct(part(f), 95))}`);
    }
    console.log(`monitor_ui_click_load_average_1m: ${(loadavg()[0] ?? 0).toFixed(2)}`);
  } finally {
    await browser.close();
    await host.stop();
    await server.stop();
    await kam.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`click-to-audio benchmark failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
