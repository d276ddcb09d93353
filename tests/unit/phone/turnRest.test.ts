import fc from 'fast-check';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iceConfigFrom } from '../../../main/phone/iceConfig';
import { fetchTurnCredentials, MAX_RESPONSE_BYTES, parseTurnRestResponse, turnCredentialsUrlSchema } from '../../../main/phone/turnRest';
import { refreshAt, retryDelay, TurnRestRefresher } from '../../../main/phone/turnRestRefresher';
import { TurnRestSource } from '../../../main/phone/turnRestSource';
import { iceConfigSchema } from '../../../preload/contract/ice';
import { hasOpenssl, makeTestCa, type TestCa } from '../../support/testCertificates';

const good = { username: '1767225600:sup1', password: 'bWFkZS11cC1obWFj', ttl: 86400, uris: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:443?transport=tcp'] };

describe.skipIf(!hasOpenssl)('TURN REST credentials from a local https service (127.0.0.1)', () => {
  let ca: TestCa;
  let server: Server;
  let base = '';
  const requests: URL[] = [];
  let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  beforeAll(async () => {
    ca = makeTestCa();
    server = createServer({ key: ca.valid.key, cert: ca.valid.cert }, (req, res) => {
      requests.push(new URL(req.url ?? '/', 'https://x'));
      handler(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  const fetchNow = (path = '/turn', timeoutMs = 2000) => fetchTurnCredentials(`${base}${path}`, { user: 'sup1', now: () => 1_000_000, ca: [ca.caCert], timeoutMs });
  const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
    handler = (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
  };

  it('asks for service=turn and the supervisor, and returns the credentials with their expiry', async () => {
    answer(200, JSON.stringify({ ...good, extra: 'ignored' }));
    const r = await fetchNow('/turn?key=abc');
    expect(r).toEqual({ ok: true, credentials: { username: good.username, credential: good.password, uris: good.uris, fetchedAt: 1_000_000, expiresAt: 1_000_000 + 86_400_000 } });
    const q = requests.at(-1)!;
    expect([q.pathname, q.searchParams.get('service'), q.searchParams.get('username'), q.searchParams.get('key')]).toEqual(['/turn', 'turn', 'sup1', 'abc']);
  });

  it('a service that does not answer in time, answers too much, not JSON, the wrong shape, an error or a redirect: a clear error each', async () => {
    handler = () => undefined; // never answers
    expect(await fetchNow('/turn', 300)).toEqual({ ok: false, error: `The TURN credentials service (${new URL(base).host}) did not answer within 0.3 s.` });
    answer(200, JSON.stringify({ ...good, padding: 'x'.repeat(MAX_RESPONSE_BYTES) }));
    expect((await fetchNow()) as { error: string }).toMatchObject({ ok: false, error: expect.stringMatching(/sent more than 16 KB/) });
    answer(200, '<html>login</html>');
    expect(await fetchNow()).toMatchObject({ ok: false, error: expect.stringMatching(/did not answer with JSON \("<html>login<\/html>"\)\.$/) });
    answer(200, JSON.stringify({ ...good, ttl: 0, uris: ['http://evil.example.com'] }));
    expect(await fetchNow()).toMatchObject({ ok: false, error: expect.stringMatching(/not with TURN credentials \{username, password, ttl, uris\} \(ttl: .*; uris\.0: /) });
    answer(403, 'no');
    expect(await fetchNow()).toMatchObject({ ok: false, error: expect.stringMatching(/answered HTTP 403\.$/) });
    answer(302, '', { location: 'https://elsewhere.example.com/' });
    expect(await fetchNow()).toMatchObject({ ok: false, error: expect.stringMatching(/HTTP 302 \(a redirect; Spyglass does not follow them/) });
  });

  it('the phone’s source follows the settings: fetches for the SIP user, hands the peer configuration the credentials, stops when the URL is cleared', async () => {
    answer(200, JSON.stringify(good));
    let url = `${base}/turn`;
    const problems: string[] = [];
    const source = new TurnRestSource({ url: () => url, sipUser: () => 'sip:7001@pbx.example.com', ca: async () => [ca.caCert], onProblem: (p) => problems.push(p) });
    expect(source.ice()).toEqual({});
    await source.follow();
    expect(requests.at(-1)?.searchParams.get('username')).toBe('7001');
    expect(source.ice()).toEqual({ turnRestUrl: url, turnRest: { username: good.username, credential: good.password, uris: good.uris } });
    expect(problems).toEqual([]);
    // A service that fails from the start: no credentials, the peer configuration says why TURN is not used.
    answer(500, 'oops');
    url = `${base}/other`;
    await source.follow();
    expect(source.ice()).toEqual({ turnRestUrl: url });
    expect(problems).toEqual([`The TURN credentials service (${new URL(base).host}) answered HTTP 500. Calls cannot use TURN until this is fixed; trying again.`]);
    expect(iceConfigFrom({ stunServers: [], turnServers: [], turnUsername: '', turnCredential: undefined, iceTransportPolicy: 'all', ...source.ice() }).ok).toBe(true);
    url = '';
    await source.follow();
    expect(source.ice()).toEqual({});
  });

  it('a certificate this computer does not trust is refused like the wss:// one', async () => {
    answer(200, JSON.stringify(good));
    const r = await fetchTurnCredentials(`${base}/turn`, { user: 'sup1', now: () => 0 });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/could not be reached \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\.$/) });
  });
});

describe('TURN REST: the URL setting and the answer are checked', () => {
  it('only https URLs, without credentials in them', () => {
    expect(turnCredentialsUrlSchema.safeParse('').success).toBe(true);
    expect(turnCredentialsUrlSchema.safeParse('https://turn-creds.example.com/api?key=k').success).toBe(true);
    for (const bad of ['http://turn-creds.example.com/', 'https://user:pw@turn-creds.example.com/', 'ftp://x', 'https://'])
      expect(turnCredentialsUrlSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('any text as an answer: a result, never a throw; credentials only with valid TURN URLs and a bounded ttl', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.record({ username: fc.string(), password: fc.string(), ttl: fc.integer(), uris: fc.array(fc.string()) }).map((o) => JSON.stringify(o))), (text) => {
        const r = parseTurnRestResponse(text, 0, 'svc');
        if (!r.ok) return r.error.startsWith('svc');
        return r.credentials.expiresAt > 0 && r.credentials.expiresAt <= 7 * 24 * 3600 * 1000 && iceConfigSchema.safeParse({ iceServers: [{ urls: r.credentials.uris, username: r.credentials.username, credential: r.credentials.credential }] }).success;
      }),
    );
  });

  it('the credentials replace the static TURN entry in the peer configuration', () => {
    const r = iceConfigFrom({ stunServers: [], turnServers: ['turn:static.example.com'], turnUsername: 'u', turnCredential: 'p', iceTransportPolicy: 'relay', turnRest: { username: good.username, credential: good.password, uris: good.uris }, turnRestUrl: 'https://c' });
    expect(r).toEqual({ ok: true, warnings: [], config: { iceServers: [{ urls: good.uris, username: good.username, credential: good.password }], iceTransportPolicy: 'relay' } });
    const none = iceConfigFrom({ stunServers: [], turnServers: [], turnUsername: '', turnCredential: undefined, iceTransportPolicy: 'relay', turnRestUrl: 'https://creds.example.com/turn' });
    expect(none.ok).toBe(false);
  });
});

describe('TURN REST credentials are refreshed before they expire', () => {
  const clock = () => {
    let now = 0;
    const timers: { at: number; fn: () => void }[] = [];
    return {
      now: () => now,
      schedule: (fn: () => void, ms: number) => {
        const t = { at: now + ms, fn };
        timers.push(t);
        return () => timers.splice(timers.indexOf(t), 1);
      },
      /** Moves time on, running what falls due. */
      async advance(ms: number) {
        now += ms;
        for (const t of [...timers].sort((a, b) => a.at - b.at)) {
          if (t.at <= now) {
            timers.splice(timers.indexOf(t), 1);
            t.fn();
            await new Promise((r) => setImmediate(r));
          }
        }
      },
    };
  };
  const creds = (now: number, ttlS: number, n: number) => ({ ok: true as const, credentials: { username: `${n}:sup1`, credential: `p${n}`, uris: good.uris, fetchedAt: now, expiresAt: now + ttlS * 1000 } });

  it('at half their lifetime; a failed refresh keeps the old ones until they expire, then none; retries with a growing pause', async () => {
    const c = clock();
    const answers: (() => ReturnType<typeof creds> | { ok: false; error: string })[] = [() => creds(c.now(), 600, 1), () => ({ ok: false, error: 'The TURN credentials service (x) answered HTTP 503.' })];
    let calls = 0;
    const problems: string[] = [];
    const r = new TurnRestRefresher({ fetch: async () => answers[Math.min(calls++, answers.length - 1)]!(), now: c.now, schedule: c.schedule, onProblem: (p) => problems.push(p) });
    await r.start();
    expect(r.current()?.username).toBe('1:sup1');
    await c.advance(299_000);
    expect(calls).toBe(1);
    await c.advance(1_000); // half of 600 s
    expect(calls).toBe(2);
    expect(r.current()?.username).toBe('1:sup1'); // still valid
    expect(problems.at(-1)).toBe('The TURN credentials service (x) answered HTTP 503. The TURN credentials in use expire at 00:10 UTC; trying again.');
    await c.advance(5_000);
    expect(calls).toBe(3);
    await c.advance(10_000);
    expect(calls).toBe(4);
    await c.advance(300_000); // past the expiry
    expect(r.current()).toBeUndefined();
    answers.push(() => creds(c.now(), 600, 2));
    answers.splice(1, 1);
    await c.advance(RETRY_MAX);
    expect(r.current()?.username).toBe('2:sup1');
    expect(problems.at(-1)).toBe('');
    r.stop();
  });

  it('refreshAt and retryDelay', () => {
    expect(refreshAt({ username: '', credential: '', uris: [], fetchedAt: 1000, expiresAt: 1000 + 86_400_000 })).toBe(1000 + 43_200_000);
    expect([1, 2, 3, 10].map(retryDelay)).toEqual([5000, 10_000, 20_000, 300_000]);
  });
});

const RETRY_MAX = 300_000;
