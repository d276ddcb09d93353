/**
 * What a supervisor (and IT) reads when a wss:// server's certificate is
 * refused: which server, what it presented (issuer, subject, expiry) and what
 * IT must do. Pure: the certificate, the error code and the trust setup come
 * in as arguments. Fits the contract's 500-character fields.
 */
import type { PhoneProblem } from '../../../preload/contract/phone';
import type { PeerCertificateInfo } from './certificateProbe';

export interface TrustAdvice {
  /** Where IT puts the policy file (shown so the action is concrete). */
  policyPath?: string;
  /** The policy's CA file in use, if any. */
  policyCaFile?: string;
  /** The policy's CA file could not be used: why. */
  policyCaProblem?: string;
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const day = (iso: string) => (iso ? iso.slice(0, 10) : 'an unknown date');
/** The most specific name in a DN ("CN=Example Root CA, O=Example" → "Example Root CA"). */
const commonName = (dn: string) => /(?:^|, )CN=([^,]+)/.exec(dn)?.[1] ?? dn;
const hostOf = (server: string) => {
  try {
    return new URL(server).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return server;
  }
};

const EXPIRED = new Set(['CERT_HAS_EXPIRED']);
const NOT_YET_VALID = new Set(['CERT_NOT_YET_VALID']);
const WRONG_HOST = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

export function certificateProblem(server: string, code: string, cert: PeerCertificateInfo | null | undefined, advice: TrustAdvice = {}): PhoneProblem {
  const host = hostOf(server);
  const presented = cert
    ? `issued by "${cut(commonName(cert.issuer), 80)}" for ${cut(cert.altNames || cert.subject, 100)}, valid until ${day(cert.validTo)}`
    : 'its details could not be read';
  const policyNote = advice.policyCaProblem ? ` The CA file in the IT policy could not be used: ${cut(advice.policyCaProblem, 160)}` : '';
  let message: string;
  let action: string;
  if (EXPIRED.has(code)) {
    message = `Certificate refused: the certificate of ${host} expired on ${day(cert?.validTo ?? '')} (${presented}).`;
    action = 'The PBX administrator must renew the server certificate; the phone cannot connect securely until then.';
  } else if (NOT_YET_VALID.has(code)) {
    message = `Certificate refused: the certificate of ${host} is not valid before ${day(cert?.validFrom ?? '')} (${presented}).`;
    action = "Check this computer's date and time; if it is right, the PBX administrator must fix the server certificate.";
  } else if (WRONG_HOST.has(code)) {
    message = `Certificate refused: ${host} presented a certificate that does not name ${host} (${presented}).`;
    action = `Check the server name in Settings › SIP account; if it is right, the PBX administrator must issue a certificate that names ${host}.`;
  } else if (UNTRUSTED.has(code)) {
    const root = cert ? `"${cut(commonName(cert.issuer), 80)}"` : "the server's";
    message = `Certificate refused: ${host} presented a certificate ${cert ? presented : `(${presented})`}, and this computer does not trust that issuer (${code}).${policyNote}`;
    action = `IT must install the ${root} CA certificate in this computer's trust store, or name it in the IT policy as phone.caFile${advice.policyPath ? ` (${advice.policyPath})` : ''}.`;
  } else {
    message = `Certificate refused: the secure connection to ${host} failed (${code})${cert ? `; it presented a certificate ${presented}` : ''}.${policyNote}`;
    action = 'Ask IT to check the server certificate and its CA, or check the server name in Settings.';
  }
  return { code: 'CERTIFICATE_REFUSED', message: cut(message, 500), action: cut(action, 500) };
}
