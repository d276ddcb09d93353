/**
 * The lab PBX's DTLS role and timing (tests/lab/support/weriftDtlsHello.ts),
 * between two real werift peers on this machine: the "browser" offers
 * a=setup:actpass like Chromium, the "PBX" answers. RFC 5763 §5 / RFC 8842 §5.3:
 * the answerer to actpass picks active or passive; Asterisk (and werift) pick
 * active, so the PBX is the DTLS client and speaks first. What changes is when:
 * the PBX's ClientHello must leave as soon as its DTLS transport starts after
 * ICE (Asterisk: SSL_do_handshake on ICE completion), not after werift's 100 ms sleep.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RTCPeerConnection } from 'werift';
import { helloAtIceCompletion } from '../../lab/support/weriftDtlsHello';

const isDtls = (b: Buffer) => b.length > 0 && b[0]! >= 20 && b[0]! <= 63; // RFC 7983 demultiplexing

const peers: RTCPeerConnection[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

/** Connects a browser-like offerer (actpass) to a PBX answerer; reports the answer and whether the
 * PBX's first DTLS record had left by the next event-loop turn after its DTLS transport started. */
async function connect(pbx: RTCPeerConnection) {
  const browser = new RTCPeerConnection({ iceServers: [] });
  peers.push(browser, pbx);
  browser.addTransceiver('audio', { direction: 'sendrecv' });
  pbx.addTransceiver('audio', { direction: 'sendrecv' });
  await browser.setLocalDescription(await browser.createOffer());
  const offer = browser.localDescription!.sdp.replace(/a=setup:\w+/g, 'a=setup:actpass');
  await pbx.setRemoteDescription({ type: 'offer', sdp: offer });
  let dtlsSent = 0;
  let helloByNextTurn: boolean | undefined;
  for (const t of pbx.dtlsTransports) {
    const conn = t.iceTransport.connection as unknown as { send(b: Buffer): Promise<void> };
    const send = conn.send.bind(conn);
    conn.send = (b: Buffer) => {
      if (isDtls(b)) dtlsSent++;
      return send(b);
    };
    t.onStateChange.subscribe((s) => {
      // 'connecting' is set inside start(), right before the handshake begins.
      if (s === 'connecting') setImmediate(() => (helloByNextTurn ??= dtlsSent > 0));
    });
  }
  await pbx.setLocalDescription(await pbx.createAnswer());
  const answer = pbx.localDescription!.sdp;
  await browser.setRemoteDescription({ type: 'answer', sdp: answer });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('DTLS did not connect')), 10_000);
    pbx.connectionStateChange.subscribe((s) => {
      if (s === 'connected') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { answer, helloByNextTurn };
}

describe('lab PBX DTLS (werift, as Asterisk)', () => {
  it('answers actpass with a=setup:active and sends its ClientHello when its DTLS transport starts', async () => {
    const { answer, helloByNextTurn } = await connect(helloAtIceCompletion(new RTCPeerConnection({ iceServers: [] })));
    expect(answer).toMatch(/^a=setup:active\r?$/m);
    expect(helloByNextTurn).toBe(true);
  });

  it('plain werift keeps the same role but holds its ClientHello back (the 100 ms this removes)', async () => {
    const { answer, helloByNextTurn } = await connect(new RTCPeerConnection({ iceServers: [] }));
    expect(answer).toMatch(/^a=setup:active\r?$/m);
    expect(helloByNextTurn).toBe(false);
  });
});
