/**
 * The page side of the click-to-audio benchmarks (bench:click against the lab, and the
 * desk-only run against a real Asterisk): a probe installed before the app loads that
 * timestamps the monitor leg's peer connection and its first sound, and the percentiles.
 */
import type { Page } from 'playwright-core';

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};
export const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

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
export const CLICK_PROBE = `
(() => {
  const probe = { clickAt: 0, runs: [] };
  // One context for all runs, made when the page loads: made per peer, it slowed the offer down.
  const ctx = new AudioContext();
  const detector = ctx.audioWorklet.addModule(URL.createObjectURL(new Blob([${JSON.stringify(DETECTOR)}], { type: 'text/javascript' })));
  window.__clickProbe = probe;
  document.addEventListener('click', (e) => {
    const b = e.target && e.target.closest && e.target.closest('button');
    if (b && /^Monitor /.test(b.getAttribute('aria-label') || b.textContent || '')) { probe.clickAt = performance.now(); probe.startSentAt = 0; probe.createArrivedAt = 0; }
  }, true);
  // The web host's WebSocket: when the page sent voice:start, and when main's 'create' for the peer arrived.
  const NativeWs = window.WebSocket;
  const send = NativeWs.prototype.send;
  NativeWs.prototype.send = function (data) {
    if (probe.clickAt && !probe.startSentAt && typeof data === 'string' && data.includes('voice:start')) probe.startSentAt = performance.now();
    return send.call(this, data);
  };
  window.WebSocket = function (...args) {
    const ws = new NativeWs(...args);
    ws.addEventListener('message', (m) => {
      if (probe.clickAt && !probe.createArrivedAt && typeof m.data === 'string' && m.data.includes('"method":"create"')) probe.createArrivedAt = performance.now();
    });
    return ws;
  };
  window.WebSocket.prototype = NativeWs.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) window.WebSocket[k] = NativeWs[k];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = function (...args) {
    const pc = new Native(...args);
    const run = { clickAt: probe.clickAt, startSentAt: probe.startSentAt, createArrivedAt: probe.createArrivedAt, createdAt: performance.now(), offerAt: 0, firstUdpCandidateAt: 0, gatheredAt: 0, answerAt: 0, iceAt: 0, dtlsAt: 0, packetAt: 0, analyserAt: 0, audioAt: 0 };
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

/** What the probe records per peer connection (page clock, performance.now()). */
export interface ClickRun {
  clickAt: number;
  /** The page's voice:start left on the web host's WebSocket / main's 'create' for the peer arrived. */
  startSentAt: number;
  createArrivedAt: number;
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
}

/** Waits until the probe's run `i` has heard the far end (both detectors), or throws with what it has. */
export async function waitForClickRun(page: Page, i: number, timeoutMs: number, context: () => string): Promise<ClickRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = (await page.evaluate(`window.__clickProbe.runs[${i}]`)) as ClickRun | undefined;
    if (run?.detectorError) throw new Error(`run ${i}: the probe's AudioWorklet failed: ${run.detectorError}`);
    if (run?.audioAt && run.analyserAt) return run;
    if (Date.now() > deadline) throw new Error(`run ${i}: no audio within ${timeoutMs} ms (${JSON.stringify(run)})\n${context()}`);
    await page.waitForTimeout(20);
  }
}

/** Prints `<prefix>_<name>_p50_ms` / `_p95_ms` for each part. */
export function printParts<R>(prefix: string, runs: R[], parts: [string, (r: R) => number][]): void {
  for (const [name, f] of parts) {
    const xs = runs.map(f);
    console.log(`${prefix}_${name}_p50_ms: ${fmt(pct(xs, 50))}`);
    console.log(`${prefix}_${name}_p95_ms: ${fmt(pct(xs, 95))}`);
  }
}
