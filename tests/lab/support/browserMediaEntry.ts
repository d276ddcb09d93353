/** Bundled for the lab's Chromium page: the real renderer media host + demo far end. */
import { createDemoFarEnd } from '../../../renderer/src/media/demoFarEnd';
import { audioContext, mediaLevels } from '../../../renderer/src/media/levelMeter';
import { createPeerConnectionHost } from '../../../renderer/src/media/peerConnectionHost';
import type { MediaEvent } from '../../../preload/contract/phone';

// Typed through globalThis: this file is type-checked with the Node config (no DOM lib).
const page = globalThis as unknown as { __mediaEvent(e: MediaEvent): void; labMedia: unknown };

const demo = createDemoFarEnd(mediaLevels, { agentUrl: '/demo-audio/agent.ogg', customerUrl: '/demo-audio/customer.ogg' });
let output: Parameters<typeof mediaLevels.set>[1] = null;
const host = createPeerConnectionHost({
  emit: (e) => page.__mediaEvent(e),
  onRemoteStream: (_id, s) => {
    output = s;
    mediaLevels.set('output', s);
  },
  extensions: { demoAnswer: demo.demoAnswer, demoSetMode: demo.demoSetMode, demoSetVoices: demo.demoSetVoices, demoClose: demo.demoClose },
});

page.labMedia = {
  host,
  /** Max level per meter over `ms` (the fake mic beeps once a second). */
  async peakLevels(ms: number): Promise<Record<string, number>> {
    const peak: Record<string, number> = {};
    const end = performance.now() + ms;
    while (performance.now() < end) {
      for (const [k, v] of Object.entries(mediaLevels.read())) peak[k] = Math.max(peak[k] ?? 0, v);
      await new Promise((r) => setTimeout(r, 10));
    }
    return peak;
  },
  async inboundPackets(pcId: string): Promise<number> {
    const pc = host.peer(pcId);
    if (!pc) return -1;
    let n = 0;
    (await pc.getStats()).forEach((r: { type: string; packetsReceived?: number }) => {
      if (r.type === 'inbound-rtp') n += r.packetsReceived ?? 0;
    });
    return n;
  },
  micLive: () => host.micLive(),
  /** What Chromium produced (local) and took from the far end (remote) for this peer. */
  sdp(pcId: string): { local: string; remote: string } {
    const pc = host.peer(pcId);
    return { local: pc?.localDescription?.sdp ?? '', remote: pc?.remoteDescription?.sdp ?? '' };
  },
  playbackMuted: (pcId: string) => host.playbackMuted(pcId),
  /** Loudest dB seen at each frequency in what the supervisor hears, over `ms`. */
  async tonePeaks(ms: number, freqs: number[]): Promise<Record<string, number>> {
    if (!output) return {};
    const ctx = audioContext();
    await ctx.resume().catch(() => undefined);
    const src = ctx.createMediaStreamSource(output);
    const an = ctx.createAnalyser();
    an.fftSize = 4096;
    src.connect(an);
    const bins = new Float32Array(an.frequencyBinCount);
    const peak: Record<string, number> = {};
    const end = performance.now() + ms;
    while (performance.now() < end) {
      an.getFloatFrequencyData(bins);
      for (const f of freqs) {
        const i = Math.round((f / (ctx.sampleRate / 2)) * bins.length);
        const v = Math.max(bins[i - 1] ?? -200, bins[i] ?? -200, bins[i + 1] ?? -200);
        peak[f] = Math.max(peak[f] ?? -200, v);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    src.disconnect();
    return peak;
  },
};
