import { afterEach, describe, expect, it } from 'vitest';
import Sqlite from '../../../main/cache/sqlite';
import { interaction, memoryCache, message, T0 } from './fixtures';

// Since schema 7 an interaction's text id is unique through an index on
// (substr(id, -13), id) (migrations/0007), which SQLite uses only when a query
// names that expression: a plain `WHERE id = ?` scans every conversation in
// the cache. This records every statement the cache prepares while it is used
// the ways the app uses it, and checks each plan that looks an id up.

const prepare = Sqlite.prototype.prepare;
afterEach(() => {
  Sqlite.prototype.prepare = prepare;
});

function recordStatements(): Set<string> {
  const seen = new Set<string>();
  Sqlite.prototype.prepare = function (this: InstanceType<typeof Sqlite>, sql: string) {
    if (!sql.startsWith('EXPLAIN')) seen.add(sql);
    return prepare.call(this, sql);
  } as typeof prepare;
  return seen;
}

/** Names every parameter, so EXPLAIN can plan a statement without values. */
function explain(db: InstanceType<typeof Sqlite>, sql: string): string[] {
  const positional = (sql.match(/\?/g) ?? []).length;
  const named = Object.fromEntries([...sql.matchAll(/[@:$](\w+)/g)].map((m) => [m[1], null]));
  const args: unknown[] = Array.from({ length: positional }, () => null);
  if (Object.keys(named).length > 0) args.push(named);
  const statement = prepare.call(db, `EXPLAIN QUERY PLAN ${sql}`) as { all(...params: unknown[]): unknown[] };
  return (statement.all(...args) as { detail: string }[]).map((r) => r.detail);
}

/** A statement that finds interactions by their text id (not by key, not a listing). */
const looksUpById = (sql: string) =>
  /\binteractions\b/.test(sql) && (sql.includes('substr(') || /(\b(i|ik|interactions)\.id|WHERE\s+id)\s*(=|IN)/.test(sql));

describe('lookups of interactions by id', () => {
  it('go through the id index in every statement the cache prepares', async () => {
    const statements = recordStatements();
    const cache = memoryCache();
    const ids = ['int-1', 'int-2'];
    for (const id of ids) {
      cache.applyWrites(
        [
          { kind: 'interaction', record: interaction({ id }) },
          { kind: 'participants', records: [{ interactionId: id, participantId: 'p1', name: 'Carl', kind: 'external', role: 'customer' }] },
          { kind: 'messages', records: [message(1, { interactionId: id })] },
          { kind: 'timeline', records: [{ interactionId: id, eventId: 'e1', at: T0, kind: 'joined', text: 'Ann joined', supervisorName: null }] },
          {
            kind: 'supervisionPeriod',
            record: { periodId: `${id}:s`, interactionId: id, supervisorId: 's', supervisorName: 'Sue', mode: 'monitor', startedAt: T0, endedAt: null },
          },
          {
            kind: 'audit',
            record: { auditId: `${id}:a`, interactionId: id, actorId: 's', actorName: 'Sue', action: 'monitor', target: 'Ann', at: T0, result: 'ok', detail: null },
          },
          {
            kind: 'assistanceRequest',
            record: { requestId: `${id}:r`, interactionId: id, agentId: 'a', agentName: 'Ann', at: T0, reason: null, state: 'open' },
          },
        ],
        T0,
      );
    }
    cache.addNote({ interactionId: 'int-1', authorId: 's', authorName: 'Sue', at: T0, text: 'call back' });
    cache.search({ text: 'message', agentId: 'agent-ann' });
    cache.search({ queueId: 'q-sales' });
    cache.openInteraction('int-1');
    await cache.exportInteraction('int-1', 'text', { now: T0 });
    cache.purge(30, T0);

    const db = (cache as unknown as { db: InstanceType<typeof Sqlite> }).db;
    const lookups = [...statements].filter(looksUpById);
    // The writer's upsert and key lookup, the reader's summary, summaries, agents,
    // participants, blocks, timeline, periods, notes, audit, requests, and notes' key.
    expect(lookups.length).toBeGreaterThanOrEqual(12);
    for (const sql of lookups) {
      const plan = explain(db, sql).join(' | ');
      expect({ sql, scansInteractions: /SCAN (interactions|i|ik)\b/.test(plan) }).toEqual({ sql, scansInteractions: false });
      if (!sql.trimStart().startsWith('INSERT')) expect({ sql, plan }).toMatchObject({ plan: expect.stringMatching(/interactions_id/) });
    }
    cache.close();
  });

  it('would be caught: a plain id comparison scans the table', () => {
    const cache = memoryCache();
    const db = (cache as unknown as { db: InstanceType<typeof Sqlite> }).db;
    expect(explain(db, 'SELECT key FROM interactions WHERE id = ?').join(' ')).toMatch(/SCAN interactions/);
    cache.close();
  });
});
