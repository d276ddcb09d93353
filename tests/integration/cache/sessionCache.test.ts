import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../main/cache/keyStore';
import { openSessionCache, type SessionCache } from '../../../main/cache/SessionCache';
import type { TranscriptMessageRecord } from '../../../main/cache/types';
import { interaction, message, T0, tempDir, type TempDir } from '../../unit/cache/fixtures';

let dir: TempDir;
let cache: SessionCache | undefined;
afterEach(async () => {
  await cache?.close();
  cache = undefined;
  dir.cleanup();
});

async function open(extra: Partial<Parameters<typeof openSessionCache>[0]> = {}) {
  const result = await openSessionCache({
    path: join(dir.path, 'cache.sqlite'),
    keyStore: new FileKeyStore(join(dir.path, 'cache.key')),
    now: () => T0 + 60_000,
    ...extra,
  });
  cache = result.cache;
  return result;
}

describe('SessionCache in a worker thread', () => {
  it('records, searches, reopens, notes and exports across a restart', async () => {
    dir = tempDir();
    const first = await open();
    expect(first.notices.map((n) => n.code)).toEqual(['INSECURE_KEY_STORE']);
    expect(first.cache.lastWriteAt).toBeNull();

    await first.cache.recordInteraction(interaction());
    await first.cache.recordMessages([message(1, { body: 'Where is my parcel?' }), message(2, { body: 'It ships today' })]);
    expect(first.cache.lastWriteAt).toBe(T0 + 60_000);
    await first.cache.close();

    const second = await open();
    expect(second.notices.map((n) => n.code)).toEqual(['INSECURE_KEY_STORE']);
    const found = await second.cache.search({ text: 'parcel' });
    expect(found.items.map((i) => i.id)).toEqual(['int-1']);
    expect(found.items[0]?.hits[0]?.segments).toContainEqual({ text: 'parcel', hit: true });

    const note = await second.cache.addNote({ interactionId: 'int-1', authorId: 's', authorName: 'Sue', at: T0, text: 'Follow up' });
    expect(note.text).toBe('Follow up');
    const detail = await second.cache.openInteraction('int-1');
    expect(detail?.transcript.map((m) => m.body)).toEqual(['Where is my parcel?', 'It ships today']);
    expect(detail?.notes.map((n) => n.text)).toEqual(['Follow up']);

    const pdf = await second.cache.exportInteraction('int-1', 'pdf');
    expect(Buffer.isBuffer(pdf.data)).toBe(true);
    expect(pdf.data.subarray(0, 4).toString()).toBe('%PDF');
    const stats = await second.cache.stats();
    expect(stats).toMatchObject({ interactions: 1, messages: 2, notes: 1, lastWriteAt: T0 + 60_000 });
  });

  it('rejects only the bad record when several are recorded together', async () => {
    dir = tempDir();
    const { cache: c } = await open();
    const good = c.recordInteraction(interaction());
    const bad = c.recordMessages([{ ...message(1), senderKind: 'robot' } as unknown as TranscriptMessageRecord]);
    const alsoGood = c.recordMessages([message(2)]);
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/senderKind/) });
    await expect(alsoGood).resolves.toBeUndefined();
    expect((await c.openInteraction('int-1'))?.transcript.map((m) => m.messageId)).toEqual(['m-2']);
  });

  it('lets a search see writes made just before it, without waiting for them', async () => {
    dir = tempDir();
    const { cache: c } = await open();
    void c.recordInteraction(interaction());
    void c.recordMessages([message(1, { body: 'instant visibility' })]);
    expect((await c.search({ text: 'visibility' })).items).toHaveLength(1);
  });

  it('reports invalid redaction patterns as notices and still redacts cards', async () => {
    dir = tempDir();
    const { cache: c, notices } = await open({ redactionPatterns: [{ name: 'bad', pattern: '(' }] });
    expect(notices.map((n) => n.code)).toContain('REDACTION_PATTERN_SKIPPED');
    await c.recordInteraction(interaction());
    await c.recordMessages([message(1, { body: 'card 4111111111111111' })]);
    expect((await c.openInteraction('int-1'))?.transcript[0]?.body).toBe('card [REDACTED CARD]');
  });

  it('rejects calls after close with a clear error', async () => {
    dir = tempDir();
    const { cache: c } = await open();
    await c.close();
    cache = undefined;
    await expect(c.search({})).rejects.toMatchObject({ code: 'CLOSED' });
  });
});
