/**
 * werift as a PBX's DTLS client, with a PBX's timing.
 *
 * A PBX answers the browser's `a=setup:actpass` with `a=setup:active` and is the
 * DTLS client: Asterisk with webrtc=yes (dtls_setup actpass) turns an actpass
 * offer into active (res_rtp_asterisk.c, dtls_set_setup: "respond with active,
 * as we can initiate connections"), and starts the handshake the moment ICE
 * completes (ast_rtp_ice_start_media -> dtls_perform_handshake -> SSL_do_handshake).
 * werift 0.24 keeps that role (an answer is always active) but, as client,
 * sleeps 100 ms after ICE before its ClientHello
 * (node_modules/werift/lib/webrtc/src/transport/dtls.js, RTCDtlsTransport.start:
 * `await setTimeout(100)` then `dtls.connect()`). No PBX does that, so the lab
 * would add 100 ms to every leg's set-up that a user of a real PBX never waits.
 *
 * `helloAtIceCompletion(pc)` keeps werift's role and code and only moves the
 * ClientHello: when werift starts the DTLS transport (right after its ICE
 * connected) the client's connect() runs at once, and werift's own call 100 ms
 * later gets that same handshake instead of starting a second one. Lab servers
 * only; nothing in node_modules is changed.
 */
import { DtlsClient, type RTCDtlsTransport, type RTCPeerConnection } from 'werift';

const moved = new WeakSet<RTCDtlsTransport>();

function helloAtStart(transport: RTCDtlsTransport): void {
  if (moved.has(transport)) return;
  moved.add(transport);
  const start = transport.start.bind(transport);
  transport.start = () => {
    // start() makes the DtlsClient synchronously, before its 100 ms sleep.
    const started = start();
    const client = transport.dtls;
    if (client instanceof DtlsClient) {
      const hello = client.connect();
      // werift attaches its own catch when it calls connect(); until then a failure must not be unhandled.
      hello.catch(() => undefined);
      client.connect = () => hello;
    }
    return started;
  };
}

/** The answering werift peer starts its DTLS handshake when its ICE connects, as Asterisk does. Returns `pc`. */
export function helloAtIceCompletion<T extends RTCPeerConnection>(pc: T): T {
  // The DTLS transports exist once the offer is applied; werift starts them from
  // setLocalDescription(answer), after gathering, so they are wrapped just before that.
  const setLocal = pc.setLocalDescription.bind(pc);
  pc.setLocalDescription = ((...args: Parameters<T['setLocalDescription']>) => {
    pc.dtlsTransports.forEach(helloAtStart);
    return setLocal(...(args as Parameters<RTCPeerConnection['setLocalDescription']>));
  }) as T['setLocalDescription'];
  return pc;
}
