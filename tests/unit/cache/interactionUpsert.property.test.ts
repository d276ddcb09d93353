import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CacheDatabase } from '../../../main/cache/CacheDatabase';
import Sqlite from '../../../main/cache/sqlite';
import type { CacheWrite, InteractionRecord } from '../../../main/cache/types';
import { encodeWrites } from '../../../main/cache/worker/writeCodec';
import { interaction, message, T0, tempDir } from './fixtures';

// The cache writes a conversation it has no key for with a key it picks (one above the largest)
// and INSERT ... DO NOTHING, and one it has a key for with UPDATE by key (issue 15: one lookup
// less per new conversation). Whatever the updates, the rows must be exactly what the single
// upsert it replaced leaves, also when the writer's memory of keys is lost (a reopened file),
// when a commit rolls back, and when another connection took the next key.

const UPSERT = `
  INSERT INTO ref (id, channel, queue_id, queue_name, customer_name, state, started_at, ended_at, monitored_by_me, last_seen_at, connector, platform_id, epoch)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET
    channel = excluded.channel,
    queue_id = coalesce(excluded.queue_id, queue_id),
    queue_name = coalesce(excluded.queue_name, queue_name),
    customer_name = coalesce(excluded.customer_name, customer_name),
    state = excluded.state,
    started_at = min(started_at, excluded.started_at),
    ended_at = coalesce(excluded.ended_at, ended_at),
    monitored_by_me = max(monitored_by_me, excluded.monitored_by_me),
    last_seen_at = max(last_seen_at, excluded.last_seen_at)`;
const COLUMNS = 'id, channel, queue_id, queue_name, customer_name, state, started_at, ended_at, monitored_by_me, last_seen_at, connector, platform_id, epoch';

/** The single upsert the cache used before, on a plain table: the reference. */
function reference() {
  const db = new Sqlite(':memory:');
  db.exec(`CREATE TABLE ref (id TEXT PRIMARY KEY, channel TEXT, queue_id TEXT, queue_name TEXT, customer_name TEXT, state TEXT,
    started_at INTEGER, ended_at INTEGER, monitored_by_me INTEGER, last_seen_at INTEGER, connector TEXT, platform_id TEXT, epoch INTEGER)`);
  const upsert = db.prepare(UPSERT);
  return {
    apply(r: InteractionRecord) {
      upsert.run(r.id, r.channel, r.queueId ?? null, r.queueName ?? null, r.customerName ?? null, r.state, r.startedAt, r.endedAt ?? null,
        r.monitoredByMe ? 1 : 0, r.lastSeenAt, r.identity?.connector ?? '', r.identity?.platformId ?? r.id, r.identity?.epoch ?? r.startedAt);
    },
    rows: () => db.prepare(`SELECT ${COLUMNS} FROM ref ORDER BY id`).all(),
    close: () => db.close(),
  };
}

const maybeNull = <T>(a: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), a);
const update = fc
  .record({
    id: fc.constantFrom('int-1', 'int-2', 'int-3', 'int-4'),
    channel: fc.constantFrom('voice', 'webMessaging', 'sms'),
    queueId: maybeNull(fc.constantFrom('q-1', 'q-2')),
    queueName: maybeNull(fc.constantFrom('Sales', 'Billing')),
    customerName: maybeNull(fc.constantFrom('Carl', 'Dora')),
    state: fc.constantFrom('connected', 'ended'),
    startedAt: fc.integer({ min: T0, max: T0 + 1000 }),
    endedAt: maybeNull(fc.integer({ min: T0, max: T0 + 2000 })),
    monitoredByMe: fc.boolean(),
    lastSeenAt: fc.integer({ min: T0, max: T0 + 3000 }),
  })
  .map((r) => interaction(r as Partial<InteractionRecord>));
// A write the cache refuses: the commit it is in rolls back and each write is committed alone.
const refusedWrite = { kind: 'timeline', records: [{ interactionId: 'int-1', eventId: '', at: -1, kind: 'x', text: 'x' }] } as unknown as CacheWrite;
type Step = { commit: (InteractionRecord | 'refused')[] } | { reopen: true } | { foreignKey: true };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.oneof({ weight: 6, arbitrary: update }, { weight: 1, arbitrary: fc.constant('refused' as const) }), { minLength: 1, maxLength: 6 }).map((commit) => ({ commit })) },
  { weight: 1, arbitrary: fc.constant({ reopen: true as const }) },
  { weight: 1, arbitrary: fc.constant({ foreignKey: true as const }) },
);

describe('a conversation inserted under a key the writer picks, updated by its key', () => {
  it('leaves exactly the rows the single upsert left, across reopens, rollbacks and keys taken elsewhere', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    let file = 0;
    try {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
          const path = join(dir.path, `c${file++}.sqlite`);
          const open = () => CacheDatabase.open({ path, key, now: T0, redactionPatterns: [] }).cache;
          let cache = open();
          const ref = reference();
          let foreign = 0;
          let sent = 0;
          const messagesOf = new Map<string, number>();
          try {
            for (const s of steps) {
              if ('reopen' in s) {
                cache.close();
                cache = open();
              } else if ('foreignKey' in s) {
                // Another connection (here: the same one, behind the writer's back) takes the next key.
                const next = (cache.db.prepare('SELECT coalesce(max(key), 0) + 1 FROM interactions').pluck().get() as number);
                const id = `foreign-${foreign++}`;
                cache.db.prepare(`INSERT INTO interactions (key, ${COLUMNS}) VALUES (?, ?, 'voice', NULL, NULL, NULL, 'connected', ?, NULL, 0, ?, '', ?, ?)`).run(next, id, T0, T0, id, T0);
                ref.apply(interaction({ id, channel: 'voice', queueId: null, queueName: null, customerName: null, startedAt: T0, lastSeenAt: T0, monitoredByMe: false, endedAt: null }));
              } else {
                const writes = s.commit.map((w) => (w === 'refused' ? refusedWrite : ({ kind: 'interaction', record: w } as CacheWrite)));
                // A message right after each update: it must land on that conversation.
                const withMessages = writes.flatMap((w) => (w.kind === 'interaction' ? [w, { kind: 'messages', records: [message(sent++, { interactionId: w.record.id })] } as CacheWrite] : [w]));
                let committed: boolean[];
                try {
                  cache.applyEncodedWrites([structuredClone(encodeWrites(withMessages))], T0);
                  committed = withMessages.map(() => true);
                } catch {
                  committed = cache.applyEachAlone(withMessages, T0).map((e) => e === null);
                }
                withMessages.forEach((w, n) => {
                  // Only the refused write is refused; every update and message is taken.
                  expect(committed[n]).toBe(w !== refusedWrite);
                  if (committed[n] && w.kind === 'interaction') ref.apply(w.record);
                  if (committed[n] && w.kind === 'messages') messagesOf.set(w.records[0]!.interactionId, (messagesOf.get(w.records[0]!.interactionId) ?? 0) + 1);
                });
              }
              expect(cache.db.prepare(`SELECT ${COLUMNS} FROM interactions ORDER BY id`).all()).toEqual(ref.rows());
              // Each message went to the conversation it names, under whichever key that one has.
              for (const [id, count] of messagesOf) expect(cache.openInteraction(id)?.transcript.length).toBe(count);
              expect(cache.db.pragma('foreign_key_check')).toEqual([]);
            }
          } finally {
            cache.close();
            ref.close();
          }
        }),
        { numRuns: 60 },
      );
    } finally {
      dir.cleanup();
    }
  });
});
