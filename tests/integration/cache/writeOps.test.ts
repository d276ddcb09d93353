import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { openSessionCache, type SessionCache } from '../../../main/cache/SessionCache';
import type { CacheWrite, TranscriptMessageRecord } from '../../../main/cache/types';
import { defaultWorkerEntry, spawnWorker } from '../../../main/cache/WorkerSessionCache';
import type { FromWorker, OpResult } from '../../../main/cache/worker/protocol';
import { interaction, message, T0, tempDir, type TempDir } from '../../unit/cache/fixtures';

// Issue 15: the recorder sends each flush of held writes as one op (recordWrites) and the
// writes travel as flat lists. One op, one ack, but each write is still committed or
// refused on its own, and an op the worker cannot read is refused alone.

let dir: TempDir;
let cache: SessionCache | undefined;
let worker: Worker | undefined;
afterEach(async () => {
  await cache?.close();
  cache = undefined;
  dir.cleanup();
});

async function open(): Promise<SessionCache> {
  dir = tempDir();
  const result = await openSessionCache({
    path: join(dir.path, 'cache.sqlite'),
    keyStore: new FileKeyStore(join(dir.path, 'cache.key')),
    now: () => T0 + 60_000,
    createWorker: (data) => (worker = spawnWorker(defaultWorkerEntry(), data)),
  });
  cache = result.cache;
  return result.cache;
}

describe('several writes as one op', () => {
  it('commits every good write and refuses only the bad one, saying which and why', async () => {
    const c = await open();
    const writes: CacheWrite[] = [
      { kind: 'interaction', record: interaction() },
      { kind: 'messages', records: [message(1)] },
      { kind: 'messages', records: [{ ...message(2), senderKind: 'robot' } as unknown as TranscriptMessageRecord] },
      { kind: 'timeline', records: [{ interactionId: 'int-1', eventId: 't-1', at: T0, kind: 'note', text: 'joined' }] },
      { kind: 'messages', records: [message(3)] },
    ];
    const results = await c.recordWrites(writes);
    expect(results.map((r) => r?.code ?? null)).toEqual([null, null, 'INVALID_INPUT', null, null]);
    expect(results[2]?.message).toMatch(/senderKind/);
    const detail = await c.openInteraction('int-1');
    expect(detail?.transcript.map((m) => m.messageId)).toEqual(['m-1', 'm-3']);
    expect(detail?.timeline.map((t) => t.eventId)).toEqual(['t-1']);
    expect(c.lastWriteAt).toBe(T0 + 60_000);
  });

  it('an op the worker cannot read gets a clear error of its own; the writes around it are kept', async () => {
    const c = await open();
    const acks: OpResult[] = [];
    worker!.on('message', (msg: FromWorker) => {
      if (msg.type === 'acks') acks.push(...msg.results);
    });
    const before = c.recordInteraction(interaction());
    worker!.postMessage({
      type: 'write',
      now: T0,
      ops: [
        { opId: 1_000_001, writes: { kinds: [2], sizes: [5], values: ['int-1', 'm-9'] } },
        { opId: 1_000_002, writes: 'not an encoding' },
        { writes: { kinds: [], sizes: [], values: [] } }, // no id to answer by: dropped
      ],
    });
    const after = c.recordMessages([message(4)]);
    await expect(before).resolves.toBeUndefined();
    await expect(after).resolves.toBeUndefined();
    await expect.poll(() => acks.filter((a) => a.opId > 1_000_000)).toHaveLength(2);
    for (const opId of [1_000_001, 1_000_002]) {
      expect(acks.find((a) => a.opId === opId)?.errors).toEqual([{ code: 'INVALID_INPUT', message: expect.stringMatching(/^Malformed cache write: /) }]);
    }
    expect((await c.openInteraction('int-1'))?.transcript.map((m) => m.messageId)).toEqual(['m-4']);
  });
});
