import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchedUpsert, ROWS_PER_STATEMENT } from '../../../main/cache/repositories/batchedUpsert';
import Sqlite from '../../../main/cache/sqlite';

// Issue 15: timeline events and participants go to SQLite 16 rows per statement. Whatever
// the rows (repeated keys included, in any number), the table must end as one statement
// per row would leave it, and rows of a transaction that rolled back must not reappear.

function table() {
  const db = new Sqlite(':memory:');
  db.exec('CREATE TABLE t (k INTEGER NOT NULL, id TEXT NOT NULL, a INTEGER NOT NULL, b TEXT NOT NULL, c TEXT, PRIMARY KEY (k, id)) STRICT, WITHOUT ROWID');
  return db;
}
const TAIL = 'ON CONFLICT (k, id) DO UPDATE SET a = excluded.a, b = excluded.b, c = coalesce(excluded.c, c)';
type Row = [number, string, number, string, string | null];
const row: fc.Arbitrary<Row> = fc.tuple(fc.nat(3), fc.constantFrom('x', 'y', 'z'), fc.integer(), fc.string({ maxLength: 3 }), fc.option(fc.string({ maxLength: 3 })));

describe('BatchedUpsert', () => {
  it('leaves the table as one upsert per row would, for any rows and any count', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 3 * ROWS_PER_STATEMENT + 5 }), (rows) => {
        const batched = table();
        const single = table();
        const upsert = new BatchedUpsert(batched, 'INSERT INTO t (k, id, a, b, c)', 5, TAIL);
        const one = single.prepare(`INSERT INTO t (k, id, a, b, c) VALUES (?, ?, ?, ?, ?) ${TAIL}`);
        for (const r of rows) {
          upsert.add(...r);
          one.run(...r);
        }
        upsert.flush();
        const all = 'SELECT * FROM t ORDER BY k, id';
        expect(batched.prepare(all).all()).toEqual(single.prepare(all).all());
      }),
      { numRuns: 200 },
    );
  });

  it('three columns with a conditional update (a conversation\'s agents): as one upsert per row', () => {
    const agentsTable = () => {
      const db = new Sqlite(':memory:');
      db.exec('CREATE TABLE a (k INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (k, id)) STRICT, WITHOUT ROWID');
      return db;
    };
    const tail = 'ON CONFLICT (k, id) DO UPDATE SET name = excluded.name WHERE name <> excluded.name';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.constantFrom('a1', 'a2'), fc.constantFrom('Ann', 'Bo')), { maxLength: 2 * ROWS_PER_STATEMENT + 3 }), (rows) => {
        const batched = agentsTable();
        const single = agentsTable();
        const upsert = new BatchedUpsert(batched, 'INSERT INTO a (k, id, name)', 3, tail);
        const one = single.prepare(`INSERT INTO a (k, id, name) VALUES (?, ?, ?) ${tail}`);
        for (const r of rows) {
          upsert.add(...r);
          one.run(...r);
        }
        upsert.flush();
        const all = 'SELECT * FROM a ORDER BY k, id';
        expect(batched.prepare(all).all()).toEqual(single.prepare(all).all());
      }),
      { numRuns: 200 },
    );
  });

  it('writes a full statement as soon as it has one, and drops what is held when told', () => {
    const db = table();
    const upsert = new BatchedUpsert(db, 'INSERT INTO t (k, id, a, b, c)', 5, TAIL);
    const count = () => db.prepare('SELECT count(*) FROM t').pluck().get();
    for (let n = 0; n < ROWS_PER_STATEMENT + 2; n++) upsert.add(n, 'x', n, 'b', null);
    expect(count()).toBe(ROWS_PER_STATEMENT);
    upsert.discard();
    upsert.flush();
    expect(count()).toBe(ROWS_PER_STATEMENT);
    upsert.add(99, 'x', 1, 'b', null);
    upsert.flush();
    expect(count()).toBe(ROWS_PER_STATEMENT + 1);
  });
});
