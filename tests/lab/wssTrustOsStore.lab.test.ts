/**
 * wss:// with the company CA only in the operating system's store (the bundle
 * OpenSSL reads; SSL_CERT_FILE names it here) and in no policy. A file of its
 * own, so its own process: Node ≥ 22.15 reads the OS store
 * (tls.getCACertificates('system')) once per process, so SSL_CERT_FILE must be
 * set before any seat of this process reads it, and the other wss lab cases,
 * which need the CA untrusted, run elsewhere.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { makeTestCa, type TestCa } from '../support/testCertificates';
import { startKamailioTls, wssLabUnavailableReason, type KamailioTls } from './support/kamailioTls';
import { until, wssSeats } from './support/wssSeat';

const missing = wssLabUnavailableReason();

describe.skipIf(!!missing)('SIP lab: wss:// with the company CA in the OS store (Kamailio TLS)', () => {
  let ca: TestCa;
  let kamailio: KamailioTls | undefined;
  const before = process.env.SSL_CERT_FILE;
  const { seat, stopAll } = wssSeats();
  beforeAll(() => {
    ca = makeTestCa();
    const bundle = join(mkdtempSync(join(tmpdir(), 'spyglass-osca-')), 'ca-certificates.crt');
    writeFileSync(bundle, ca.caCert);
    process.env.SSL_CERT_FILE = bundle;
  });
  afterEach(stopAll);
  afterAll(async () => {
    await kamailio?.stop();
    if (before === undefined) delete process.env.SSL_CERT_FILE;
    else process.env.SSL_CERT_FILE = before;
  });

  it('registers when the CA is in the operating system’s store (the bundle OpenSSL reads; SSL_CERT_FILE here) and not in any policy', async () => {
    kamailio = await startKamailioTls(ca.valid);
    const s = await seat({ 'phone.server': kamailio.wssUrl });
    await until(() => s.status()?.registration === 'registered', 'registered');
  });
});
