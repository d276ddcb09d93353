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
 *    (UI -> main over the WebSocket, rules, connector, phone, back to the page),
 *    split at the page's WebSocket: click_to_start_sent (the page's voice:start
 *    leaves), start_sent_to_create_arrived (main and both hops), create_arrived_to_peer
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
import { CLICK_PROBE, fmt, pct, printParts, waitForClickRun, type ClickRun } from './clickProbe';

interface Run extends ClickRun {
  /** The lab server's side of the leg, on the page's clock (LegTimeline, wall clock, minus the page's wall-clock origin). */
  inviteAt: number;
  answerSdpAt: number;
  serverDtlsAt: number;
  firstToneAt: number;
}

const RUNS = Number(process.env.CLICK_BENCH_RUNS ?? 15);
const ROOT = resolve(__dirname, '../..');
const OUT = process.env.SPYGLASS_OUT_DIR ?? 'out';


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
    await page.addInitScript(CLICK_PROBE);
    await page.goto(host.url);
    await page.getByText(/Phone: ready/).waitFor({ timeout: 30_000 });
    const runs: Run[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await page.keyboard.press('Alt+1');
      await page.getByRole('searchbox', { name: 'Search' }).fill('Alex Kim');
      await page.getByRole('button', { name: 'Monitor Alex Kim' }).first().click();
      await page.getByRole('button', { name: 'Monitor Alex Kim' }).last().click();
      const run = (await waitForClickRun(page, i, 10_000, () => server.log.slice(-5).join('\n'))) as Run;
      const leg = server.timeline[i];
      // The page's clock against the wall clock now (read per run: the machine's clock may be stepped).
      const pageOrigin = (await page.evaluate('Date.now() - performance.now()')) as number;
      const onPage = (t: number | undefined) => (t ? t - pageOrigin : Number.NaN);
      Object.assign(run, { inviteAt: onPage(leg?.inviteAt), answerSdpAt: onPage(leg?.answerSdpAt), serverDtlsAt: onPage(leg?.dtlsConnectedAt), firstToneAt: onPage(leg?.firstToneAt) });
      if (i > 0) runs.push(run); // the first run warms up caches and the JIT
      await page.keyboard.press('Alt+H');
      await page.getByRole('region', { name: 'Monitoring toolbar' }).waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByText(/Phone: ready/).waitFor({ timeout: 10_000 });
    }
    console.log(`# candidates of the last run (ms after the peer was made): ${runs.at(-1)?.candidates?.join(' | ')}`);
    const total = runs.map((r) => r.audioAt - r.clickAt);
    console.log(`# click-to-audio through the app: web host + Chromium + Kamailio + ChanSpy-like lab server (PCMU tones), ${RUNS} runs`);
    console.log(`monitor_ui_click_to_audio_p50_ms: ${fmt(pct(total, 50))}`);
    console.log(`monitor_ui_click_to_audio_p95_ms: ${fmt(pct(total, 95))}`);
    const breakdown: [string, (r: Run) => number][] = [
      ['ui_to_peer', (r) => r.createdAt - r.clickAt],
      ['click_to_start_sent', (r) => r.startSentAt - r.clickAt],
      ['start_sent_to_create_arrived', (r) => r.createArrivedAt - r.startSentAt],
      ['create_arrived_to_peer', (r) => r.createdAt - r.createArrivedAt],
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
    printParts('monitor_ui_click', runs, breakdown);
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
