/**
 * A WebRTC-capable PBX feature server for the lab: a JsSIP UA on werift,
 * registered at Kamailio under the dialled feature string, that answers the
 * supervisor's INVITE and starts sending audio (Opus frames) at once — what
 * ChanSpy does when the spied call has audio. Used to measure click-to-audio.
 * werift is a test-only dependency; production media stays in the renderer.
 */
import * as JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import { RtpHeader, RtpPacket, RTCPeerConnection as WeriftPC } from 'werift';
import { NodeWsSocket } from '../../../main/phone/nodeWsSocket';
import { installJsSipWebRtcGlobals, pcConfigWith } from '../../../main/phone/webrtcShim';

const OPUS_SILENCE = Buffer.from([0xf8, 0xff, 0xfe]);

export interface WeriftFeatureServer {
  sessions: RTCSession[];
  stop(): Promise<void>;
}

/**
 * `stunServer`: werift asks Google's STUN server when given none, which is a
 * 5 s timeout on every answer where there is no DNS (the network lab's
 * namespaces); there the lab's coturn is given instead.
 */
export async function startWeriftFeatureServer(wsUrl: string, dialled: string, options: { stunServer?: string } = {}): Promise<WeriftFeatureServer> {
  installJsSipWebRtcGlobals();
  const socket = new NodeWsSocket(wsUrl);
  const ua = new JsSIP.UA({
    sockets: [socket as unknown as JsSIP.Socket],
    uri: `sip:${dialled}@127.0.0.1`,
    authorization_user: 'sup-feature-server', // the lab Kamailio authenticates any "sup*" user
    password: 'secret',
    register: true,
    session_timers: false,
  });
  const sessions: RTCSession[] = [];
  const timers = new Set<NodeJS.Timeout>();
  ua.on('newRTCSession', (e: { originator: string; session: RTCSession }) => {
    if (e.originator !== 'remote') return;
    const session = e.session;
    sessions.push(session);
    session.on('peerconnection', (ev) => {
      const pc = ev.peerconnection as unknown as WeriftPC;
      const tr = pc.addTransceiver('audio', { direction: 'sendrecv' });
      let seq = 0;
      const timer = setInterval(() => {
        const pt = tr.codecs[0]?.payloadType;
        if (pc.connectionState !== 'connected' || pt === undefined) return;
        try {
          tr.sender.sendRtp(new RtpPacket(new RtpHeader({ payloadType: pt, sequenceNumber: ++seq & 0xffff, timestamp: seq * 960, ssrc: tr.sender.ssrc, marker: seq === 1 }), OPUS_SILENCE));
        } catch {
          /* not ready yet */
        }
      }, 5);
      timers.add(timer);
      const stop = () => {
        clearInterval(timer);
        timers.delete(timer);
      };
      session.on('ended', stop);
      session.on('failed', stop);
    });
    session.answer({ mediaConstraints: { audio: false, video: false }, pcConfig: pcConfigWith((cfg) => new WeriftPC({ ...(cfg as object), ...(options.stunServer ? { iceServers: [{ urls: options.stunServer }] } : {}) } as never)) as never });
  });
  const registered = new Promise<void>((resolve, reject) => {
    ua.once('registered', () => resolve());
    ua.once('registrationFailed', (e) => reject(new Error(`feature server registration failed: ${e.cause}`)));
  });
  ua.start();
  await registered;
  return {
    sessions,
    async stop() {
      timers.forEach(clearInterval);
      ua.stop();
      await new Promise((r) => setTimeout(r, 200));
      socket.disconnect();
    },
  };
}
