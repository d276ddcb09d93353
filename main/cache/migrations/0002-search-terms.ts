import type { Database } from '../sqlite';
import type { Migration } from './types';

// Distinct indexed words, for prefix search. FTS5 answers a prefix query
// ("ord"*) by loading and merging the doclists of every matching term into
// memory; for a common prefix over a million messages that takes hundreds of
// milliseconds. Looking the prefix up here and asking FTS5 for
// ("order" OR "orders" ...) instead keeps every term iterator lazy, so
// ORDER BY rowid DESC LIMIT stops after the newest matches.
// These words are already in the FTS index (see 0001), so this adds no new
// exposure; retention prunes words whose messages were purged.
export const migration0002: Migration = {
  version: 2,
  name: 'search-terms',
  up(db: Database) {
    db.exec(`
      CREATE TABLE search_terms (
        term TEXT PRIMARY KEY
      ) STRICT, WITHOUT ROWID;
      CREATE VIRTUAL TABLE temp.message_fts_terms_0002 USING fts5vocab(main, message_fts, 'row');
      INSERT INTO search_terms (term) SELECT term FROM temp.message_fts_terms_0002;
      DROP TABLE temp.message_fts_terms_0002;
    `);
  },
};
