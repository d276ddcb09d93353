import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { asteriskChanSpy } from '../../../main/phone/pbxProfiles';
import { JsSipSoftphone } from '../../../main/phone/softphone';
import { NodeWsSocket } from '../../../main/phone/nodeWsSocket';
import { FakeMediaHost } from './support/fakeMediaHost';

const hasOpenssl = spawnSync('sh', ['-c', 'command -v openssl']).status === 0;

describe('NodeWsSocket', () => {
  it('derives the JsSIP transport fields from ws:// and wss:// URLs', () => {
    expect(new NodeWsSocket('ws://pbx.example.com:8088/ws')).toMatchObject({ via_transport: 'WS', sip_uri: 'sip:pbx.example.com:8088;transport=ws' });
    expect(new NodeWsSocket('wss://pbx.example.com/ws').via_transport).toBe('WSS');
    expect(() => new NodeWsSocket('http://pbx')).toThrow(/Not a WebSocket URL/);
  });
});

describe.skipIf(!hasOpenssl)('wss:// with a certificate this machine does not trust', () => {
  let server: ReturnType<typeof createServer>;
  let port = 0;
  let cert = '';
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spyglass-tls-'));
    const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
    if (r.status !== 0) throw new Error(String(r.stderr));
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert });
    new WebSocketServer({ server });
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reports "Certificate refused" with what to do, instead of a bare disconnect', async () => {
    const phone = new JsSipSoftphone({ mediaHost: new FakeMediaHost() });
    const s = await phone.register({ wsUrl: `wss://127.0.0.1:${port}`, uri: 'sip:sup1@127.0.0.1', password: 'x', profile: asteriskChanSpy(), reconnectMinSec: 30 });
    await phone.unregister();
    expect(s.registration).toBe('reconnecting');
    expect(s.problem?.code).toBe('CERTIFICATE_REFUSED');
    expect(s.problem?.message).toMatch(/^Certificate refused: .*SELF_SIGNED/);
    expect(s.problem?.action).toMatch(/certificate/i);
  });

  it('connects when the certificate is trusted through the account CA setting', async () => {
    const sock = new NodeWsSocket(`wss://127.0.0.1:${port}`, { ca: cert });
    const opened = new Promise<boolean>((resolve) => {
      sock.onconnect = () => resolve(true);
      sock.ondisconnect = () => resolve(false);
    });
    sock.connect();
    expect(await opened).toBe(true);
    expect(sock.lastError).toBeNull();
    sock.disconnect();
  });
});
