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
 * AudioWorklet that sees every render quantum of the remote track; see PROBE).
 *
 * Prints monitor_ui_click_to_audio_p50/p95_ms and the breakdown, per run:
 *  - ui_to_peer: click -> the page creates the peer connection main asked for
 *    (UI -> main over the WebSocket, rules, connector, phone, back to the page)
 *  - sip_setup: peer created -> the PBX's answer applied, split into
 *    offer (peer created -> local offer set) and offer_to_answer (the
 *    phone's candidate wait, INVITE via Kamailio, the lab server's answer,
 *    200 OK; the INVITE leaves before Chromium's gathering completes)
 *    and, with the lab server's clock (LegTimeline, same machine): offer_to_invite
 *    (the phone's candidate wait, main, Kamailio), invite_to_lab_answer, and
 *    lab_answer_to_applied (200 OK back through Kamailio and main to the page)
 *  - ice: answer applied -> ICE connected
 *  - dtls: ICE connected -> DTLS connected (connectionState). The lab server is
 *    the DTLS client, as Asterisk is (it answers actpass with a=setup:active),
 *    and sends its ClientHello when ICE completes, as Asterisk does; werift's own
 *    100 ms sleep before it is removed in the lab (tests/lab/support/weriftDtlsHello.ts)
 *  - first_audio: DTLS connected -> the first non-silent samples, split into
 *    the lab's 20 ms tone clock (dtls_to_first_tone_sent), the network and SRTP
 *    (first_tone_to_packet_seen) and Chromium's jitter buffer and audio
 *    rendering (packet_seen_to_audio)
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

/**
 * Installed before the app loads: timestamps of the monitor leg's peer connection and its first sound.
 * The sound is found by an AudioWorklet that looks at every 128-sample render quantum of the remote
 * track and posts the moment one is not silent (audioAt); the earlier AnalyserNode polled every 2 ms
 * (Chromium clamps repeated timers to 4 ms) is kept as analyserAt to show what the coarser read added.
 * packetAt: the first time the receiver lists the far end's RTP source (getSynchronizationSources).
 */
const DETECTOR = `
registerProcessor('first-sound', class extends AudioWorkletProcessor {
  process(inputs) {
    const ch = inputs[0] && inputs[0][0];
    if (ch) for (let i = 0; i < ch.length; i++) if (Math.abs(ch[i]) > 0.01) { this.port.postMessage(currentFrame + i); return false; }
    return true;
  }
});
`;
const PROBE = `
(() => {
  const probe = { clickAt: 0, runs: [] };
  // One context for all runs, made when the page loads: made per peer, it slowed the offer down.
  const ctx = new AudioContext();
  const detector = ctx.audioWorklet.addModule(URL.createObjectURL(new Blob([${JSON.stringify(DETECTOR)}], { type: 'text/javascript' })));
  window.__clickProbe = probe;
  document.addEventListener('click', (e) => {
    const b = e.target && e.target.closest && e.target.closest('button');
    if (b && /^Monitor /.test(b.getAttribute('aria-label') || b.textContent || '')) probe.clickAt = performance.now();
  }, true);
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = function (...args) {
    const pc = new Native(...args);
    const run = { clickAt: probe.clickAt, createdAt: performance.now(), offerAt: 0, firstUdpCandidateAt: 0, gatheredAt: 0, answerAt: 0, iceAt: 0, dtlsAt: 0, packetAt: 0, analyserAt: 0, audioAt: 0 };
    run.candidates = [];
    pc.addEventListener('icecandidate', (e) => { if (e.candidate) run.candidates.push(Math.round(performance.now() - run.createdAt) + 'ms ' + e.candidate.candidate.split(' ').slice(2, 8).join(' ')); });
    pc.addEventListener('icecandidate', (e) => { if (!run.firstUdpCandidateAt && e.candidate && / udp /i.test(e.candidate.candidate)) run.firstUdpCandidateAt = performance.now(); });
    pc.addEventListener('icegatheringstatechange', () => { if (pc.iceGatheringState === 'complete' && !run.gatheredAt) run.gatheredAt = performance.now(); });
    const setLocal = pc.setLocalDescription.bind(pc);
    pc.setLocalDescription = async (d) => { const r = await setLocal(d); if (!run.offerAt) run.offerAt = performance.now(); return r; };
    probe.runs.push(run);
    const setRemote = pc.setRemoteDescription.bind(pc);
    pc.setRemoteDescription = async (d) => { const r = await setRemote(d); if (d && d.type === 'answer' && !run.answerAt) run.answerAt = performance.now(); return r; };
    pc.addEventListener('iceconnectionstatechange', () => { if (!run.iceAt && (pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed')) run.iceAt = performance.now(); });
    pc.addEventListener('connectionstatechange', () => { if (!run.dtlsAt && pc.connectionState === 'connected') run.dtlsAt = performance.now(); });
    pc.addEventListener('track', (e) => {
      const src = ctx.createMediaStreamSource(new MediaStream([e.track]));
      const an = ctx.createAnalyser();
      an.fftSize = 256;
      src.connect(an);
      detector.then(() => {
        const node = new AudioWorkletNode(ctx, 'first-sound');
        node.port.onmessage = () => { if (!run.audioAt) run.audioAt = performance.now(); node.disconnect(); src.disconnect(node); };
        src.connect(node);
        node.connect(ctx.destination);
      }, (err) => { run.detectorError = String(err); });
      const buf = new Float32Array(an.fftSize);
      const t = setInterval(() => {
        if (!run.packetAt && e.receiver.getSynchronizationSources().length) run.packetAt = performance.now();
        an.getFloatTimeDomainData(buf);
        let peak = 0;
        for (const v of buf) peak = Math.max(peak, Math.abs(v));
        if (peak > 0.01 && !run.analyserAt) run.analyserAt = performance.now();
        if (run.analyserAt && run.audioAt) { clearInterval(t); an.disconnect(); }
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
  firstUdpCandidateAt: number;
  gatheredAt: number;
  answerAt: number;
  iceAt: number;
  dtlsAt: number;
  packetAt: number;
  analyserAt: number;
  audioAt: number;
  detectorError?: string;
  candidates?: string[];
  /** The lab server's side of the leg, on the page's clock (LegTimeline minus the page's timeOrigin). */
  inviteAt: number;
  answerSdpAt: number;
  serverDtlsAt: number;
  firstToneAt: number;
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
    // The probe's AudioWorklet module is a blob: URL, which the app's CSP (script-src 'self') refuses.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(host.url);
    const pageOrigin = (await page.evaluate('performance.timeOrigin')) as number;
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
        if (run?.detectorError) throw new Error(`run ${i}: the probe's AudioWorklet failed: ${run.detectorError}`);
        if (run?.audioAt && run.analyserAt) break;
        if (Date.now() > deadline) throw new Error(`run ${i}: no audio within 10 s (${JSON.stringify(run)})\n${server.log.slice(-5).join('\n')}`);
        await page.waitForTimeout(20);
      }
      const leg = server.timeline[i];
      const onPage = (t: number | undefined) => (t ? t - pageOrigin : Number.NaN);
      Object.assign(run, { inviteAt: onPage(leg?.inviteAt), answerSdpAt: onPage(leg?.answerSdpAt), serverDtlsAt: onPage(leg?.dtlsConnectedAt), firstToneAt: onPage(leg?.firstToneAt) });
      if (i > 0) runs.push(run); // the first run warms up caches and the JIT
      await page.keyboard.press('Alt+H');
      await page.getByRole('region', { name: 'Monitoring toolbar' }).waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByText(/Phone: ready/).waitFor({ timeout: 10_000 });
    }
    console.log(`# candidates of the last run (ms after the peer was made): ${runs.at(-1)?.candidates?.join(' | ')}`);
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
      ['offer_to_first_udp_candidate', (r) => r.firstUdpCandidateAt - r.offerAt],
      ['offer_to_gathering_complete', (r) => r.gatheredAt - r.offerAt],
      ['offer_to_invite', (r) => r.inviteAt - r.offerAt],
      ['invite_to_lab_answer', (r) => r.answerSdpAt - r.inviteAt],
      ['lab_answer_to_applied', (r) => r.answerAt - r.answerSdpAt],
      ['ice', (r) => r.iceAt - r.answerAt],
      ['dtls', (r) => r.dtlsAt - r.iceAt],
      ['first_audio', (r) => r.audioAt - r.dtlsAt],
      ['dtls_to_first_tone_sent', (r) => r.firstToneAt - r.dtlsAt],
      ['first_tone_to_packet_seen', (r) => r.packetAt - r.firstToneAt],
      ['packet_seen_to_audio', (r) => r.audioAt - r.packetAt],
      ['analyser_poll_minus_worklet', (r) => r.analyserAt - r.audioAt],
    ];
    for (const [name, f] of breakdown) {
      console.log(`monitor_ui_click_${name}_p50_ms: ${fmt(pct(part(f), 50))}`);
      console.log(`monitor_ui_click_${name}_p95_ms: ${fmt(pct(part(f), 95))}`);
    }
    console.log(`monitor_ui_click_load_average_1m: ${(loadavg()[0] ?? 0).toFixed(2)}`);
    console.log(`# load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
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
