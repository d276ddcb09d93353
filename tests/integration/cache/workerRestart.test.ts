import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { openSessionCache, type SessionCache } from '../../../main/cache/SessionCache';
import { defaultWorkerEntry, spawnWorker } from '../../../main/cache/WorkerSessionCache';
import type { CacheNotice } from '../../../main/cache/notices';
import { interaction, message, tempDir, type TempDir } from '../../unit/cache/fixtures';

let dir: TempDir;
let cache: SessionCache | undefined;
afterEach(async () => {
  await cache?.close();
  cache = undefined;
  dir.cleanup();
});

async function eventually<T>(fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function openWithWorkers() {
  const workers: Worker[] = [];
  const restarts: CacheNotice[][] = [];
  const result = await openSessionCache({
    path: join(dir.path, 'cache.sqlite'),
    keyStore: new FileKeyStore(join(dir.path, 'cache.key')),
    now: () => Date.now(),
    restartDelayMs: 50,
    onRestart: (notices) => restarts.push(notices),
    createWorker: (data) => {
      const worker = spawnWorker(defaultWorkerEntry(), data);
      workers.push(worker);
      return worker;
    },
  });
  cache = result.cache;
  return { cache: result.cache, workers, restarts };
}

describe('session cache worker crash', () => {
  it('starts the worker again, keeps what was saved, and takes new writes', async () => {
    dir = tempDir();
    const { cache: c, workers, restarts } = await openWithWorkers();
    await c.recordInteraction(interaction());
    await c.recordMessages([message(1, { body: 'saved before the crash' })]);

    await workers[0]!.terminate(); // as if the thread died
    await expect(c.search({ text: 'saved' })).rejects.toMatchObject({ code: 'WORKER_FAILED', message: expect.stringMatching(/starting it again/) });

    const found = await eventually(() => c.search({ text: 'saved' }));
    expect(found.items.map((i) => i.id)).toEqual(['int-1']);
    expect(workers).toHaveLength(2);
    expect(restarts).toEqual([[]]);
    await c.recordMessages([message(2, { body: 'written after the restart' })]);
    expect((await c.openInteraction('int-1'))?.transcript.map((m) => m.body)).toEqual(['saved before the crash', 'written after the restart']);
  });

  it('gives up, with a message saying what to do, when the worker keeps stopping', async () => {
    dir = tempDir();
    const { cache: c, workers } = await openWithWorkers();
    for (let crash = 0; crash < 4; crash++) {
      await workers.at(-1)!.terminate();
      if (crash < 3) await eventually(() => c.stats());
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(workers).toHaveLength(4);
    await expect(c.stats()).rejects.toMatchObject({ code: 'WORKER_FAILED', message: expect.stringMatching(/keeps stopping.*restart Spyglass/) });
  });
});
