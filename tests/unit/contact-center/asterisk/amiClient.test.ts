import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AmiClient, AmiError } from '../../../../main/contact-center/asterisk/amiClient';
import { reconnectDelayMs } from '../../../../main/contact-center/asterisk/reconnectBackoff';
import { ManualTimers } from './manualTimers';

/** A scripted AMI server on 127.0.0.1: `onAction` answers each action the client sends. */
async function scriptedServer(onAction: (action: Record<string, string>, socket: net.Socket) => void, banner = 'Asterisk Call Manager/9.0.0') {
  const received: Record<string, string>[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.setEncoding('utf8');
    socket.write(`${banner}\r\n`);
    let buf = '';
    socket.on('data', (d: string) => {
      buf += d;
      let end: number;
      while ((end = buf.indexOf('\r\n\r\n')) !== -1) {
        const block = buf.slice(0, end);
        buf = buf.slice(end + 4);
        const action = Object.fromEntries(block.split('\r\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
        received.push(action);
        onAction(action, socket);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    sockets,
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

const reply = (socket: net.Socket, fields: Record<string, string>) =>
  socket.write(Object.entries(fields).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n');

const loginOk = (a: Record<string, string>, s: net.Socket): boolean => {
  if (a.Action !== 'Login') return false;
  reply(s, { Response: 'Success', ActionID: a.ActionID!, Message: 'Authentication accepted' });
  return true;
};

let cleanup: Array<() => Promise<void> | void> = [];

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

describe('AmiClient', () => {
  it('logs in with the secret and correlates a list by ActionID, live events interleaved', async () => {
    const server = await scriptedServer((a, s) => {
      if (loginOk(a, s)) return;
      if (a.Action === 'QueueStatus') {
        reply(s, { Response: 'Success', ActionID: a.ActionID!, EventList: 'start', Message: 'Queue status will follow' });
        reply(s, { Event: 'QueueParams', Queue: 'support', ActionID: a.ActionID! });
        reply(s, { Event: 'Newchannel', Channel: 'PJSIP/1001-00000001' });
        reply(s, { Event: 'QueueMember', Queue: 'support', Name: 'Alex', ActionID: a.ActionID! });
        reply(s, { Event: 'QueueParams', Queue: 'other', ActionID: 'someone-else' });
        reply(s, { Event: 'QueueStatusComplete', ActionID: a.ActionID!, EventList: 'Complete', ListItems: '2' });
      }
    });
    cleanup.push(server.close);
    const client = await AmiClient.connect({ host: '127.0.0.1', port: server.port, tls: false, username: 'spyglass', secret: 's3cret' });
    cleanup.push(() => client.close());
    const live: string[] = [];
    client.onEvent((e) => live.push(e.Event!));
    const order: string[] = [];
    client.onEvent((e) => order.push(`live:${e.Event}`));
    const result = await client.list('QueueStatus', {}, (item) => order.push(`item:${item.Event}`));
    expect(server.received[0]).toMatchObject({ Action: 'Login', Username: 'spyglass', Secret: 's3cret' });
    expect(result.complete.Event).toBe('QueueStatusComplete');
    expect(order).toEqual(['item:QueueParams', 'live:Newchannel', 'item:QueueMember', 'live:QueueParams']);
    expect(live).toEqual(['Newchannel', 'QueueParams']);
  });

  it('a refused login says what to check, and never echoes the secret', async () => {
    const server = await scriptedServer((a, s) => {
      reply(s, { Response: 'Error', ActionID: a.ActionID!, Message: 'Authentication failed' });
      s.end();
    });
    cleanup.push(server.close);
    const error = await AmiClient.connect({ host: '127.0.0.1', port: server.port, tls: false, username: 'spyglass', secret: 'wrong-secret' }).catch((e: AmiError) => e);
    expect(error).toBeInstanceOf(AmiError);
    expect((error as AmiError).kind).toBe('auth');
    expect((error as AmiError).message).toMatch(/Authentication failed.*asterisk\.user and the AMI secret/);
    expect((error as AmiError).message).not.toContain('wrong-secret');
  });

  it('a port that is not AMI is named as such', async () => {
    const server = await scriptedServer(() => undefined, 'SSH-2.0-OpenSSH_9.6');
    cleanup.push(server.close);
    const error = (await AmiClient.connect({ host: '127.0.0.1', port: server.port, tls: false, username: 'u', secret: 's' }).catch((e) => e)) as AmiError;
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('is not an Asterisk manager port');
  });

  it('nothing listening: a network error that says what to check', async () => {
    const server = await scriptedServer(() => undefined);
    const port = server.port;
    await server.close();
    const error = (await AmiClient.connect({ host: '127.0.0.1', port, tls: false, username: 'u', secret: 's' }).catch((e) => e)) as AmiError;
    expect(error.kind).toBe('network');
    expect(error.message).toContain('Nothing accepts manager connections');
  });

  it('refuses a field value with a line break (no action injection)', async () => {
    const server = await scriptedServer((a, s) => void loginOk(a, s));
    cleanup.push(server.close);
    const client = await AmiClient.connect({ host: '127.0.0.1', port: server.port, tls: false, username: 'u', secret: 's' });
    cleanup.push(() => client.close());
    await expect(client.action('QueueStatus', { Queue: 'x\r\nAction: Originate' })).rejects.toMatchObject({ kind: 'protocol' });
    expect(server.received.map((a) => a.Action)).toEqual(['Login']);
  });

  it('keepalive: a Ping with no reply closes the connection as dead', async () => {
    const timers = new ManualTimers();
    const server = await scriptedServer((a, s) => void loginOk(a, s)); // never answers Ping
    cleanup.push(server.close);
    const client = await AmiClient.connect({ host: '127.0.0.1', port: server.port, tls: false, username: 'u', secret: 's', timers, keepaliveMs: 20_000, timeoutMs: 5_000 });
    const closed = new Promise<AmiError>((r) => client.onClose(r));
    timers.advance(20_000);
    await until(() => server.received.length === 2);
    expect(server.received.map((a) => a.Action)).toEqual(['Login', 'Ping']);
    expect(client.isOpen).toBe(true);
    timers.advance(5_000);
    const error = await closed;
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('Ping');
  });

  it('a long list is not cut off while items keep coming; only silence times out', async () => {
    const timers = new ManualTimers();
    let listSocket: net.Socket | undefined;
    let listId = '';
    const server = await scriptedServer((a, s) => {
      if (loginOk(a, s)) return;
      listSocket = s;
      listId = a.ActionID!;
      reply(s, { Response: 'Success', ActionID: listId, EventList: 'start' });
    });
    cleanup.push(server.close);
    const client = await AmiClient.connect({ host: '127.0.0.1', port: server.port, tls: false, username: 'u', secret: 's', timers, timeoutMs: 10_000, keepaliveMs: 1e9 });
    cleanup.push(() => client.close());
    const items: string[] = [];
    const done = client.list('CoreShowChannels', {}, (i) => items.push(i.Channel!));
    const tick = () => new Promise((r) => setTimeout(r, 20));
    await until(() => listSocket !== undefined);
    await tick();
    for (let i = 0; i < 5; i++) {
      timers.advance(6_000); // 30 s in all, never 10 s of silence
      reply(listSocket!, { Event: 'CoreShowChannel', ActionID: listId, Channel: `PJSIP/100${i}-1`, Uniqueid: `1.${i}` });
      await until(() => items.length === i + 1);
    }
    reply(listSocket!, { Event: 'CoreShowChannelsComplete', ActionID: listId, EventList: 'Complete', ListItems: '5' });
    await expect(done).resolves.toMatchObject({ complete: { ListItems: '5' } });
    expect(items).toHaveLength(5);
    // Now silence: a list that stops mid-way times out and closes the connection.
    const stalled = client.list('CoreShowChannels');
    await tick();
    timers.advance(10_000);
    await expect(stalled).rejects.toMatchObject({ kind: 'timeout' });
    expect(client.isOpen).toBe(false);
  });

  it('a dropped connection rejects what was pending and reports the close', async () => {
    const server = await scriptedServer((a, s) => {
      if (loginOk(a, s)) return;
      s.destroy();
    });
    cleanup.push(server.close);
    const client = await AmiClient.connect({ host: '127.0.0.1', port: server.port, tls: false, username: 'u', secret: 's' });
    const closed = new Promise<AmiError>((r) => client.onClose(r));
    await expect(client.list('CoreShowChannels')).rejects.toMatchObject({ kind: 'network' });
    expect((await closed).kind).toBe('network');
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from 1 s up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => reconnectDelayMs(n, 0))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
  it('jitter only shortens, by at most a fifth', () => {
    expect(reconnectDelayMs(3, 1)).toBe(3200);
    expect(reconnectDelayMs(3, 0.5)).toBe(3600);
  });
  it('nonsense input gives the first delay, never NaN or a negative', () => {
    for (const n of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(reconnectDelayMs(n, Number.NaN)).toBe(1000);
    expect(reconnectDelayMs(1e9, 2)).toBe(24000);
  });
});
