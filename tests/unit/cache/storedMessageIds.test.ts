import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { BodyCipher } from '../../../main/cache/encryption';
import { encodeBlock } from '../../../main/cache/messageBlocks';
import { BlockReader } from '../../../main/cache/messageIndex';
import { StoredMessageIds, type StoredMessageIdsOptions } from '../../../main/cache/storedMessageIds';
import { interaction, message, T0 } from './fixtures';

/** A cache with the given interactions, and a StoredMessageIds of our own over its blocks. */
function setUp(interactionIds: string[], options: StoredMessageIdsOptions = {}) {
  const key = randomBytes(32);
  const cache = CacheDatabase.open({ path: ':memory:', key, now: T0 }).cache;
  cache.applyWrites(
    interactionIds.map((id) => ({ kind: 'interaction' as const, record: interaction({ id }) })),
    T0,
  );
  const keyOf = cache.db.prepare('SELECT key FROM interactions WHERE id = ?').pluck();
  const keys = interactionIds.map((id) => keyOf.get(id) as number);
  const cipher = new BodyCipher(key);
  const reader = new BlockReader(cache.db, cipher);
  const decode = vi.spyOn(reader, 'decode');
  const insertBlock = cache.db.prepare(
    'INSERT INTO message_blocks (interaction_key, first_at, message_count, data) VALUES (?, ?, ?, ?)',
  );
  /** Store a block the way the writer does: after its ids were added. */
  const writeBlock = (interactionKey: number, messageIds: string[]): void => {
    const stored = messageIds.map((messageId, n) => {
      const { interactionId: _, ...m } = message(n, { messageId });
      return m;
    });
    insertBlock.run(interactionKey, T0, stored.length, cipher.encryptBytes(encodeBlock(stored)));
  };
  return { cache, keys, decode, writeBlock, ids: new StoredMessageIds(cache.db, reader, options) };
}

const hashes: Record<string, StoredMessageIdsOptions['hash']> = {
  default: undefined,
  allCollide: () => 7,
  byLength: (id) => id.length,
  zero: () => 0,
};

describe('StoredMessageIds', () => {
  it('says new exactly for ids not stored before, with redeliveries, evictions and hash collisions', () => {
    const batch = fc.record({
      interaction: fc.nat(3),
      ids: fc.array(
        fc.nat(12).map((n) => `m-${n}`),
        { minLength: 1, maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(batch, { maxLength: 40 }),
        fc.constantFrom(...Object.keys(hashes)),
        fc.constantFrom(1, 2, 80, 200, 1_000_000),
        fc.constantFrom(0, 3, 1_000_000),
        (batches, hashName, maxSlots, maxExactIds) => {
          const { cache, keys, writeBlock, ids } = setUp(['a', 'b', 'c', 'd'], {
            hash: hashes[hashName],
            maxSlots,
            maxExactIds,
          });
          try {
            const model = new Set<string>();
            for (const b of batches) {
              const key = keys[b.interaction]!;
              const fresh: string[] = [];
              for (const id of b.ids) {
                const isNew = !model.has(`${key}|${id}`);
                expect(ids.add(key, id)).toBe(isNew);
                model.add(`${key}|${id}`);
                if (isNew) fresh.push(id);
              }
              if (fresh.length > 0) writeBlock(key, fresh);
            }
          } finally {
            cache.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('does not decrypt a transcript again per batch under round-robin over more interactions than fit before', () => {
    // 2,100 chats, each with one stored block, visited in turn like the busy-site demo: before, the
    // 2,001st chat pushed out the least recently used one, which was the next one needed, so every
    // visit decrypted that chat's whole transcript again.
    const chats = Array.from({ length: 2_100 }, (_, i) => `chat-${i}`);
    const { cache, keys, decode, writeBlock, ids } = setUp(chats);
    try {
      for (const key of keys) writeBlock(key, ['m-0']);
      for (const key of keys) expect(ids.add(key, 'm-1')).toBe(true);
      const afterFirstVisit = decode.mock.calls.length;
      expect(afterFirstVisit).toBe(chats.length);
      for (let round = 2; round <= 4; round++) {
        for (const key of keys) {
          expect(ids.add(key, `m-${round}`)).toBe(true);
          expect(ids.add(key, 'm-0')).toBe(false);
        }
      }
      // Redeliveries are verified exactly: at most one more decrypt per chat, not one per batch.
      expect(decode.mock.calls.length).toBeLessThanOrEqual(2 * chats.length);
      const afterVerify = decode.mock.calls.length;
      for (const key of keys) expect(ids.add(key, 'm-5')).toBe(true);
      expect(decode.mock.calls.length).toBe(afterVerify);
    } finally {
      cache.close();
    }
  });
});
