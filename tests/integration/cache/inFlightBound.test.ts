import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../preload/contract';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { openSessionCache, type SessionCache } from '../../../main/cache/SessionCache';
import { CacheRecorder } from '../../../main/core/CacheRecorder';
import { silentLogger } from '../../../main/core/logger';
import { interaction, message, T0, tempDir, type TempDir } from '../../unit/cache/fixtures';

// Records sent to the cache worker and not yet committed are bounded (MAX_IN_FLIGHT_ROWS in
// WorkerSessionCache.ts), so a flood the disk cannot keep up with cannot grow memory without
// end. Past the bound new writes are refused with OVERLOADED; what was taken is committed, the
// supervisor is told once, and writes are taken again as soon as the worker catches up.

let dir: TempDir;
let cache: SessionCache | undefined;
afterEach(async () => {
  await cache?.close();
  cache = undefined;
  dir.cleanup();
});

async function open(maxInFlightRows: number): Promise<SessionCache> {
  dir = tempDir();
  const result = await openSessionCache({
    path: join(dir.path, 'cache.sqlite'),
    keyStore: new FileKeyStore(join(dir.path, 'cache.key')),
    now: () => T0 + 60_000,
    maxInFlightRows,
  });
  cache = result.cache;
  return result.cache;
}

const messages = (from: number, count: number) => Array.from({ length: count }, (_, n) => message(from + n));

describe('writes waiting for the disk', () => {
  it('are refused past the bound, without losing what was taken, and taken again once committed', async () => {
    const c = await open(10);
    // One turn: nothing can be acknowledged in between, so all of it waits at once.
    const first = c.recordWrites([{ kind: 'interaction', record: interaction() }, { kind: 'messages', records: messages(1, 8) }]);
    const flood = c.recordWrites([{ kind: 'messages', records: messages(9, 5) }]);
    const single = c.recordMessages(messages(14, 1));
    expect(await first).toEqual([null, null]);
    expect((await flood).map((e) => e?.code)).toEqual(['OVERLOADED']);
    expect((await flood)[0]?.message).toMatch(/more activity is arriving than the session cache can write/i);
    // 9 waiting + 1 more is still within the bound.
    await expect(single).resolves.toBeUndefined();
    expect((await c.stats()).messages).toBe(9);

    // Committed: the same messages are taken now.
    expect(await c.recordWrites([{ kind: 'messages', records: messages(9, 5) }])).toEqual([null]);
    const detail = await c.openInteraction('int-1');
    expect(detail?.transcript.map((m) => m.messageId)).toEqual(messages(1, 14).map((m) => m.messageId));
  });

  it('still takes one write bigger than the bound when nothing else waits (it cannot be split)', async () => {
    const c = await open(5);
    await c.recordInteraction(interaction());
    expect(await c.recordWrites([{ kind: 'messages', records: messages(1, 20) }])).toEqual([null]);
    expect((await c.stats()).messages).toBe(20);
  });

  it('tells the supervisor once, through the recorder, that activity is not being saved', async () => {
    const c = await open(3);
    const told: string[] = [];
    const recorder = new CacheRecorder(c, () => 'demo', () => ({ id: 'sup', name: 'Sue' }), () => new Map(), () => T0, silentLogger, (m) => told.push(m));
    const chat = (n: number) =>
      ({ id: `chat-${n}`, channel: 'chat', state: 'connected', startedAt: T0, participants: [], agents: [] }) as unknown as Interaction;
    for (let n = 0; n < 6; n++) {
      recorder.onConnectorEvent({ type: 'interactions', interactions: [chat(n)] });
      recorder.flush(); // each flush is one op; all in one turn
    }
    await c.stats();
    await new Promise((r) => setTimeout(r, 0));
    expect(told).toEqual([expect.stringMatching(/More activity is arriving than the session cache can write to disk/)]);
    expect((await c.search({})).items.length).toBeGreaterThan(0);
  });
});
