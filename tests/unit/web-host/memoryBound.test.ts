import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

interface Measure {
  rss: number;
  logBytes: number;
  logLines: number;
  gc: boolean;
}

let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function next<T>(c: ChildProcess): Promise<T> {
  return new Promise((resolve) => c.once('message', (m) => resolve(m as T)));
}

const MB = 1024 * 1024;

describe('web host memory against hostile frames', () => {
  it('1,000 frames with distinct 1.5 MB unknown keys: RSS grows < 50 MB, the log stays small, the host still answers', { timeout: 600_000 }, async () => {
    child = fork(path.join(__dirname, 'fixtures', 'memoryHost.ts'), [], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const { port, token } = await next<{ port: number; token: string }>(child);
    // A host that dies (heap out of memory) fails the test at once instead of leaving it waiting.
    const died = new Promise<never>((_, reject) => child?.once('exit', (code, signal) => reject(new Error(`the web host died (${code ?? signal})`))));
    died.catch(() => undefined);
    const measure = async (): Promise<Measure> => {
      const reply = next<Measure>(child as ChildProcess);
      child?.send('measure');
      return Promise.race([died, reply]);
    };

    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${token}`);
    await new Promise((r) => ws.once('open', r));
    const answers = new Map<number, (result: { ok: boolean; error?: { code: string; message: string } }) => void>();
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { kind: string; id?: number; result?: { ok: boolean } };
      if (frame.kind === 'result' && frame.id !== undefined) answers.get(frame.id)?.(frame.result as { ok: boolean });
    });
    const ask = (id: number, text: string) =>
      Promise.race([
        died,
        new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve) => {
          answers.set(id, resolve);
          ws.send(text);
        }),
      ]);
    const filler = 'k'.repeat(1.5 * MB);
    // Each key is new: the old code kept every one (as a warn-once key) until the heap died.
    const hostileFrame = (i: number) =>
      `{"kind":"invoke","id":${i},"channel":"supervisor:setStatus","payload":{"status":"Available","${i}-${filler}":1}}`;

    // Warm up (allocator pools, JIT), then take the baseline.
    for (let i = 1; i <= 30; i++) await ask(i, hostileFrame(i));
    const before = await measure();
    let lastMessage = '';
    for (let i = 31; i <= 1030; i++) {
      const result = await ask(i, hostileFrame(i));
      expect(result.ok).toBe(false);
      lastMessage = result.error?.message ?? '';
    }
    const hello = await ask(5000, JSON.stringify({ kind: 'invoke', id: 5000, channel: 'app:hello', payload: {} }));
    const after = await measure();
    ws.close();

    expect(before.gc).toBe(true);
    expect(hello.ok).toBe(true);
    const growth = (after.rss - before.rss) / MB;
    console.log(`web_host_rss_growth_mb_after_1000_hostile_frames: ${growth.toFixed(1)}`);
    expect(growth).toBeLessThan(50);
    // Each distinct key may be logged once, but as a bounded line.
    expect(after.logBytes / Math.max(1, after.logLines)).toBeLessThan(1000);
    expect(after.logBytes).toBeLessThan(2 * MB);
    // The refusal says what was wrong without echoing 1.5 MB back.
    expect(lastMessage).toMatch(/unknown key “1030-kkkk/);
    expect(lastMessage.length).toBeLessThan(600);

    child.send('stop');
    await died.catch(() => undefined);
  });
});
