/**
 * One DTLS certificate for the legs of this page, made ahead of the first one.
 * Without it Chromium generates a key pair per peer connection and createOffer
 * waits for it: since main asks for the offer right behind `create` (one
 * round trip less), that wait was 10-40 ms of every click-to-audio on a busy
 * machine (bench:click). Reusing one certificate across legs is allowed
 * (RTCConfiguration.certificates); it is renewed well before it expires.
 */
const RENEW_BEFORE_MS = 24 * 3600_000;

export interface DtlsCertificates {
  /** The ready certificate, or undefined (still being made, or unsupported): Chromium then makes its own. */
  current(): RTCCertificate[] | undefined;
}

export function dtlsCertificates(now: () => number = Date.now): DtlsCertificates {
  let cert: RTCCertificate | undefined;
  let making = false;
  const make = () => {
    if (making || typeof RTCPeerConnection === 'undefined' || typeof RTCPeerConnection.generateCertificate !== 'function') return;
    making = true;
    RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams)
      .then(
        (c) => {
          cert = c;
        },
        () => undefined, // Chromium makes one per connection, as before
      )
      .finally(() => {
        making = false;
      });
  };
  make();
  return {
    current() {
      if (cert && cert.expires - now() < RENEW_BEFORE_MS) cert = undefined;
      if (!cert) make();
      return cert ? [cert] : undefined;
    },
  };
}
