/**
 * What "live only when true" costs: start in coach against the ChanSpy-like
 * lab server (tests/lab/support/chanSpyServer.ts: answer wait, then a 100 ms digit wait after
 * answer, audio only once spying), the supervisor being the real renderer
 * media module in headless Chromium. Prints `name: value` lines:
 *  - coach_click_to_first_audio_p50_ms / _p95_ms: startMonitor -> first inbound RTP (Chromium getStats)
 *  - coach_click_to_live_p50_ms / _p95_ms: startMonitor -> resolved in coach (the digit went out once
 *    ChanSpy began spying, i.e. after its first audio, and INFO was answered 200)
 *  - coach_live_after_audio_p50_ms: the gate's share (the 250 ms inbound-audio report period dominates)
 *  - coach_digits_swallowed: digits ChanSpy threw away over all runs (0 = every start reached the agent)
 */
import { existsSync } from 'node:fs';
import { asteriskChanSpy } from '../../main/phone/pbxProfiles';
import { JsSipSoftphone } from '../../main/phone/softphone';
import { startChanSpyServer } from '../lab/support/chanSpyServer';
import { CHROMIUM, startChromiumMediaHost } from '../lab/support/chromiumMediaHost';
import { labUnavailableReason, startKamailio } from '../lab/support/processes';

const RUNS = 10;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

async function main(): Promise<void> {
  // A benchmark that cannot measure fails: a quiet exit 0 with no numbers reads as "nothing regressed".
  const missing = labUnavailableReason(['kamailio', 'sipp']) ?? (existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM}`);
  if (missing) throw new Error(`bench:chanSpyLive cannot measure: ${missing}`);
  const kam = await startKamailio();
  const media = await startChromiumMediaHost();
  const server = await startChanSpyServer(kam.wsUrl, '*2229100');
  const phone = new JsSipSoftphone({ mediaHost: media.host });
  try {
    await phone.register({ wsUrl: kam.wsUrl, uri: 'sip:sup1@127.0.0.1', password: 'secret', profile: asteriskChanSpy() });
    const toAudio: number[] = [];
    const toLive: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      let audioAt = 0;
      const started = phone.startMonitor({ target: '9100', mode: 'coach' });
      const poll = (async () => {
        while (!audioAt) {
          const pc = (phone.activeMonitor?.peer as unknown as { id?: string } | null)?.id;
          if (pc && (await media.inboundPackets(pc)) > 0) audioAt = performance.now();
          else await new Promise((r) => setTimeout(r, 5));
          if (performance.now() - t0 > 10_000) break;
        }
      })();
      const m = await started;
      const liveAt = performance.now();
      await poll;
      if (m.mode !== 'coach') throw new Error(`run ${i}: not in coach (${m.problem?.message ?? m.state})`);
      toAudio.push(audioAt - t0);
      toLive.push(liveAt - t0);
      await phone.end();
      await new Promise((r) => setTimeout(r, 200));
    }
    const gate = toLive.map((l, i) => l - toAudio[i]!);
    console.log(`# ${RUNS} starts in coach; loopback Kamailio, ChanSpy-like server (answer wait for the first frame, then a 100 ms digit wait)`);
    console.log(`coach_click_to_first_audio_p50_ms: ${fmt(pct(toAudio, 50))}`);
    console.log(`coach_click_to_first_audio_p95_ms: ${fmt(pct(toAudio, 95))}`);
    console.log(`coach_click_to_live_p50_ms: ${fmt(pct(toLive, 50))}`);
    console.log(`coach_click_to_live_p95_ms: ${fmt(pct(toLive, 95))}`);
    console.log(`coach_live_after_audio_p50_ms: ${fmt(pct(gate, 50))}`);
    console.log(`coach_digits_swallowed: ${server.swallowed.length}`);
  } finally {
    await phone.unregister();
    await server.stop();
    await media.close();
    await kam.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
