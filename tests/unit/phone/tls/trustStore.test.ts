import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePemBundle } from '../../../../main/phone/tls/pemBundle';
import { trustView } from '../../../../main/phone/tls/trustView';
import { wssTrustSchema } from '../../../../preload/contract/phone';
import { createTrustStore, MAX_POLICY_CA_FILE_BYTES, readBounded, splitPem, systemCertificates } from '../../../../main/phone/tls/trustStore';
import { hasOpenssl, makeTestCa, TEST_CA_NAME, type TestCa } from '../../../support/testCertificates';

describe.skipIf(!hasOpenssl)('the trust store: bundled roots, the OS store, and the CA file IT names in policy', () => {
  let ca: TestCa;
  beforeAll(() => {
    ca = makeTestCa();
  });

  it('a policy CA file is parsed: its CA joins the bundled and OS roots, described for Settings', async () => {
    const store = createTrustStore({ policyCaFile: () => ca.caFile, system: async () => ({ pems: ['OS-PEM'], from: '/etc/ssl/certs/ca-certificates.crt' }), bundled: () => ['NODE-PEM'] });
    const snap = await store.snapshot();
    expect(snap.ca).toEqual(['NODE-PEM', 'OS-PEM', ca.caCert.replace(/\r/g, '')]);
    expect(snap.sources).toEqual([
      { kind: 'bundled', from: "Node's bundled root CAs", count: 1 },
      { kind: 'system', from: '/etc/ssl/certs/ca-certificates.crt', count: 1 },
      { kind: 'policy', from: ca.caFile, count: 1 },
    ]);
    expect(snap.policyCertificates[0]).toMatchObject({ subject: `CN=${TEST_CA_NAME}, O=Spyglass Tests`, isCa: true });
    expect(snap.policyCaProblem).toBeUndefined();
  });

  it('Settings sees names, counts and expiry, never a certificate, within the contract', async () => {
    const snap = await createTrustStore({ policyCaFile: () => ca.caFile, system: async () => ({ pems: ['OS-PEM', 'OS-PEM2'], from: '/etc/ssl/certs/ca-certificates.crt' }), bundled: () => ['NODE-PEM'] }).snapshot();
    const view = trustView(snap);
    expect(wssTrustSchema.parse(view)).toEqual({
      sources: [
        { kind: 'bundled', from: "Node's bundled root CAs", count: 1 },
        { kind: 'system', from: '/etc/ssl/certs/ca-certificates.crt', count: 2 },
        { kind: 'policy', from: ca.caFile, count: 1 },
      ],
      policyCertificates: [{ subject: `CN=${TEST_CA_NAME}, O=Spyglass Tests`, validTo: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) }],
    });
    expect(JSON.stringify(view)).not.toContain('BEGIN CERTIFICATE');
  });

  it('a policy CA file that is missing, too big, a key or not PEM: a clear error, and the other roots still apply', async () => {
    const file = (name: string, text: string) => {
      const p = join(ca.dir, name);
      writeFileSync(p, text);
      return p;
    };
    const cases: [string, RegExp][] = [
      [join(ca.dir, 'nope.pem'), /nope\.pem does not exist\.$/],
      [file('big.pem', 'x'.repeat(MAX_POLICY_CA_FILE_BYTES + 1)), /big\.pem is larger than 1024 KB/],
      [file('key.pem', `${ca.caCert}-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n`), /key\.pem holds a private key/],
      [file('text.pem', 'hello'), /text\.pem holds no certificate \(expected PEM blocks/],
      [file('cut.pem', ca.caCert.slice(0, 200)), /cut\.pem: certificate 1 has no "-----END CERTIFICATE-----" line/],
      [file('bad.pem', `${ca.caCert}-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n`), /bad\.pem: certificate 2 is not a valid X\.509 certificate/],
      [ca.dir, /is not a file\./],
    ];
    for (const [path, error] of cases) {
      const snap = await createTrustStore({ policyCaFile: () => path, system: async () => ({ pems: ['OS-PEM'], from: 'os' }), bundled: () => ['NODE-PEM'] }).snapshot();
      expect(snap.policyCaProblem, path).toMatch(error);
      expect(snap.ca).toEqual(['NODE-PEM', 'OS-PEM']);
    }
  });

  it('on Node without tls.getCACertificates the OS bundle file is read (SSL_CERT_FILE first)', async () => {
    const bundle = join(ca.dir, 'bundle.crt');
    writeFileSync(bundle, `# comment\n${ca.caCert}${ca.valid.cert}`);
    const r = await systemCertificates({ SSL_CERT_FILE: bundle }, null);
    expect(r).toEqual({ pems: splitPem(`${ca.caCert}${ca.valid.cert}`), from: bundle });
    const viaApi = await systemCertificates({}, (t) => (t === 'system' ? ['A', 'B'] : []));
    expect(viaApi).toEqual({ pems: ['A', 'B'], from: "the operating system's certificate store" });
    const none = await systemCertificates({}, null, async () => ({ ok: false, error: 'no' }));
    expect('error' in none && none.error).toMatch(/^no operating-system certificate bundle found/);
  });

  it('reads the real Debian bundle here', async () => {
    const r = await readBounded('/etc/ssl/certs/ca-certificates.crt', 8 * 1024 * 1024);
    if (r.ok) expect(splitPem(r.text).length).toBeGreaterThan(50);
  });
});

describe('PEM bundles are hostile input', () => {
  it('the OS bundle split keeps whole blocks only, like the lazy regex it replaced, in one linear scan', () => {
    const block = (n: number) => `-----BEGIN CERTIFICATE-----\nQUJD${n}\n-----END CERTIFICATE-----`;
    expect(splitPem(`junk\n${block(1)}\n# note\n${block(2)}\n`)).toEqual([`${block(1)}\n`, `${block(2)}\n`]);
    expect(splitPem(`-----BEGIN CERTIFICATE-----\ncut\n${block(3)}\n-----BEGIN CERTIFICATE-----\nno end`)).toEqual([`${block(3)}\n`]);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('-----BEGIN CERTIFICATE-----'), fc.constant('-----END CERTIFICATE-----'), fc.string({ maxLength: 20 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('\n');
        return splitPem(text).join('') === (text.match(/-----BEGIN CERTIFICATE-----(?:(?!-----BEGIN CERTIFICATE-----)[\s\S])*?-----END CERTIFICATE-----/g) ?? []).map((p) => `${p}\n`).join('');
      }),
    );
  });

  it('any text: a result, never a throw, and never a certificate that is not one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.constantFrom('', '-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '-----BEGIN RSA PRIVATE KEY-----'), (text, marker) => {
        const r = parsePemBundle(`${text}${marker}${text}`, 'policy.pem');
        return r.ok ? r.certificates.length > 0 : r.error.startsWith('policy.pem');
      }),
    );
  });
});
