import { randomBytes } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { retentionCutoff } from '../../../main/cache/retention';
import { DAY, interaction, memoryCache, message, T0, tempDir, type TempDir } from './fixtures';

let dir: TempDir | undefined;
afterEach(() => dir?.cleanup());

describe('retention', () => {
  it('computes the cutoff from days and the given time', () => {
    expect(retentionCutoff(30, T0)).toBe(T0 - 30 * DAY);
    expect(() => retentionCutoff(-1, T0)).toThrow(/days >= 0/);
  });

  it('purges interactions last active before the cutoff, with their transcript, notes and index entries', () => {
    const cache = memoryCache();
    cache.applyWrites(
      [
        { kind: 'interaction', record: interaction({ id: 'old', startedAt: T0 - 40 * DAY, lastSeenAt: T0 - 40 * DAY }) },
        // Started long ago but still active recently: kept.
        { kind: 'interaction', record: interaction({ id: 'long', startedAt: T0 - 40 * DAY, lastSeenAt: T0 - DAY }) },
        { kind: 'messages', records: [message(1, { interactionId: 'old', body: 'ancient refund' })] },
        { kind: 'messages', records: [message(2, { interactionId: 'long', body: 'recent refund' })] },
        {
          kind: 'audit',
          record: { auditId: 'orphan', actorId: 's', actorName: 'S', action: 'login', target: '-', at: T0 - 40 * DAY, result: 'ok' },
        },
      ],
      T0,
    );
    cache.addNote({ interactionId: 'old', authorId: 's', authorName: 'S', at: T0 - 40 * DAY, text: 'old note' });

    const result = cache.purge(30, T0);

    expect(result.interactionsDeleted).toBe(1);
    expect(cache.openInteraction('old')).toBeNull();
    expect(cache.stats()).toMatchObject({ interactions: 1, messages: 1, notes: 0 });
    expect(cache.search({ text: 'refund' }).items.map((i) => i.id)).toEqual(['long']);
    // The purged words left the full-text index itself, not just the results.
    cache.db.exec("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, message_fts, 'row')");
    const words = (cache.db.prepare('SELECT term FROM temp.words').all() as { term: string }[]).map((w) => w.term);
    expect(words).toEqual(['recent', 'refund']);
    expect(cache.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });

  it('gives the space back: the file shrinks after a large purge', () => {
    dir = tempDir();
    const path = join(dir.path, 'cache.sqlite');
    const { cache } = CacheDatabase.open({ path, key: randomBytes(32), now: T0 });
    const writes = [];
    for (let i = 0; i < 200; i++) {
      writes.push({
        kind: 'interaction' as const,
        record: interaction({ id: `i${i}`, startedAt: T0 - 100 * DAY, lastSeenAt: T0 - 100 * DAY }),
      });
      writes.push({
        kind: 'messages' as const,
        records: Array.from({ length: 50 }, (_, n) =>
          message(n, { interactionId: `i${i}`, body: `payload ${randomBytes(64).toString('hex')} words ${i} ${n}` }),
        ),
      });
    }
    cache.applyWrites(writes, T0);
    cache.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = statSync(path).size;

    const result = cache.purge(30, T0);

    expect(result.interactionsDeleted).toBe(200);
    const after = statSync(path).size;
    expect(after).toBeLessThan(before / 4);
    expect(result.bytesAfter).toBeLessThan(result.bytesBefore);
    cache.close();
  });

  it('also deletes moved-aside damaged caches once they are older than the retention', () => {
    dir = tempDir();
    const path = join(dir.path, 'cache.sqlite');
    const { cache } = CacheDatabase.open({ path, key: randomBytes(32), now: T0 });
    const old = `${path}.corrupt-${T0 - 40 * DAY}`;
    const recent = `${path}.corrupt-${T0 - DAY}`;
    for (const f of [old, `${old}-wal`, recent]) writeFileSync(f, 'x');

    cache.purge(30, T0);

    expect(existsSync(old)).toBe(false);
    expect(existsSync(`${old}-wal`)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(path)).toBe(true);
    cache.close();
  });
});
