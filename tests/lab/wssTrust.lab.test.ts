/**
 * wss:// with a company CA (issue 17 item 2): the seat's real phone wiring
 * (settings + IT policy file → trust store → JsSIP over Node's TLS) registers
 * at Kamailio's TLS module serving certificates from a CA made for this run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCa, TEST_CA_NAME, type TestCa } from '../support/testCertificates';
import { startKamailioTls, wssLabUnavailableReason, type KamailioTls } from './support/kamailioTls';
import { until, wssSeats } from './support/wssSeat';

const missing = wssLabUnavailableReason();

describe.skipIf(!!missing)('SIP lab: wss:// with a company CA (Kamailio TLS)', () => {
  let ca: TestCa;
  const kams: KamailioTls[] = [];
  const { seat, stopAll } = wssSeats();
  beforeAll(() => {
    ca = makeTestCa();
  });
  afterEach(stopAll);
  afterAll(async () => {
    for (const k of kams) await k.stop();
  });

  const server = async (which: 'valid' | 'expired' | 'wrongHost') => {
    const k = await startKamailioTls(ca[which]);
    kams.push(k);
    return k.wssUrl;
  };

  it('registers over wss:// when the CA is in the IT policy’s CA file', async () => {
    const s = await seat({ 'phone.server': await server('valid'), 'phone.caFile': ca.caFile });
    await until(() => s.status()?.registration === 'registered', 'registered');
    expect(s.notices).toEqual([]);
  });

  it('without the CA: the status says which server, which issuer, and what IT must do', async () => {
    const url = await server('valid');
    const s = await seat({ 'phone.server': url });
    await until(() => s.status()?.problem?.code === 'CERTIFICATE_REFUSED', 'the certificate refused');
    expect(s.status()?.registration).toBe('reconnecting');
    const validUntil = new Date(Date.parse(new (await import('node:crypto')).X509Certificate(ca.valid.cert).validTo)).toISOString().slice(0, 10);
    expect(s.status()?.problem?.message).toBe(
      `Certificate refused: 127.0.0.1 presented a certificate issued by "${TEST_CA_NAME}" for IP Address:127.0.0.1, DNS:localhost, valid until ${validUntil}, and this computer does not trust that issuer (UNABLE_TO_VERIFY_LEAF_SIGNATURE).`,
    );
    expect(s.status()?.problem?.action).toBe(`IT must install the "${TEST_CA_NAME}" CA certificate in this computer's trust store, or name it in the IT policy as phone.caFile (${s.policyFile}).`);
  });

  it('a CA file the policy names but that cannot be used: a notice naming the file and why, and the refusal says so too', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'spyglass-badca-')), 'company-ca.pem');
    writeFileSync(bad, 'not a certificate');
    const s = await seat({ 'phone.server': await server('valid'), 'phone.caFile': bad });
    await until(() => s.status()?.problem?.code === 'CERTIFICATE_REFUSED', 'the certificate refused');
    expect(s.notices).toEqual([
      `The CA file in the IT policy (phone.caFile) cannot be used: ${bad} holds no certificate (expected PEM blocks starting with "-----BEGIN CERTIFICATE-----"). Servers whose certificates come from that CA are refused until IT fixes it.`,
    ]);
    expect(s.status()?.problem?.message).toContain(`The CA file in the IT policy could not be used: ${bad} holds no certificate`);
  });

  it('an expired server certificate is named as expired, with the date', async () => {
    const s = await seat({ 'phone.server': await server('expired'), 'phone.caFile': ca.caFile });
    await until(() => s.status()?.problem?.code === 'CERTIFICATE_REFUSED', 'the certificate refused');
    expect(s.status()?.problem?.message).toBe(
      `Certificate refused: the certificate of 127.0.0.1 expired on 2021-01-01 (issued by "${TEST_CA_NAME}" for IP Address:127.0.0.1, DNS:localhost, valid until 2021-01-01).`,
    );
  });

  it('a certificate for another host is named with the names it carries', async () => {
    const s = await seat({ 'phone.server': await server('wrongHost'), 'phone.caFile': ca.caFile });
    await until(() => s.status()?.problem?.code === 'CERTIFICATE_REFUSED', 'the certificate refused');
    expect(s.status()?.problem?.message).toMatch(/^Certificate refused: 127\.0\.0\.1 presented a certificate that does not name 127\.0\.0\.1 \(issued by "Spyglass Test Root CA" for DNS:pbx\.other\.invalid, valid until \d{4}-\d\d-\d\d\)\.$/);
  });

  it('a CA file in the user’s own settings is not trusted (only IT policy adds trust)', async () => {
    const s = await seat({ 'phone.server': await server('valid') }, { 'phone.caFile': ca.caFile });
    await until(() => s.status()?.problem?.code === 'CERTIFICATE_REFUSED', 'the certificate refused');
  });
});
