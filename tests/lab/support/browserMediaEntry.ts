/** Bundled for the lab's Chromium page: the real renderer media host + demo far end. */
import { createDemoFarEnd } from '../../../renderer/src/media/demoFarEnd';
import { mediaLevels } from '../../../renderer/src/media/levelMeter';
import { createPeerConnectionHost } from '../../../renderer/src/media/peerConnectionHost';
import type { MediaEvent } from '../../../preload/contract/phone';

// Typed through globalThis: this file is type-checked with the Node config (no DOM lib).
const page = globalThis as unknown as { __mediaEvent(e: MediaEvent): void; labMedia: unknown };

const demo = createDemoFarEnd(mediaLevels, { agentUrl: '/demo-audio/agent.ogg', customerUrl: '/demo-audio/customer.ogg' });
const host = createPeerConnectionHost({
  emit: (e) => page.__mediaEvent(e),
  onRemoteStream: (_id, s) => mediaLevels.set('output', s),
  extensions: { demoAnswer: demo.demoAnswer, demoSetMode: demo.demoSetMode, demoClose: demo.demoClose },
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
};
