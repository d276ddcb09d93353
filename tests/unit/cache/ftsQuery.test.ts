import Database from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../main/cache/ftsQuery';

describe('search text to FTS5 query', () => {
  it('quotes words and prefix-matches the last one', () => {
    expect(toFtsQuery('refund ord')).toEqual({ match: '"refund" AND "ord"*', terms: ['refund', 'ord'], lastIsPrefix: true });
  });

  it('keeps at most three words', () => {
    expect(toFtsQuery('one two three four')?.terms).toEqual(['one', 'two', 'three']);
  });

  it('folds case and accents like the index does', () => {
    expect(toFtsQuery('Crème')?.terms).toEqual(['creme']);
    expect(toFtsQuery('İstanbul Łódź')?.terms).toEqual(['istanbul', 'łodz']);
    // unicode61 takes accents off Latin letters only.
    expect(toFtsQuery('Ёлка Ελληνικά')?.terms).toEqual(['ёлка', 'ελληνικά']);
  });

  it('returns null when there is nothing to search for', () => {
    expect(toFtsQuery('  "" ** ()  ')).toBeNull();
  });

  it.each(['"', 'refund"', 'a AND OR NOT', 'NEAR(x y)', 'body:secret', '(((', '*', "it's"])(
    'turns %j into a query SQLite accepts',
    (input) => {
      const db = new Database(':memory:');
      db.exec("CREATE VIRTUAL TABLE f USING fts5(b, content='', detail=none)");
      db.prepare('INSERT INTO f (rowid, b) VALUES (1, ?)').run('and or not near body secret it s x y refund');
      const q = toFtsQuery(input);
      if (q) expect(() => db.prepare('SELECT rowid FROM f WHERE f MATCH ?').all(q.match)).not.toThrow();
    },
  );

  it('does not prefix-match a single letter', () => {
    expect(toFtsQuery('refund a')).toMatchObject({ match: '"refund" AND "a"', lastIsPrefix: false });
  });
});
