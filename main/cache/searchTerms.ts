import type { Database, Statement } from './sqlite';
import { foldWord } from './ftsQuery';

const NON_WORD = /[^\p{L}\p{N}]+/u;
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

/**
 * Words already stored, by a 64-bit hash (two independent 32-bit hashes:
 * FNV-1a and a multiply-add), in an open-addressing table of typed arrays:
 * a seen word costs no string and no allocation. A collision would only keep
 * a new word out of `search_terms` (prefix completion misses it; exact search
 * still finds it); at 200,000 remembered words its chance is about 1 in 10^14.
 */
class TermHashSet {
  private static readonly SLOTS = 1 << 19; // > 2.5x MAX_REMEMBERED: short probes
  /** Slot i holds its two hashes side by side (2i, 2i + 1): one cache line per probe, not two. */
  private readonly hashes = new Int32Array(2 * TermHashSet.SLOTS);
  size = 0;

  /** Adds the hash; false if it was already there. */
  add(h1: number, h2: number): boolean {
    if (h1 === 0 && h2 === 0) h2 = 1; // (0, 0) marks an empty slot
    const mask = TermHashSet.SLOTS - 1;
    const hashes = this.hashes;
    for (let i = (h1 ^ (h2 >>> 13)) & mask; ; i = (i + 1) & mask) {
      const a = hashes[2 * i]!;
      const b = hashes[2 * i + 1]!;
      if (a === 0 && b === 0) {
        hashes[2 * i] = h1;
        hashes[2 * i + 1] = h2;
        this.size++;
        return true;
      }
      if (a === h1 && b === h2) return false;
    }
  }

  clear(): void {
    this.hashes.fill(0);
    this.size = 0;
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Keeps `search_terms` (see migration 0002) in step with what is indexed. */
export class SearchTermsRecorder {
  private readonly known = new TermHashSet();
  private readonly insertStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare('INSERT OR IGNORE INTO search_terms (term) VALUES (?)');
  }

  /**
   * Call with the exact (redacted) text that goes into the FTS index.
   * This runs for every message, so ASCII text (most of it) is scanned by
   * char code, hashing each lower-cased letter/digit run the way the
   * unicode61 tokenizer splits it; a string is made only for a word not seen
   * before. ~0.3 us per message, against ~3 us for split() + Set<string>.
   */
  record(text: string): void {
    let h1 = FNV_OFFSET;
    let h2 = 0;
    let start = -1;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      let c = i < n ? text.charCodeAt(i) : 32;
      if (c >= 0x80) return this.recordUnicode(text);
      if (c >= 0x41 && c <= 0x5a) c += 0x20; // A-Z -> a-z
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
        if (start < 0) {
          start = i;
          h1 = FNV_OFFSET;
          h2 = 0;
        }
        h1 = Math.imul(h1 ^ c, FNV_PRIME);
        h2 = (Math.imul(h2, 31) + c) | 0;
      } else if (start >= 0) {
        // Prefixes are expanded from 2 letters on, so 1-letter words are never needed here.
        if (i - start >= 2 && this.isNew(h1, h2)) this.insertStmt.run(text.slice(start, i).toLowerCase());
        start = -1;
      }
    }
  }

  /** Text with non-ASCII characters: fold accents like the tokenizer (remove_diacritics 2). */
  private recordUnicode(text: string): void {
    for (const term of foldWord(text).split(NON_WORD)) {
      if (term.length < 2) continue;
      let h1 = FNV_OFFSET;
      let h2 = 0;
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, FNV_PRIME);
        h2 = (Math.imul(h2, 31) + c) | 0;
      }
      if (this.isNew(h1, h2)) this.insertStmt.run(term);
    }
  }

  private isNew(h1: number, h2: number): boolean {
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    return this.known.add(h1, h2);
  }

  /** Forget the in-memory set, e.g. after a purge pruned the table or a transaction rolled back. */
  reset(): void {
    if (this.known.size > 0) this.known.clear();
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
