import { describe, expect, it } from 'vitest';
import { certificateProblem } from '../../../../main/phone/tls/certificateProblem';
import { describePhone } from '../../../../renderer/src/store/phone/selectors';

const presented = { subject: 'CN=pbx.example.com', issuer: 'CN=Example Corp Issuing CA 2, O=Example Corp', validFrom: '2026-01-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z', altNames: 'DNS:pbx.example.com', selfSigned: false };

describe('a refused certificate is shown, not just logged', () => {
  it('the status bar says it while the phone keeps retrying (a retry does not fix a certificate)', () => {
    const problem = certificateProblem('wss://pbx.example.com:8089/ws', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', presented, { policyPath: '/etc/spyglass/policy.json' });
    const text = describePhone({ registration: 'reconnecting', server: 'wss://pbx.example.com:8089/ws', reconnectAttempt: 2, problem, monitor: null }, 0).text;
    expect(text).toMatch(
      /^Phone: Certificate refused: pbx\.example\.com presented a certificate issued by "Example Corp Issuing CA 2" for DNS:pbx\.example\.com, valid until 2027-01-01, and this computer does not trust that issuer \(UNABLE_TO_GET_ISSUER_CERT_LOCALLY\)\. IT must install the "Example Corp Issuing CA 2" CA certificate in this computer's trust store, or name it in the IT policy as phone\.caFile \(\/etc\/spyglass\/policy\.json\)\. \(.*reconnecting.*\(attempt 2\)\)$/,
    );
  });

  it('what the probe could not read is said as such; every text fits the contract', () => {
    const p = certificateProblem('wss://pbx.example.com/ws', 'SELF_SIGNED_CERT_IN_CHAIN', null);
    expect(p.message).toBe('Certificate refused: pbx.example.com presented a certificate (its details could not be read), and this computer does not trust that issuer (SELF_SIGNED_CERT_IN_CHAIN).');
    expect(certificateProblem('wss://pbx.example.com/ws', 'CERT_HAS_EXPIRED', null).message).toBe(
      'Certificate refused: the certificate of pbx.example.com expired on an unknown date (its details could not be read).',
    );
    const long = certificateProblem('wss://pbx.example.com/ws', 'CERT_HAS_EXPIRED', { ...presented, issuer: `CN=${'x'.repeat(2000)}`, altNames: 'DNS:'.padEnd(2000, 'y') }, { policyCaProblem: 'z'.repeat(2000) });
    expect(long.message.length).toBeLessThanOrEqual(500);
    expect(long.action.length).toBeLessThanOrEqual(500);
  });
});
