import { beforeEach, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../../main/cache/CacheDatabase';
import type { CacheWrite } from '../../../main/cache/types';
import { DAY, interaction, memoryCache, message, T0 } from './fixtures';

let cache: CacheDatabase;

beforeEach(() => {
  cache = memoryCache();
  cache.applyWrites(
    [
      { kind: 'interaction', record: interaction({ id: 'chat-ann', channel: 'webMessaging', monitoredByMe: true }) },
      {
        kind: 'interaction',
        record: interaction({
          id: 'sms-bob',
          channel: 'sms',
          queueId: 'q-support',
          queueName: 'Support',
          agents: [{ id: 'agent-bob', name: 'Bob Agent' }],
          startedAt: T0 + DAY,
          lastSeenAt: T0 + DAY + 1000,
        }),
      },
      {
        kind: 'interaction',
        record: interaction({
          id: 'voice-old',
          channel: 'voice',
          startedAt: T0 - 10 * DAY,
          endedAt: T0 - 10 * DAY + 1000,
          lastSeenAt: T0 - 10 * DAY + 1000,
        }),
      },
      {
        kind: 'messages',
        records: [
          message(1, { interactionId: 'chat-ann', body: 'I would like a refund for my order' }),
          message(2, { interactionId: 'chat-ann', body: 'The delivery was late' }),
          message(3, { interactionId: 'sms-bob', channel: 'sms', body: 'Refund processed, order closed' }),
        ],
      },
    ],
    T0,
  );
});

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe('listing cached interactions with filters', () => {
  it('lists everything newest first without filters', () => {
    expect(ids(cache.search({}))).toEqual(['sms-bob', 'chat-ann', 'voice-old']);
  });

  it('filters by agent, queue, channel and monitored-by-me', () => {
    expect(ids(cache.search({ agentId: 'agent-bob' }))).toEqual(['sms-bob']);
    expect(ids(cache.search({ queueId: 'q-sales' }))).toEqual(['chat-ann', 'voice-old']);
    expect(ids(cache.search({ channel: 'voice' }))).toEqual(['voice-old']);
    expect(ids(cache.search({ monitoredByMe: true }))).toEqual(['chat-ann']);
  });

  it('filters by date range (interactions overlapping it)', () => {
    expect(ids(cache.search({ from: T0 - DAY, to: T0 + DAY / 2 }))).toEqual(['chat-ann']);
    expect(ids(cache.search({ to: T0 - DAY }))).toEqual(['voice-old']);
  });

  it('limits results and says more exist', () => {
    const r = cache.search({ limit: 2 });
    expect(r.items).toHaveLength(2);
    expect(r.truncated).toBe(true);
  });
});

describe('full-text search', () => {
  it('finds interactions by words in their transcript, with highlighted hits', () => {
    const r = cache.search({ text: 'refund' });
    expect(ids(r)).toEqual(['sms-bob', 'chat-ann']);
    expect(r.terms).toEqual(['refund']);
    expect(r.items[1]?.hits[0]?.segments).toEqual([
      { text: 'I would like a ', hit: false },
      { text: 'refund', hit: true },
      { text: ' for my order', hit: false },
    ]);
  });

  it('lists the interaction with the newest matching message first, across separate writes', () => {
    cache.applyWrites([{ kind: 'messages', records: [message(20, { interactionId: 'voice-old', body: 'late refund' })] }], T0);
    expect(ids(cache.search({ text: 'refund' }))).toEqual(['voice-old', 'sms-bob', 'chat-ann']);
    cache.applyWrites([{ kind: 'messages', records: [message(21, { interactionId: 'chat-ann', body: 'refund again' })] }], T0);
    expect(ids(cache.search({ text: 'refund' }))).toEqual(['chat-ann', 'voice-old', 'sms-bob']);
  });

  it('needs all words, matching the last one as a prefix while typing', () => {
    expect(ids(cache.search({ text: 'refund ord' }))).toEqual(['sms-bob', 'chat-ann']);
    expect(ids(cache.search({ text: 'refund deliv' }))).toEqual([]);
    expect(ids(cache.search({ text: 'deliv' }))).toEqual(['chat-ann']);
  });

  it('combines text with filters', () => {
    expect(ids(cache.search({ text: 'refund', channel: 'sms' }))).toEqual(['sms-bob']);
    expect(ids(cache.search({ text: 'refund', monitoredByMe: true }))).toEqual(['chat-ann']);
  });

  it('treats quotes and operators as plain text instead of failing', () => {
    expect(() => cache.search({ text: '"refund' })).not.toThrow();
    expect(ids(cache.search({ text: '"refund' }))).toEqual(['sms-bob', 'chat-ann']);
    expect(() => cache.search({ text: 'NEAR( OR "' })).not.toThrow();
  });

  it('lists all interactions when the text has no words', () => {
    expect(cache.search({ text: '  "  ' }).items).toHaveLength(3);
  });

  it('is case and accent insensitive', () => {
    cache.applyWrites([{ kind: 'messages', records: [message(9, { interactionId: 'voice-old', body: 'Crème brûlée' })] }], T0);
    expect(ids(cache.search({ text: 'CREME brulee' }))).toEqual(['voice-old']);
  });

  it('finds words whose marks the index keeps (Russian ё, Greek tonos), whole and by prefix', () => {
    cache.applyWrites([{ kind: 'messages', records: [message(9, { interactionId: 'voice-old', body: 'Ёлка и ελληνικά, ΟΔΟΣ' })] }], T0);
    for (const text of ['ёлка', 'Ёл', 'Ελληνικά', 'ελλη', 'οδος']) expect(ids(cache.search({ text })), text).toEqual(['voice-old']);
    const hit = cache.search({ text: 'ёлка' }).items[0]?.hits[0]?.segments.find((s) => s.hit);
    expect(hit?.text).toBe('Ёлка');
  });

  it('still finds a new word by prefix after its first write was rolled back and retried', () => {
    const bad = { kind: 'messages', records: [{ ...message(8), at: -1 }] } as unknown as CacheWrite;
    cache.applyWritesIsolated([{ kind: 'messages', records: [message(7, { interactionId: 'sms-bob', body: 'zebra crossing' })] }, bad], T0);
    expect(ids(cache.search({ text: 'zeb' }))).toEqual(['sms-bob']);
  });

  it('forgets purged words so they no longer complete a prefix', () => {
    cache.purge(5, T0 + 2 * DAY); // removes voice-old only
    cache.applyWrites([{ kind: 'interaction', record: interaction({ id: 'new', startedAt: T0 + 2 * DAY, lastSeenAt: T0 + 2 * DAY }) }], T0);
    expect(cache.db.prepare("SELECT count(*) AS n FROM search_terms WHERE term = 'refund'").get()).toEqual({ n: 1 });
    cache.purge(0, T0 + 3 * DAY);
    expect(cache.db.prepare('SELECT count(*) AS n FROM search_terms').get()).toEqual({ n: 0 });
  });
});
