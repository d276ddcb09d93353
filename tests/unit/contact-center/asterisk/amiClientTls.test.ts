import * as net from 'node:net';
import * as tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { AmiClient, AmiError } from '../../../../main/contact-center/asterisk/amiClient';

// A throwaway self-signed certificate for CN=asterisk.test, made for this test only
// (openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=asterisk.test).
const CERT = `-----BEGIN CERTIFICATE-----
MIIDETCCAfmgAwIBAgIUU7BbZAoYbr2mOTHl0jr/cOXxmvswDQYJKoZIhvcNAQEL
BQAwGDEWMBQGA1UEAwwNYXN0ZXJpc2sudGVzdDAeFw0yNjEyMDExNTM2NDRaFw0z
NjExMjgxNTM2NDRaMBgxFjAUBgNVBAMMDWFzdGVyaXNrLnRlc3QwggEiMA0GCSqG
SIb3DQEBAQUAA4IBDwAwggEKAoIBAQCzhnPJFEhG8+VBqlEd1dPNGsQi4kx7j06b
lVT4/0ff4VuudtJ/iXlBbpnWU5XT1VmrViDDuQqmXYlaDjhx0CLyXRPyN0Ee7ZrJ
VFXwleihj3lCyD/Vg1omMtnjR3mb2OhZy6+M22PmbgmZW7jPx6qwIup0ntBsj0fd
tf5Ugm4WylUbFwHvZLUArs7sb+TKlq64K4fg6nMu4p3d82H028yN3QXvYoLxygan
gS5BIDwlWtQV1jT417h/OQcCFCXiv5kw15cUCCj/iQPXNlxZUPjRsAxTpFQAI8kK
1lnNk/wFQzt4iaYdt/bDgH0YB3OOC8eLe/kjYhSPKojQg8ditbULAgMBAAGjUzBR
MB0GA1UdDgQWBBQn7OIxap6DwqTPf4p1IMLgSPoISzAfBgNVHSMEGDAWgBQn7OIx
ap6DwqTPf4p1IMLgSPoISzAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUA
A4IBAQBVUcQ5VS75U/7T7Vcp0pOKETXUZ+ifTrvtmJ/NP/xngByD1629+3W2rYLq
0U5NgP8l1UmAGBvqTKQ2G0hUQoyYR2BMS7LtYVmaND1HHTJ/08YtHBDMdOvYpP7P
PDTWnDDMS1fKV9JmgHwHyHGf8mI7gOLW7rUnfRLTM+X6J4pg+nRb9BEjP70Q9rz4
BtUpgD7Fqd3F1eld9qqe5csDqGozgZiCuZhIY8ZtI04b6KfxpNIj0F+md8kZEsHP
ZrVI4ydATfOp9CiXKUUDy23IWsRM0XsMUfVKWYUpVgkBE45CzjyeZOI0lUMN3Vqj
m+FE0IE7RlFO1SB6NCLAUkeaSLqB
-----END CERTIFICATE-----`;
const KEY = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCzhnPJFEhG8+VB
qlEd1dPNGsQi4kx7j06blVT4/0ff4VuudtJ/iXlBbpnWU5XT1VmrViDDuQqmXYla
Djhx0CLyXRPyN0Ee7ZrJVFXwleihj3lCyD/Vg1omMtnjR3mb2OhZy6+M22PmbgmZ
W7jPx6qwIup0ntBsj0fdtf5Ugm4WylUbFwHvZLUArs7sb+TKlq64K4fg6nMu4p3d
82H028yN3QXvYoLxygangS5BIDwlWtQV1jT417h/OQcCFCXiv5kw15cUCCj/iQPX
NlxZUPjRsAxTpFQAI8kK1lnNk/wFQzt4iaYdt/bDgH0YB3OOC8eLe/kjYhSPKojQ
g8ditbULAgMBAAECggEAVMeih2u+JE/KzQNnMk1ILDy/MnAnSVSofT389mfsI/Sz
jMUNbHBaJIXcPYSUpYjEQ281ouiQeHeExVQg4NK3pjhBkqn4ZWg1KG3c9fR9e0qb
q+eQib7xxEdQcY5QBkLdm4Ze3Yi/+VKu0s8njGxRFcQvb6qOaC4T9MadGIDOB5Fz
BgxEFxuD75hFTT6kPF0IVKIhOcs1JMtvhlobxC/UiiITijc7mIMXJ/WQp2C8YxZq
PMSJBGHWtIEEfJ4fkgD5LvumHBA8VZXtz30iRK4hR0se9qLICbjaVx8cXFRPx4vu
mS0rOKI6cfSv69tUM3ZGbXI7WIbK4r1gLZxbiHzErQKBgQDvGsQn+3DrBK3yOjW0
mg/eav6xrPQSi1RhIhH8BRLgMwi9V8LwY1/w/a8VP6WTg66vZLN027jjxa7jUo1+
mq0KfNhd5gvUTaggdpoI97Im7IM6KVMm8ARxJ4WDXFYJN6TTkLb7qJeAbk1MCl/O
YsTh+AgS+aXQ0nZXfe0x5CJGNwKBgQDANe/2x8GwHC+r7VUBNhhkIybkAkFRcryA
Xz4EjJu5x14OmR000SsWUg7OQq9BV5cMV9irDhrKImVkpjHdTliZakUd+hdgH5o2
f67iidRFW7cgkr9UsBDiV2DWz5kf7gRCqouOZ/8D/3j/A6kojUDmnLtpkiIswR9z
TPeoVYrdzQKBgCBxBURXfU6l5+QBud+zN4v6AGyjBsqtVNmJAd+r4I/C3OCz06NC
GHZeNS8w34pQR5dMlny4gzGEVOJLBR+0ZN4TalfzKo+3qaQd83BcCzP0yylNChcy
YafosNjN4m6FujtqWylyCnxGev5iOfWKuSPfv1izvqfCpoPgdhpa1bupAoGBAItR
DQNkOmF5rJwDRA/Cs98xE2lEsS9l6HdrkToe6Gi5ttUB6gd0bLSa+ZxK/VhxMkyC
B8vER2qnj7JqO85akSFxw3M86GCFx3MlDQ+qMy+qkIuNkhzCGRrVlp1cj3JzRKdF
ki2/9zlgnMTKVHvOFnKQu86DWz3xJOifqwpaJnMpAoGBALRVmSM5Ld643KYY/CUR
bOR6uZruA46JlZHk8e6X+rXsjNMaXSLKv9nl8HMsGECm8VDu+/1RhXhYBcDeaOjv
DXQqBz8Ft0gJ+4OXGLJr3yxOsChhqSvc/mklLlvjy7HN0rYuU9ijnwXXLlH+4rs2
usxLSag2n8i+ZmZfKCV49ypC
-----END PRIVATE KEY-----`;

let server: tls.Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function tlsAmi(): Promise<number> {
  server = tls.createServer({ cert: CERT, key: KEY }, (socket) => {
    socket.setEncoding('utf8');
    socket.write('Asterisk Call Manager/13.0.0\r\n');
    socket.on('data', (d: string) => {
      const id = /ActionID: (\S+)/.exec(d)?.[1] ?? '';
      socket.write(`Response: Success\r\nActionID: ${id}\r\nMessage: Authentication accepted\r\n\r\n`);
    });
    socket.on('error', () => undefined);
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
}

describe('AmiClient over TLS (asterisk.tls)', () => {
  it('an untrusted server certificate is refused with what to check', async () => {
    const port = await tlsAmi();
    const error = (await AmiClient.connect({ host: '127.0.0.1', port, tls: true, username: 'u', secret: 's' }).catch((e) => e)) as AmiError;
    expect(error).toBeInstanceOf(AmiError);
    expect(error.message).toMatch(/TLS connection to 127\.0\.0\.1:\d+ was refused: .*certificate.*Check the server certificate, or turn asterisk\.tls off/);
  });

  it('logs in over TLS when the certificate is trusted', async () => {
    const port = await tlsAmi();
    const client = await AmiClient.connect({
      host: '127.0.0.1',
      port,
      tls: true,
      username: 'u',
      secret: 's',
      openSocket: (e) => tls.connect({ host: e.host, port: e.port, ca: CERT, servername: 'asterisk.test' }),
    });
    expect(client.banner).toBe('Asterisk Call Manager/13.0.0');
    client.close();
  });
});
