import type { Database, Statement } from 'better-sqlite3';
import { foldWord } from './ftsQuery';

const WORD = /[\p{L}\p{N}]+/gu;
/** Remembered terms, so most words cost a Set lookup instead of an INSERT. Bounded for long sessions. */
const MAX_REMEMBERED = 200_000;
/** A prefix expands to at most this many words (alphabetical); beyond that search stays fast but may miss rarer words. */
export const MAX_PREFIX_EXPANSION = 64;

/** Keeps `search_terms` (see migration 0002) in step with what is indexed. */
export class SearchTermsRecorder {
  private readonly known = new Set<string>();
  private readonly insertStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare('INSERT OR IGNORE INTO search_terms (term) VALUES (?)');
  }

  /** Call with the exact (redacted) text that goes into the FTS index. */
  record(text: string): void {
    for (const m of text.matchAll(WORD)) {
      let term = m[0];
      // Cheap path for plain ASCII lower-case words, which most are.
      if (!/^[a-z0-9]+$/.test(term)) term = foldWord(term);
      if (this.known.has(term)) continue;
      if (this.known.size >= MAX_REMEMBERED) this.known.clear();
      this.known.add(term);
      this.insertStmt.run(term);
    }
  }

  /** Forget the in-memory set, e.g. after a purge pruned the table or a transaction rolled back. */
  reset(): void {
    this.known.clear();
  }
}

/** Indexed words starting with `prefix` (already folded), alphabetical, capped. */
export function expandPrefix(db: Database, prefix: string, limit = MAX_PREFIX_EXPANSION): string[] {
  const rows = db
    .prepare('SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?')
    .all(prefix, `${prefix}\u{10FFFF}`, limit) as { term: string }[];
  return rows.map((r) => r.term);
}

/** Drops words no longer in the FTS index (after retention deleted their messages). */
export function pruneSearchTerms(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.message_fts_terms USING fts5vocab(main, message_fts, 'row');
    DELETE FROM search_terms WHERE term NOT IN (SELECT term FROM temp.message_fts_terms);
  `);
}
