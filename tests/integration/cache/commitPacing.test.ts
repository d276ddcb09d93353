/**
 * The cache worker paces its commits (main/cache/worker/commitPacing.ts): a
 * stream of writes, as the recorder sends them every few milliseconds during
 * busy traffic, is committed in a few larger transactions instead of one per
 * arrival (each with its own fsync and FTS5 segment), and nothing is lost or
 * hidden from a read. Commits are counted at the worker boundary: one 'acks'
 * message per commit.
 */
import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { openSessionCache, type SessionCache } from '../../../main/cache/SessionCache';
import { defaultWorkerEntry, spawnWorker } from '../../../main/cache/WorkerSessionCache';
import { interaction, message, tempDir, type TempDir } from '../../unit/cache/fixtures';

let dir: TempDir;
let cache: SessionCache | undefined;
afterEach(async () => {
  await cache?.close();
  cache = undefined;
  dir.cleanup();
});

async function openCountingCommits(): Promise<{ cache: SessionCache; commits: () => number }> {
  let commits = 0;
  const result = await openSessionCache({
    path: join(dir.path, 'cache.sqlite'),
    keyStore: new FileKeyStore(join(dir.path, 'cache.key')),
    now: () => Date.now(),
    createWorker: (data) => {
      const worker: Worker = spawnWorker(defaultWorkerEntry(), data);
      worker.on('message', (m: { type?: string }) => {
        if (m?.type === 'acks') commits++;
      });
      return worker;
    },
  });
  cache = result.cache;
  return { cache: result.cache, commits: () => commits };
}

describe('cache worker commit pacing', () => {
  it('commits a stream of small writes in a few transactions, and keeps every one of them', async () => {
    dir = tempDir();
    const { cache: c, commits } = await openCountingCommits();
    await c.recordInteraction(interaction());
    const before = commits();
    // 40 writes, one every 5 ms (the recorder sends what it held every 25 ms; busier sites more often).
    const writes: Promise<void>[] = [];
    for (let n = 1; n <= 40; n++) {
      writes.push(c.recordMessages([message(n, { body: `update number ${n}` })]));
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(writes);
    // Old code: one commit per arrival (40). Paced: about one per 100 ms of the stream.
    expect(commits() - before).toBeLessThanOrEqual(8);
    expect((await c.openInteraction('int-1'))?.transcript).toHaveLength(40);
  });

  it('a read right behind a write sees it without waiting for the pace', async () => {
    dir = tempDir();
    const { cache: c } = await openCountingCommits();
    await c.recordInteraction(interaction());
    void c.recordMessages([message(1, { body: 'just said' })]);
    void c.recordMessages([message(2, { body: 'said right after' })]);
    const found = await c.search({ text: 'said' });
    expect(found.items.map((i) => i.id)).toEqual(['int-1']);
    expect((await c.openInteraction('int-1'))?.transcript.map((m) => m.body)).toEqual(['just said', 'said right after']);
  });
});
