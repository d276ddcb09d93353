import Database from '../../../main/cache/sqlite';
import { describe, expect, it } from 'vitest';
import { SearchTermsRecorder } from '../../../main/cache/searchTerms';

function recorder() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE search_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID');
  const r = new SearchTermsRecorder(db);
  const terms = () => (db.prepare('SELECT term FROM search_terms ORDER BY term').all() as { term: string }[]).map((t) => t.term);
  return { r, terms, db };
}

describe('search terms recorder', () => {
  it('records the words the tokenizer indexes: lower case, split on anything but letters and digits, 2+ characters', () => {
    const { r, terms } = recorder();
    r.record('Refund-REQUEST for order #A12, ok? I said: "OK" x');
    expect(terms()).toEqual(['a12', 'for', 'ok', 'order', 'refund', 'request', 'said']);
  });

  it('folds accents in non-ASCII text like remove_diacritics', () => {
    const { r, terms } = recorder();
    r.record('Crème brûlée, naïve Straße');
    expect(terms()).toEqual(['brulee', 'creme', 'naive', 'straße']);
  });

  it('treats the same word the same whether it came in ASCII or accented text', () => {
    const { r, terms, db } = recorder();
    r.record('creme');
    db.exec("DELETE FROM search_terms WHERE term = 'creme'");
    // Remembered in memory: not inserted again (proves both paths hash alike).
    r.record('Crème');
    expect(terms()).toEqual([]);
    r.reset();
    r.record('Crème');
    expect(terms()).toEqual(['creme']);
  });

  it('keeps distinct words apart (no hash collisions among 100,000 words)', () => {
    const { r, db } = recorder();
    const words: string[] = [];
    for (let i = 0; i < 100_000; i++) words.push(`w${i.toString(36)}x`);
    db.transaction(() => {
      for (let i = 0; i < words.length; i += 20) r.record(words.slice(i, i + 20).join(' '));
    })();
    expect(db.prepare('SELECT count(*) AS n FROM search_terms').get()).toEqual({ n: words.length });
  });
});
