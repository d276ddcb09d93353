import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../../main/cache/CacheDatabase';
import type { CacheErrorShape } from '../../../main/cache/errors';
import type { CacheWrite } from '../../../main/cache/types';
import { decodeWrites, encodeWrites } from '../../../main/cache/worker/writeCodec';
import { interaction, memoryCache, message, T0 } from './fixtures';

// Issue 15: the cache worker no longer decodes each op into write objects; it replays the
// flat lists into the cache record by record (CacheDatabase.applyEncodedWrites), and only
// when that commit fails does it decode the writes and commit each alone, as the worker
// always did. Whatever the writes, good or hostile, the two paths must leave the same rows
// and refuse the same writes with the same messages.

const ids = fc.oneof({ weight: 20, arbitrary: fc.constantFrom('int-1', 'int-2', 'demo:c@5') }, { weight: 1, arbitrary: fc.constant('') });
const text = fc.oneof(fc.constantFrom('Ann', 'joined', '4111 1111 1111 1111', ''), fc.string({ maxLength: 5 }));
// -1 is a value SQLite would store (an INTEGER); only the cache's own check refuses it.
const time = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: T0, max: T0 + 1e6 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, Number.NaN) });
const hostile = fc.constantFrom<unknown>(null, 7, 'x', undefined, true);
// Mostly good values, so that many commits succeed whole and the replay path's own checks are what is tested.
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: a }, { weight: 1, arbitrary: hostile });

const interactionWrite = fc
  .record({
    id: maybe(ids),
    channel: maybe(fc.constantFrom('chat', 'voice', 'fax')),
    state: maybe(fc.constantFrom('connected', 'ended')),
    startedAt: maybe(time),
    endedAt: fc.oneof(fc.constant(null), time),
    monitoredByMe: maybe(fc.boolean()),
    agents: maybe(fc.array(fc.record({ id: maybe(fc.constantFrom('a1', 'a2', '')), name: maybe(text) }), { maxLength: 2 })),
    withIdentity: fc.boolean(),
  })
  .map(({ withIdentity, ...r }) => {
    const record = interaction(r as never) as unknown as Record<string, unknown>;
    // An identity whose cached id is the record's id when it is one of ours, else a mismatch the cache must refuse.
    if (withIdentity) record.identity = r.id === 'demo:c@5' ? { connector: 'demo', platformId: 'c', epoch: 5 } : { connector: 'demo', platformId: 'zz', epoch: 1 };
    return { kind: 'interaction', record } as unknown as CacheWrite;
  });
const participant = fc.record({ interactionId: maybe(ids), participantId: maybe(fc.constantFrom('p1', 'p2')), name: maybe(text), kind: maybe(fc.constantFrom('internal', 'external', 'alien')), role: maybe(text) });
const timelineEvent = fc.record({ interactionId: maybe(ids), eventId: maybe(fc.constantFrom('t1', 't2')), at: maybe(time), kind: maybe(text), text: maybe(text), supervisorName: fc.oneof(fc.constant(null), maybe(text)) });
const msg = fc.tuple(fc.nat(5), maybe(ids), maybe(fc.constantFrom('customer', 'robot')), maybe(text)).map(([n, interactionId, senderKind, body]) => message(n, { interactionId, senderKind, body } as never));
const period = fc.record({ periodId: maybe(fc.constantFrom('per-1', 'per-2')), interactionId: maybe(ids), supervisorId: fc.constant('sup'), supervisorName: maybe(text), mode: maybe(fc.constantFrom('monitor', 'coach', 'shout')), startedAt: maybe(time), endedAt: fc.oneof(fc.constant(null), time) });
const audit = fc.record({ auditId: maybe(fc.constantFrom('au-1', 'au-2')), interactionId: fc.oneof(fc.constant(null), ids), actorId: fc.constant('sup'), actorName: maybe(text), action: fc.constant('monitor'), target: maybe(text), at: maybe(time), result: fc.constant('ok'), detail: fc.oneof(fc.constant(null), text) });
const assistance = fc.record({ requestId: maybe(fc.constantFrom('r-1', 'r-2')), interactionId: fc.oneof(fc.constant(null), ids), agentId: fc.constant('a1'), agentName: maybe(text), at: maybe(time), state: maybe(fc.constantFrom('open', 'resolved')), reason: fc.oneof(fc.constant(null), text) });

