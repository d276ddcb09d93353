/**
 * Renderer events behind a method's result reach JsSIP (bench:click found it):
 * the web host's WebSocket emits every frame of one read in one synchronous
 * turn, so setLocalDescription's result and the first ICE candidates can land
 * together, while JsSIP attaches its icecandidate listener a few promise hops
 * after setLocalDescription resolves. Emitted at once, those candidates
 * reached nobody and the INVITE waited for gathering to complete (Chromium's
 * TCP candidates, ~120 ms later). Runs JsSIP's own offer code on a
 * RemotePeerConnection over the real media-host channel.
 */
import { describe, expect, it } from 'vitest';
import * as rtcSessionModule from 'jssip/lib/RTCSession';
import { createMediaHostChannel } from '../../../main/phone/mediaHost';
import { RemotePeerConnection } from '../../../main/phone/remotePeerConnection';
import type { MediaRequest, PcSnapshot } from '../../../preload/contract/phone';

const OFFER = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=rtpmap:0 PCMU/8000\r\n';
const CANDIDATE = 'candidate:1 1 udp 2113937151 192.168.1.20 50000 typ host generation 0';

let seq = 0;
const snapshot = (patch: Partial<PcSnapshot> = {}): PcSnapshot => ({
  seq: ++seq,
  signalingState: 'stable',
  iceGatheringState: 'new',
  iceConnectionState: 'new',
  connectionState: 'new',
  localDescription: null,
  remoteDescription: null,
  senders: [],
  ...patch,
});

/** JsSIP's createLocalDescription ('offer'), run on `pc` with the monitor's rule: ready on the first UDP candidate. */
function jsSipOffer(pc: RemotePeerConnection): Promise<string> {
  const session = {
    _connection: pc,
    emit(name: string, e: { candidate?: { candidate?: string }; ready?: () => void }) {
      if (name === 'icecandidate' && / udp /.test(e.candidate?.candidate ?? '')) e.ready?.();
    },
  };
  // jssip/lib/RTCSession is CommonJS (module.exports = class RTCSession): the class is the default export.
  const RTCSession = (rtcSessionModule as unknown as { default: { prototype: unknown } }).default;
  const create = (RTCSession.prototype as { _createLocalDescription: (type: string, c: object) => Promise<string> })._createLocalDescription;
  return create.call(session, 'offer', {});
}

describe('RemotePeerConnection: events that arrive with a result', () => {
  it('a UDP candidate delivered in the same turn as setLocalDescription’s result still lets JsSIP send the offer before gathering completes', async () => {
    const requests: MediaRequest[] = [];
    const channel = createMediaHostChannel((r) => requests.push(r));
    const pc = new RemotePeerConnection(channel.host, { iceServers: [] });
    const answer = (i: number, result: object) => channel.handleResponse({ seq: requests[i]!.seq, ok: true, result });
    const next = async (method: string) => {
      for (let i = 0; i < 50 && requests.at(-1)?.method !== method; i++) await new Promise((r) => setImmediate(r));
      expect(requests.at(-1)?.method).toBe(method);
      return requests.length - 1;
    };

    answer(await next('create'), { snapshot: snapshot() });
    const offered = jsSipOffer(pc);
    answer(await next('createOffer'), { desc: { type: 'offer', sdp: OFFER }, snapshot: snapshot() });
    const sld = await next('setLocalDescription');
    // One read from the socket: the result, then the first candidate (gathering never completes here).
    const local = { type: 'offer' as const, sdp: `${OFFER}a=${CANDIDATE}\r\n` };
    answer(sld, { snapshot: snapshot({ signalingState: 'have-local-offer', iceGatheringState: 'gathering', localDescription: { type: 'offer', sdp: OFFER } }) });
    channel.handleEvent({
      pcId: pc.id,
      type: 'icecandidate',
      snapshot: snapshot({ signalingState: 'have-local-offer', iceGatheringState: 'gathering', localDescription: local }),
      candidate: { candidate: CANDIDATE, sdpMid: '0', sdpMLineIndex: 0 },
    });

    const sent = await Promise.race([offered, new Promise<string>((r) => setTimeout(() => r('still waiting for gathering to complete'), 1000))]);
    expect(sent).toBe(local.sdp);
  });

  it('events keep their order, and the getters already read the latest state when they are emitted', async () => {
    const requests: MediaRequest[] = [];
    const channel = createMediaHostChannel((r) => requests.push(r));
    const pc = new RemotePeerConnection(channel.host, {});
    channel.handleResponse({ seq: requests[0]!.seq, ok: true, result: { snapshot: snapshot() } });
    const seen: string[] = [];
    for (const type of ['icegatheringstatechange', 'iceconnectionstatechange', 'connectionstatechange'] as const) {
      pc.addEventListener(type, () => seen.push(`${type}:${pc.iceConnectionState}`));
    }
    channel.handleEvent({ pcId: pc.id, type: 'icegatheringstatechange', snapshot: snapshot({ iceGatheringState: 'complete' }) });
    channel.handleEvent({ pcId: pc.id, type: 'iceconnectionstatechange', snapshot: snapshot({ iceConnectionState: 'connected' }) });
    channel.handleEvent({ pcId: pc.id, type: 'connectionstatechange', snapshot: snapshot({ iceConnectionState: 'connected', connectionState: 'connected' }) });
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['icegatheringstatechange:connected', 'iceconnectionstatechange:connected', 'connectionstatechange:connected']);
    expect(pc.connectionState).toBe('connected');
  });
});
