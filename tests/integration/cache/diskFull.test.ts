import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheError } from '../../../main/cache/errors';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { openSessionCache } from '../../../main/cache/SessionCache';
import { interaction, message, openRawCache, tempDir, type TempDir } from '../../unit/cache/fixtures';

let dir: TempDir;
afterEach(() => dir.cleanup());

describe('disk full', () => {
  it('gives a clear DISK_FULL error, keeps serving reads and loses nothing already saved', async () => {
    dir = tempDir();
    const path = join(dir.path, 'cache.sqlite');
    const keyStore = new FileKeyStore(join(dir.path, 'cache.key'));
    // Create the schema, then reopen with the file capped a little above its size.
    const setup = await openSessionCache({ path, keyStore });
    await setup.cache.recordInteraction(interaction());
    await setup.cache.close();
    const raw = openRawCache(path, await keyStore.getOrCreateKey());
    const pages = raw.pragma('page_count', { simple: true }) as number;
    raw.close();

    const { cache } = await openSessionCache({ path, keyStore, maxPageCount: pages + 20 });
    const saved: string[] = [];
    let error: unknown;
    for (let batch = 0; batch < 500 && !error; batch++) {
      const records = Array.from({ length: 20 }, (_, i) =>
        message(batch * 20 + i, { body: `batch ${batch} filler ${'lorem ipsum '.repeat(20)}` }),
      );
      try {
        await cache.recordMessages(records);
        saved.push(...records.map((r) => r.messageId));
      } catch (err) {
        error = err;
      }
    }
    try {
      expect(error).toBeInstanceOf(CacheError);
      expect(error).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/free some space/i) });
      expect(saved.length).toBeGreaterThan(0);

      // Reads still work and everything acknowledged is there.
      const detail = await cache.openInteraction('int-1');
      expect(detail?.transcript.map((m) => m.messageId)).toEqual(saved);
      expect((await cache.search({ text: 'filler' })).items).toHaveLength(1);
      // A later write fails the same clear way instead of crashing the cache.
      await expect(cache.recordMessages([message(99_999, { body: 'x'.repeat(20_000) })])).rejects.toMatchObject({
        code: 'DISK_FULL',
      });
      expect((await cache.stats()).messages).toBe(saved.length);
    } finally {
      await cache.close();
    }
  });
});
