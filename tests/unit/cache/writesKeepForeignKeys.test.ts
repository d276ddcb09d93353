import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../../main/cache/CacheDatabase';
import type { CacheWrite } from '../../../main/cache/types';
import { encodeWrites } from '../../../main/cache/worker/writeCodec';
import { DAY, interaction, memoryCache, message, T0 } from './fixtures';

// Write transactions run with foreign-key checks off (CacheDatabase.writeTransaction, issue 15):
// every key a child row names comes from CacheWriter.interactionKey(). Whatever mix of good and
// bad writes, rolled-back commits and purges, no row may name a conversation that is not there,
// and the checks are on again for everything else (purge's cascades).

const ids = fc.constantFrom('int-1', 'int-2', 'int-3');
const time = fc.integer({ min: T0, max: T0 + 3 * DAY });
const childWrite: fc.Arbitrary<CacheWrite> = fc.oneof(
  fc.tuple(ids, fc.nat(20), time).map(([interactionId, n, at]) => ({ kind: 'messages', records: [message(n, { interactionId, at })] }) as CacheWrite),
  fc.tuple(ids, fc.constantFrom('p1', 'p2')).map(([interactionId, participantId]) => ({ kind: 'participants', records: [{ interactionId, participantId, name: 'Ann', kind: 'internal', role: 'agent' }] }) as CacheWrite),
  fc.tuple(ids, fc.constantFrom('t1', 't2'), time).map(([interactionId, eventId, at]) => ({ kind: 'timeline', records: [{ interactionId, eventId, at, kind: 'joined', text: 'joined', supervisorName: null }] }) as CacheWrite),
  fc.tuple(ids, time).map(([interactionId, startedAt]) => ({ kind: 'supervisionPeriod', record: { periodId: 'per-1', interactionId, supervisorId: 'sup', supervisorName: 'Sue', mode: 'monitor', startedAt, endedAt: null } }) as CacheWrite),
  fc.tuple(ids, time).map(([interactionId, at]) => ({ kind: 'audit', record: { auditId: `au-${interactionId}`, interactionId, actorId: 'sup', actorName: 'Sue', action: 'monitor', target: 'x', at, result: 'ok', detail: null } }) as CacheWrite),
  fc.tuple(ids, time).map(([interactionId, at]) => ({ kind: 'assistanceRequest', record: { requestId: `r-${interactionId}`, interactionId, agentId: 'a1', agentName: 'Ann', at, reason: null, state: 'open' } }) as CacheWrite),
);
const interactionWrite = fc.tuple(ids, time).map(([id, startedAt]) => ({ kind: 'interaction', record: interaction({ id, startedAt, lastSeenAt: startedAt }) }) as CacheWrite);
// Invalid: the commit it is part of fails and rolls back, then each write is committed alone.
const badWrite = fc.constant({ kind: 'timeline', records: [{ interactionId: 'int-1', eventId: '', at: -1, kind: 'x', text: 'x' }] } as unknown as CacheWrite);
const write = fc.oneof({ weight: 2, arbitrary: interactionWrite }, { weight: 4, arbitrary: childWrite }, { weight: 1, arbitrary: badWrite });

type Step = { commit: CacheWrite[][] } | { purgeAfterDays: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.array(write, { maxLength: 4 }), { minLength: 1, maxLength: 3 }).map((commit) => ({ commit })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((purgeAfterDays) => ({ purgeAfterDays })) },
);

function run(cache: CacheDatabase, s: Step): void {
  if ('purgeAfterDays' in s) {
    // Retention of one day, "now" some days on: the older conversations and everything under them go.
    cache.purge(1, T0 + s.purgeAfterDays * DAY);
    return;
  }
  const encodings = s.commit.map((writes) => structuredClone(encodeWrites(writes)));
  try {
    cache.applyEncodedWrites(encodings, T0);
  } catch {
    cache.applyEachAlone(s.commit.flat(), T0);
  }
}

describe('write transactions without foreign-key checks', () => {
  it('never leave a row naming a missing conversation, across bad writes, rollbacks and purges', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const cache = memoryCache();
        try {
          for (const s of steps) {
            run(cache, s);
            expect(cache.db.pragma('foreign_key_check')).toEqual([]);
            expect(cache.db.pragma('foreign_keys', { simple: true })).toBe(1);
          }
        } finally {
          cache.close();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a purge still removes what hangs off a purged conversation (its checks are on)', () => {
    const cache = memoryCache();
    try {
      cache.applyEncodedWrites([encodeWrites([{ kind: 'interaction', record: interaction() }, { kind: 'messages', records: [message(1)] }])], T0);
      cache.applyEncodedWrites([encodeWrites([{ kind: 'timeline', records: [{ interactionId: 'int-1', eventId: 't1', at: T0, kind: 'joined', text: 'joined' }] }])], T0);
      cache.purge(1, T0 + 3 * DAY);
      const count = (table: string) => cache.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      expect([count('interactions'), count('message_blocks'), count('timeline_events'), count('participants')]).toEqual([0, 0, 0, 0]);
    } finally {
      cache.close();
    }
  });
});
