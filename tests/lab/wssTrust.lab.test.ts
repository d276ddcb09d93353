/**
 * wss:// with a company CA (issue 17 item 2): the seat's real phone wiring
 * (settings + IT policy file → trust store → JsSIP over Node's TLS) registers
 * at Kamailio's TLS module serving certificates from a CA made for this run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPhoneWiring } from '../../main/app/phoneWiring';
import { ConfigService } from '../../main/config/ConfigService';
import type { Logger } from '../../main/core/logger';
import type { PhoneStatus } from '../../preload/contract/phone';
import { hasOpenssl, makeTestCa, TEST_CA_NAME, type TestCa } from '../support/testCertificates';
import { hasKamailioTls, startKamailioTls, type KamailioTls } from './support/kamailioTls';
import { isCi } from './support/labTools';

const missing = !hasKamailioTls() || !hasOpenssl ? 'wss lab: kamailio with its TLS module and openssl are needed (apt-get install kamailio kamailio-websocket-modules kamailio-tls-modules openssl)' : null;
if (missing && isCi(process.env)) throw new Error(`${missing}; failing instead of skipping`);
if (missing) console.warn(`${missing}; skipped`);

const until = async (cond: () => boolean, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe.skipIf(!!missing)('SIP lab: wss:// with a company CA (Kamailio TLS)', () => {
  let ca: TestCa;
  const kams: KamailioTls[] = [];
  const seats: { stop(): Promise<void> }[] = [];
  beforeAll(() => {
    ca = makeTestCa();
  });
  afterEach(async () => {
    while (seats.length) await seats.pop()!.stop();
  });
  afterAll(async () => {
    for (const k of kams) await k.stop();
  });

  /** One seat: IT policy (and nothing else) as the supervisor's machine has it, the SIP password from the secret store. */
  async function seat(policy: Record<string, unknown>, userSettings: Record<string, unknown> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'spyglass-seat-'));
    const policyFile = join(dir, 'policy.json');
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(userSettings));
    writeFileSync(policyFile, JSON.stringify({ 'phone.profile': 'asterisk-chanspy', 'phone.user': 'sip:sup1@127.0.0.1', ...policy }));
    const config = new ConfigService({ policyFile, userFile: join(dir, 'settings.json') });
    const warnings: string[] = [];
    const log: Logger = { info: () => undefined, warn: (m) => warnings.push(m), error: (m) => warnings.push(m), warnOnce: (_k, m) => warnings.push(m) };
    const wiring = createPhoneWiring(config, log, async () => 'secret', async () => undefined);
    let status: PhoneStatus | undefined;
    const notices: string[] = [];
    wiring.connect(
      (s) => (status = s),
      () => undefined,
      () => undefined,
      (t) => notices.push(t),
    );
    await wiring.start();
    seats.push({
      // No server, no account: the phone unregisters and closes its socket.
      stop: async () => {
        writeFileSync(policyFile, JSON.stringify({ 'phone.profile': 'asterisk-chanspy', 'phone.server': '' }));
        config.reload();
        await wiring.accountChanged();
      },
    });
    return { status: () => status, notices, warnings, policyFile };
  }
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

  it('registers when the CA is in the operating system’s store (the bundle OpenSSL reads; SSL_CERT_FILE here) and not in any policy', async () => {
    const bundle = join(mkdtempSync(join(tmpdir(), 'spyglass-osca-')), 'ca-certificates.crt');
    writeFileSync(bundle, ca.caCert);
    const before = process.env.SSL_CERT_FILE;
    process.env.SSL_CERT_FILE = bundle;
    try {
      const s = await seat({ 'phone.server': await server('valid') });
      await until(() => s.status()?.registration === 'registered', 'registered');
    } finally {
      if (before === undefined) delete process.env.SSL_CERT_FILE;
      else process.env.SSL_CERT_FILE = before;
    }
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
