/**
 * PEM certificate bundles (a CA file from IT policy, the OS bundle): split,
 * parse every certificate with Node's X509Certificate, and say exactly which
 * one is wrong. Bounded: a caller passes the text already cut to a size limit,
 * and at most MAX_CERTIFICATES are kept; the scan is linear in the text.
 */
import { X509Certificate } from 'node:crypto';

export const MAX_CERTIFICATES = 2000;

export interface CaCertificate {
  pem: string;
  subject: string;
  issuer: string;
  /** ISO date-time. */
  validTo: string;
  validToMs: number;
  isCa: boolean;
}

export type PemBundleResult = { ok: true; certificates: CaCertificate[] } | { ok: false; error: string };

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/** "CN=Example Root CA, O=Example" from Node's multi-line subject/issuer text. */
export function distinguishedName(text: string): string {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .reverse()
    .join(', ')
    .slice(0, 300);
}

export function describeCertificate(x: X509Certificate, pem: string): CaCertificate {
  const validToMs = Date.parse(x.validTo);
  return {
    pem,
    subject: distinguishedName(x.subject),
    issuer: distinguishedName(x.issuer),
    validTo: Number.isFinite(validToMs) ? new Date(validToMs).toISOString() : x.validTo,
    validToMs: Number.isFinite(validToMs) ? validToMs : 0,
    isCa: x.ca,
  };
}

/**
 * Every certificate in `text`, in order. `source` names the file in errors.
 * Text outside the BEGIN/END blocks (comments, "Bag Attributes") is ignored;
 * a private key, an unterminated block, or a block that does not parse is an
 * error naming the block, and nothing of the file is used.
 */
export function parsePemBundle(text: string, source: string): PemBundleResult {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    return { ok: false, error: `${source} holds a private key. A CA file must hold only certificates (PEM, -----BEGIN CERTIFICATE-----); remove the key and keep it secret.` };
  }
  const certificates: CaCertificate[] = [];
  let at = 0;
  for (let n = 1; ; n++) {
    const begin = text.indexOf(BEGIN, at);
    if (begin < 0) break;
    const end = text.indexOf(END, begin + BEGIN.length);
    if (end < 0) return { ok: false, error: `${source}: certificate ${n} has no "${END}" line (the file is cut short or not PEM).` };
    at = end + END.length;
    if (certificates.length >= MAX_CERTIFICATES) return { ok: false, error: `${source} holds more than ${MAX_CERTIFICATES} certificates.` };
    const pem = `${text.slice(begin, at).replace(/\r/g, '')}\n`;
    try {
      certificates.push(describeCertificate(new X509Certificate(pem), pem));
    } catch (e) {
      return { ok: false, error: `${source}: certificate ${n} is not a valid X.509 certificate (${(e as Error).message.slice(0, 200)}).` };
    }
  }
  if (certificates.length === 0) {
    return {
      ok: false,
      error: /^\s*0\x82|^\s*\x30/.test(text)
        ? `${source} looks like a DER (binary) certificate. Convert it to PEM: openssl x509 -inform der -in FILE -out FILE.pem`
        : `${source} holds no certificate (expected PEM blocks starting with "${BEGIN}").`,
    };
  }
  return { ok: true, certificates };
}
