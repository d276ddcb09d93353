/**
 * After a wss:// connection was refused for its certificate: connect once
 * more, only far enough to read the certificate the server presents
 * (ClientHello → Certificate, then close; nothing is sent over it), so the
 * error can name the issuer, the subject and the expiry. The real connection
 * never talks to a server it does not trust.
 */
import * as tls from 'node:tls';
import { distinguishedName } from './pemBundle';

export interface PeerCertificateInfo {
  subject: string;
  issuer: string;
  /** ISO date-time. */
  validFrom: string;
  validTo: string;
  /** The DNS names and addresses it is for (subjectAltName), e.g. "DNS:pbx.example.com". */
  altNames: string;
  selfSigned: boolean;
}

const iso = (text: string | undefined) => {
  const ms = Date.parse(text ?? '');
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
};
const dn = (o: object | undefined) =>
  o
    ? distinguishedName(
        Object.entries(o)
          .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
          .join('\n'),
      )
    : '';

export function peerCertificateInfo(c: tls.PeerCertificate): PeerCertificateInfo {
  const subject = dn(c.subject);
  const issuer = dn(c.issuer);
  return {
    subject,
    issuer,
    validFrom: iso(c.valid_from),
    validTo: iso(c.valid_to),
    altNames: (c.subjectaltname ?? '').slice(0, 300),
    selfSigned: subject !== '' && subject === issuer,
  };
}

/** The certificate `wsUrl`'s server presents, or null (no answer within `timeoutMs`, not TLS). */
export function probeServerCertificate(wsUrl: string, timeoutMs = 3000): Promise<PeerCertificateInfo | null> {
  return new Promise((resolve) => {
    let u: URL;
    try {
      u = new URL(wsUrl);
    } catch {
      resolve(null);
      return;
    }
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const isIp = /^[\d.]+$|:/.test(host);
    const socket = tls.connect({ host, port: Number(u.port || 443), ...(isIp ? {} : { servername: host }), rejectUnauthorized: false });
    const done = (info: PeerCertificateInfo | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(info);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.once('secureConnect', () => {
      const c = socket.getPeerCertificate(false);
      done(c && Object.keys(c).length > 0 ? peerCertificateInfo(c) : null);
    });
    socket.once('error', () => done(null));
  });
}