const write: fc.Arbitrary<CacheWrite> = fc.oneof(
  { weight: 3, arbitrary: interactionWrite },
  fc.array(participant, { maxLength: 3 }).map((records) => ({ kind: 'participants', records }) as CacheWrite),
  fc.array(timelineEvent, { maxLength: 3 }).map((records) => ({ kind: 'timeline', records }) as CacheWrite),
  fc.array(msg, { maxLength: 3 }).map((records) => ({ kind: 'messages', records }) as CacheWrite),
  period.map((record) => ({ kind: 'supervisionPeriod', record }) as CacheWrite),
  audit.map((record) => ({ kind: 'audit', record }) as CacheWrite),
  assistance.map((record) => ({ kind: 'assistanceRequest', record }) as CacheWrite),
  fc.constant({ kind: 'bogus', record: {} } as unknown as CacheWrite),
);

/** The worker's path: replay the encodings in one commit; if it fails, decode and commit each write alone. */
function viaEncoded(cache: CacheDatabase, ops: CacheWrite[][]): (CacheErrorShape | null)[] {
  const encodings = ops.map((writes) => structuredClone(encodeWrites(writes)));
  try {
    expect(cache.applyEncodedWrites(encodings, T0)).toEqual(encodings.map(() => null));
    return ops.flat().map(() => null);
  } catch {
    return cache.applyEachAlone(encodings.flatMap((e) => (decodeWrites(e) as { writes: CacheWrite[] }).writes), T0);
  }
}

/** Everything a reader could see, in a stable order. */
function contents(cache: CacheDatabase): unknown {
  const ids = (cache.db.prepare('SELECT id FROM interactions ORDER BY id').pluck().all() as string[]);
  return {
    details: ids.map((id) => cache.openInteraction(id)),
    agents: cache.db.prepare('SELECT i.id, a.agent_id, a.agent_name FROM interaction_agents a JOIN interactions i ON i.key = a.interaction_key ORDER BY 1, 2').all(),
    audit: cache.db.prepare('SELECT * FROM audit_log ORDER BY audit_id').all(),
    assistance: cache.db.prepare('SELECT * FROM assistance_requests ORDER BY request_id').all(),
    hits: cache.search({ text: 'joined' }).items.map((i) => i.id),
  };
}

