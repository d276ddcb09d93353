/**
 * Connects the renderer's peer-connection host to main over the contract:
 * `media:request` in, `media:response` / `media:event` out, `media:devices`
 * for the chosen microphone and speaker. Works the same over Electron IPC
 * (window.spyglass) and the web host's WebSocket bridge.
 *
 * Reload: peer connections live in this document. In Electron, host them in a
 * hidden media window (load an entry that only calls attachMediaHost) so a
 * reload of the main UI never drops an active monitor. On (re)start the host
 * reports the peers it holds with `media:hostReady`; main moves a live leg
 * whose peer is not among them onto a new peer here (a `create` under the same
 * id, then a re-INVITE: main/phone/reattach.ts), or ends it if that fails.
 */
import type { SpyglassApi } from '../../../preload/contract';
import type { AudioDevices } from '../../../preload/contract/phone';
import { createDemoFarEnd, type DemoClips } from './demoFarEnd';
import { mediaLevels, type MediaLevels } from './levelMeter';
import { createPeerConnectionHost, type PeerConnectionHost } from './peerConnectionHost';

export interface AttachOptions {
  levels?: MediaLevels;
  demoClips?: DemoClips;
}

export function attachMediaHost(api: SpyglassApi, options: AttachOptions = {}): { host: PeerConnectionHost; detach(): void } {
  const levels = options.levels ?? mediaLevels;
  let devices: AudioDevices = { inputId: '', outputId: '' };
  const demo = createDemoFarEnd(levels, options.demoClips ?? { agentUrl: './demo-audio/agent.ogg', customerUrl: './demo-audio/customer.ogg' });
  const host = createPeerConnectionHost({
    emit: (event) => void api.invoke('media:event', event),
    devices: () => devices,
    onRemoteStream: (_id, stream) => levels.set('output', stream),
    onLocalStream: (_id, stream) => levels.set('input', stream),
    extensions: { demoAnswer: demo.demoAnswer, demoSetMode: demo.demoSetMode, demoSetVoices: demo.demoSetVoices, demoClose: demo.demoClose },
  });
  const offs = [
    api.on('media:request', (request) => {
      void host.handle(request).then((response) => api.invoke('media:response', response));
    }),
    api.on('media:devices', (d) => {
      devices = d;
      void host.setOutputDevice(d.outputId);
    }),
  ];
  void api.invoke('media:hostReady', { pcIds: host.pcIds() });
  return {
    host,
    detach() {
      offs.forEach((off) => off());
      host.closeAll();
    },
  };
}
