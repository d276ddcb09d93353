import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { PAN_REPLACEMENT } from '../../../main/cache/redaction';
import { openSessionCache, type SessionCache } from '../../../main/cache/SessionCache';
import { interaction, message, T0, tempDir, type TempDir } from '../../unit/cache/fixtures';

// The export runs in the cache worker, next to every write and search: a
// hostile transcript must neither stall it for minutes nor take it down.

let dir: TempDir;
let cache: SessionCache | undefined;
afterEach(async () => {
  await cache?.close();
  cache = undefined;
  dir.cleanup();
});

const zalgo = 'Z\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a'.repeat(10_000);

describe('exporting a hostile conversation through the cache worker', () => {
  it('makes both exports, then keeps caching and searching, with no restart', async () => {
    dir = tempDir();
    const restarts: unknown[] = [];
    const opened = await openSessionCache({
      path: join(dir.path, 'cache.sqlite'),
      keyStore: new FileKeyStore(join(dir.path, 'cache.key')),
      now: () => T0 + 60_000,
      onRestart: (notices) => restarts.push(notices),
    });
    cache = opened.cache;
    await cache.recordInteraction(interaction());
    await cache.recordMessages([
      message(1, { body: 'y'.repeat(1_000_000) }),
      message(2, { body: zalgo }),
      message(3, { body: `zero${'\u200b'.repeat(100_000)}width` }),
      message(4, { body: `my card ${'0000 '.repeat(50_000)}` }),
    ]);

    const pdf = await cache.exportInteraction('int-1', 'pdf', { timeZone: 'UTC' });
    expect(pdf.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await cache.exportInteraction('int-1', 'text', { timeZone: 'UTC' })).data.toString('utf8');
    expect(text).toContain(`(agent): ${'y'.repeat(1_000_000)}\n`);
    expect(text).toContain(`(customer): my card ${`${PAN_REPLACEMENT} `.repeat(12_500)}\n`);

    await expect(cache.exportInteraction('int-1', 'pdf', { timeZone: 'Nowhere/Atlantis' })).rejects.toMatchObject({
      code: 'EXPORT_FAILED',
      message: expect.stringMatching(/^The PDF export could not be made: .*time zone/i),
    });

    await cache.recordMessages([message(5, { body: 'parcel arrived, thanks' })]);
    expect((await cache.search({ text: 'parcel' })).items.map((i) => i.id)).toEqual(['int-1']);
    expect(restarts).toEqual([]);
  });
});
