/**
 * Bundled for the lab's Chromium page: the renderer's real `attachMediaHost`
 * on a contract-shaped api whose transport is the playwright page (what
 * window.spyglass / the web host's WebSocket bridge are in the app).
 */
import type { SpyglassApi } from '../../../preload/contract';
import { attachMediaHost } from '../../../renderer/src/media/attachMediaHost';

type Listener = (payload: unknown) => void;
const page = globalThis as unknown as {
  __invoke(channel: string, payload: unknown): Promise<unknown>;
  __deliver: (channel: string, payload: unknown) => void;
  labAttached: { micLive(): boolean; pcIds(): string[] };
};
const listeners = new Map<string, Set<Listener>>();
page.__deliver = (channel, payload) => listeners.get(channel)?.forEach((l) => l(payload));

const api = {
  invoke: async (channel: string, payload: unknown) => ({ ok: true, value: await page.__invoke(channel, payload) }),
  on: (channel: string, l: Listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    listeners.set(channel, set);
    set.add(l);
    return () => set.delete(l);
  },
} as unknown as SpyglassApi;

const { host } = attachMediaHost(api, { demoClips: { agentUrl: '/demo-audio/agent.ogg', customerUrl: '/demo-audio/customer.ogg' } });
page.labAttached = { micLive: () => host.micLive(), pcIds: () => host.pcIds() };
