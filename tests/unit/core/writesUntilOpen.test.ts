import { describe, expect, it } from 'vitest';
import { CacheError } from '../../../main/cache/errors';
import type { CacheWrite } from '../../../main/cache/types';
import { WritesUntilOpen, type CacheWriter } from '../../../main/core/WritesUntilOpen';
import { interaction, message } from '../cache/fixtures';

// The core starts before the session cache is open (an upgrade can take seconds): what the
// recorder writes meanwhile waits, in order and bounded, and reaches the cache once it is open.

const writeOf = (n: number): CacheWrite[] => [{ kind: 'messages', records: [message(n)] }];

function fakeCache() {
  const received: CacheWrite[][] = [];
  const cache: CacheWriter = { recordWrites: async (writes) => (received.push(writes), writes.map(() => null)) };
  return { cache, received };
}

describe('writes while the session cache opens', () => {
  it('wait and reach the cache in the order they were made, then go straight through', async () => {
    const untilOpen = new WritesUntilOpen();
    const first = untilOpen.recordWrites([{ kind: 'interaction', record: interaction() }]);
    const second = untilOpen.recordWrites(writeOf(1));
    const { cache, received } = fakeCache();
    untilOpen.opened(cache);
    expect(await first).toEqual([null]);
    expect(await second).toEqual([null]);
    expect(await untilOpen.recordWrites(writeOf(2))).toEqual([null]);
    expect(received.map((w) => w[0]!.kind)).toEqual(['interaction', 'messages', 'messages']);
  });

  it('are bounded: past the bound a write is refused with OVERLOADED, the ones before it are kept', async () => {
    const untilOpen = new WritesUntilOpen(2);
    const kept = [untilOpen.recordWrites(writeOf(1)), untilOpen.recordWrites(writeOf(2))];
    expect((await untilOpen.recordWrites(writeOf(3))).map((e) => e?.code)).toEqual(['OVERLOADED']);
    const { cache, received } = fakeCache();
    untilOpen.opened(cache);
    expect(await Promise.all(kept)).toEqual([[null], [null]]);
    expect(received).toHaveLength(2);
  });

  it('are refused with CLOSED when the cache cannot be opened, and so are later ones', async () => {
    const untilOpen = new WritesUntilOpen();
    const waiting = untilOpen.recordWrites(writeOf(1));
    untilOpen.opened(null);
    expect((await waiting).map((e) => e?.code)).toEqual(['CLOSED']);
    expect((await untilOpen.recordWrites(writeOf(2)))[0]).toBeInstanceOf(CacheError);
  });

  it('get the cache’s own refusal when the cache rejects them', async () => {
    const untilOpen = new WritesUntilOpen();
    const waiting = untilOpen.recordWrites(writeOf(1));
    untilOpen.opened({ recordWrites: () => Promise.reject(new CacheError('WORKER_FAILED', 'stopped')) });
    expect((await waiting).map((e) => e?.code)).toEqual(['WORKER_FAILED']);
  });
});
