import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { asteriskChanSpy } from '../../../../main/phone/pbxProfiles';
import { JsSipSoftphone } from '../../../../main/phone/softphone';
import { NodeWsSocket } from '../../../../main/phone/nodeWsSocket';
import type { PhoneStatus } from '../../../../preload/contract/phone';
import { phoneStatusSchema } from '../../../../preload/contract/phone';
import { hasOpenssl, makeTestCa, TEST_CA_NAME, type ServerCertificate, type TestCa } from '../../../support/testCertificates';
import { FakeMediaHost } from '../support/fakeMediaHost';

/**
 * A wss:// server with a certificate from a private CA (made by openssl for
 * this run) on 127.0.0.1: what the status bar says when the phone refuses it.
 */
describe.skipIf(!hasOpenssl)('a refused wss:// certificate names the server, the issuer, the expiry and what IT must do', () => {
  let ca: TestCa;
  const servers: Server[] = [];
  const serve = async (c: ServerCertificate): Promise<string> => {
    const server = createServer({ key: c.key, cert: c.cert });
    new WebSocketServer({ server });
    servers.push(server);
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    return `wss://127.0.0.1:${(server.address() as { port: number }).port}/ws`;
  };
  const register = async (wsUrl: string, ca?: string[]): Promise<PhoneStatus> => {
    const phone = new JsSipSoftphone({ mediaHost: new FakeMediaHost() });
    const s = await phone.register({ wsUrl, uri: 'sip:sup1@127.0.0.1', password: 'x', profile: asteriskChanSpy(), reconnectMinSec: 30, ...(ca ? { ca } : {}) });
    await phone.unregister();
    expect(phoneStatusSchema.safeParse(s).success).toBe(true);
    return s;
  };

  beforeAll(() => {
    ca = makeTestCa();
  });
  afterAll(async () => {
    for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
  });

  it('a CA this computer does not trust: the issuer by name, the certificate it signed, and where IT puts the CA', async () => {
    const s = await register(await serve(ca.valid));
    expect(s.problem?.code).toBe('CERTIFICATE_REFUSED');
    expect(s.problem?.message).toMatch(
      new RegExp(`^Certificate refused: 127\\.0\\.0\\.1 presented a certificate issued by "${TEST_CA_NAME}" for IP Address:127\\.0\\.0\\.1, DNS:localhost, valid until \\d{4}-\\d\\d-\\d\\d, and this computer does not trust that issuer \\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\\)\\.$`),
    );
    expect(s.problem?.action).toBe(`IT must install the "${TEST_CA_NAME}" CA certificate in this computer's trust store, or name it in the IT policy as phone.caFile.`);
  });

  it('an expired certificate says when it expired and that the PBX administrator must renew it', async () => {
    const s = await register(await serve(ca.expired), [ca.caCert]);
    expect(s.problem?.message).toBe(
      `Certificate refused: the certificate of 127.0.0.1 expired on 2021-01-01 (issued by "${TEST_CA_NAME}" for IP Address:127.0.0.1, DNS:localhost, valid until 2021-01-01).`,
    );
    expect(s.problem?.action).toMatch(/^The PBX administrator must renew the server certificate/);
  });

  it('a certificate for another host says which names it carries and to check the server name', async () => {
    const s = await register(await serve(ca.wrongHost), [ca.caCert]);
    expect(s.problem?.message).toMatch(/^Certificate refused: 127\.0\.0\.1 presented a certificate that does not name 127\.0\.0\.1 \(issued by "Spyglass Test Root CA" for DNS:pbx\.other\.invalid, valid until /);
    expect(s.problem?.action).toMatch(/^Check the server name in Settings › SIP account; if it is right, the PBX administrator must issue a certificate that names 127\.0\.0\.1\.$/);
  });

  it('with the CA trusted the same server is not refused: the socket connects', async () => {
    const sock = new NodeWsSocket(await serve(ca.valid), { ca: [ca.caCert] });
    const opened = new Promise<boolean>((resolve) => {
      sock.onconnect = () => resolve(true);
      sock.ondisconnect = () => resolve(false);
    });
    sock.connect();
    expect(await opened).toBe(true);
    sock.disconnect();
  });
});
