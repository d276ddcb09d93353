import type { Database, Statement } from 'better-sqlite3';
import { foldWord } from './ftsQuery';

const NON_WORD = /[^\p{L}\p{N}]+/u;
const NON_WORD_ASCII = /[^a-z0-9]+/;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
/** Remembered terms, so most words cost a Set lookup instead of an INSERT. Bounded for long sessions. */
const MAX_REMEMBERED = 200_000;
/**
 * A prefix expands to at most this many words, shortest first (short words
 * are usually the common ones the user means: "ref" -> refund before
 * refurbishment). Each word is one more FTS5 iterator, so this bounds search
 * time; the price is that a very short prefix may miss rare long words.
 */
export const MAX_PREFIX_EXPANSION = 16;
/** Completions looked at before picking the shortest. */
const MAX_COMPLETIONS_SCANNED = 5_000;

/** Keeps `search_terms` (see migration 0002) in step with what is indexed. */
export class SearchTermsRecorder {
  private readonly known = new Set<string>();
  private readonly insertStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare('INSERT OR IGNORE INTO search_terms (term) VALUES (?)');
  }

  /** Call with the exact (redacted) text that goes into the FTS index. */
  record(text: string): void {
    // split() on a lower-cased string is several times cheaper than matchAll() per word;
    // accents only need folding when the text is not ASCII.
    // A plain (non-Unicode) regex splits ASCII text several times faster.
    const ascii = ASCII.test(text);
    const words = ascii ? text.toLowerCase().split(NON_WORD_ASCII) : foldWord(text).split(NON_WORD);
    for (const term of words) {
      // Prefixes are expanded from 2 letters on, so 1-letter words are never needed here.
      if (term.length < 2 || this.known.has(term)) continue;
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

/** Indexed words starting with `prefix` (already folded), shortest first, capped. */
export function expandPrefix(db: Database, prefix: string, limit = MAX_PREFIX_EXPANSION): string[] {
  const rows = db
    .prepare(
      `SELECT term FROM (SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ${MAX_COMPLETIONS_SCANNED})
       ORDER BY length(term), term LIMIT ?`,
    )
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