describe('the cache worker replays encoded writes as the decoded writes would be applied', () => {
  it('same rows, same refusals, for any mix of good and hostile writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(write, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), (ops) => {
        const replayed = memoryCache();
        const decoded = memoryCache();
        try {
          const a = viaEncoded(replayed, ops);
          const b = decoded.applyWritesIsolated(ops.flatMap((writes) => (decodeWrites(structuredClone(encodeWrites(writes))) as { writes: CacheWrite[] }).writes), T0);
          expect(a).toEqual(b);
          expect(contents(replayed)).toEqual(contents(decoded));
        } finally {
          replayed.close();
          decoded.close();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('refuses, on the replay path, what SQLite alone would have stored', () => {
    // Each of these passes the tables' own types and CHECKs; only validation stops it.
    const subtle: CacheWrite[] = [
      { kind: 'interaction', record: interaction({ id: '' }) },
      { kind: 'interaction', record: interaction({ startedAt: -1 }) },
      { kind: 'interaction', record: interaction({ id: 'demo:c@5', identity: { connector: 'demo', platformId: 'c', epoch: 6 } }) },
      { kind: 'participants', records: [{ interactionId: 'int-1', participantId: '', name: 'Ann', kind: 'internal', role: 'agent' }] },
      { kind: 'timeline', records: [{ interactionId: 'int-1', eventId: 't1', at: -1, kind: 'joined', text: 'Ann joined' }] },
      { kind: 'messages', records: [message(1, { at: -1 })] },
      { kind: 'supervisionPeriod', record: { periodId: 'p', interactionId: 'int-1', supervisorId: 's', supervisorName: 'S', mode: 'monitor', startedAt: -1 } },
      { kind: 'audit', record: { auditId: 'a', interactionId: null, actorId: 's', actorName: 'S', action: 'x', target: '', at: -1, result: 'ok', detail: null } },
      { kind: 'assistanceRequest', record: { requestId: 'r', interactionId: null, agentId: 'a', agentName: 'A', at: -1, state: 'open' } },
    ];
    for (const bad of subtle) {
      const cache = memoryCache();
      try {
        const results = viaEncoded(cache, [[{ kind: 'interaction', record: interaction() }, bad]]);
        expect(results[0]).toBeNull();
        expect(results[1]).toMatchObject({ code: 'INVALID_INPUT' });
      } finally {
        cache.close();
      }
    }
  });

  it('a refused write leaves none of its records behind, even those held for a later statement', () => {
    const cache = memoryCache();
    const results = viaEncoded(cache, [
      [
        { kind: 'interaction', record: interaction() },
        { kind: 'timeline', records: [{ interactionId: 'int-1', eventId: 't1', at: T0, kind: 'joined', text: 'Ann joined' }, { interactionId: 'int-1', eventId: 't2', at: -1, kind: 'left', text: 'Ann left' }] },
        { kind: 'participants', records: [{ interactionId: 'int-1', participantId: 'p1', name: 'Ann', kind: 'internal', role: 'agent' }, { interactionId: 'int-1', participantId: '', name: 'Bo', kind: 'internal', role: 'agent' }] },
      ],
    ]);
    expect(results.map((r) => r?.code ?? null)).toEqual([null, 'INVALID_INPUT', 'INVALID_INPUT']);
    const detail = cache.openInteraction('int-1');
    expect(detail?.timeline).toEqual([]);
    expect(detail?.participants).toEqual([]);
    cache.close();
  });

  it('an encoding that cannot be read is refused alone; the others commit in the same transaction', () => {
    const cache = memoryCache();
    const good = encodeWrites([{ kind: 'interaction', record: interaction() }, { kind: 'messages', records: [message(1)] }]);
    const results = cache.applyEncodedWrites([good, { ...good, text: `${good.text}!` }, 'garbage'], T0);
    expect(results.map((r) => r?.code ?? null)).toEqual([null, 'INVALID_INPUT', 'INVALID_INPUT']);
    expect(results[1]?.message).toMatch(/^Malformed cache write: /);
    expect(cache.openInteraction('int-1')?.transcript.map((m) => m.messageId)).toEqual(['m-1']);
    cache.close();
  });

  it('one bad record among many: the good writes of every op still commit', () => {
    const cache = memoryCache();
    const results = viaEncoded(cache, [
      [{ kind: 'interaction', record: interaction() }, { kind: 'messages', records: [message(1)] }],
      [{ kind: 'participants', records: [{ interactionId: 'int-1', participantId: 'p1', name: 'Ann', kind: 'alien', role: 'agent' } as never] }],
      [{ kind: 'timeline', records: [{ interactionId: 'int-1', eventId: 't1', at: T0, kind: 'joined', text: 'Ann joined' }] }],
    ]);
    expect(results.map((r) => r?.code ?? null)).toEqual([null, null, 'INVALID_INPUT', null]);
    expect(results[2]?.message).toMatch(/"kind" must be one of internal, external/);
    const detail = cache.openInteraction('int-1');
    expect(detail?.transcript.map((m) => m.messageId)).toEqual(['m-1']);
    expect(detail?.timeline.map((t) => t.eventId)).toEqual(['t1']);
    expect(detail?.participants).toEqual([]);
    cache.close();
  });
});
