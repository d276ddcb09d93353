import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { openSessionCache, type SessionCache } from '../../../main/cache/SessionCache';
import { WAL_CHECKPOINT_PAGES } from '../../../main/cache/openDatabase';
import { interaction, message, T0, tempDir, type TempDir } from '../../unit/cache/fixtures';

// Committed pages are copied from the WAL into the cache file by a thread of their own
// (worker/checkpointer.ts), not by the cache worker's commits (issue 15).

let dir: TempDir;
let cache: SessionCache | undefined;
afterEach(async () => {
  await cache?.close();
  cache = undefined;
  dir.cleanup();
});

const open = async (path: string) => {
  const result = await openSessionCache({ path, keyStore: new FileKeyStore(join(dir.path, 'cache.key')), now: () => T0 });
  cache = result.cache;
  return result.cache;
};
const size = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

describe('the checkpointer thread', () => {
  it('copies committed pages into the file long before the cache worker would, and the cache reopens whole', async () => {
    dir = tempDir();
    const path = join(dir.path, 'cache.sqlite');
    const c = await open(path);
    const fileBefore = size(path);
    const records = Array.from({ length: 3_000 }, (_, n) => message(n, { body: `message ${n} about order ${n * 7}` }));
    expect(await c.recordWrites([{ kind: 'interaction', record: interaction() }, { kind: 'messages', records }])).toEqual([null, null]);
    // Far below the cache worker's own auto-checkpoint: only the checkpointer copies these pages now.
    expect(size(`${path}-wal`)).toBeLessThan(WAL_CHECKPOINT_PAGES * 4096);
    const deadline = Date.now() + 10_000;
    while (size(path) <= fileBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(size(path)).toBeGreaterThan(fileBefore);

    await c.close();
    cache = undefined;
    const again = await open(path);
    expect((await again.stats()).messages).toBe(3_000);
    expect((await again.search({ text: 'order 2093' })).items.map((i) => i.id)).toEqual(['int-1']);
  });
});
