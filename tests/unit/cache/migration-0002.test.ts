import Database from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../main/cache/migrations/0001-initial';
import { migration0002 } from '../../../main/cache/migrations/0002-search-terms';

describe('migration 0002 (search terms)', () => {
  it('fills the word list from what is already indexed', () => {
    const db = new Database(':memory:');
    migration0001.up(db);
    db.prepare('INSERT INTO message_fts (rowid, body) VALUES (1, ?)').run('Refund the Crème order');
    migration0002.up(db);
    const terms = (db.prepare('SELECT term FROM search_terms ORDER BY term').all() as { term: string }[]).map((r) => r.term);
    expect(terms).toEqual(['creme', 'order', 'refund', 'the']);
  });

  it('stores each word once', () => {
    const db = new Database(':memory:');
    migration0001.up(db);
    migration0002.up(db);
    db.prepare("INSERT INTO search_terms (term) VALUES ('order')").run();
    expect(() => db.prepare("INSERT INTO search_terms (term) VALUES ('order')").run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
