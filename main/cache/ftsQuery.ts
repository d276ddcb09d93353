// Turns whatever the user typed into a safe FTS5 MATCH expression. Only
// letters and digits survive, each word is double-quoted, so quotes,
// parentheses, AND/OR/NEAR and column filters typed by the user are plain text
// and can never produce an FTS5 syntax error.

export const MAX_QUERY_WORDS = 3;
/** One-letter prefixes match most of the index; only prefix-match from 2 letters. */
const MIN_PREFIX_LENGTH = 2;

export interface FtsQuery {
  match: string;
  /** Folded words (lower case, no diacritics), as the tokenizer sees them. */
  terms: string[];
  /** The last term matches as a prefix (the user may still be typing it). */
  lastIsPrefix: boolean;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/**
 * Lower case, and accents off Latin letters only, as the unicode61 tokenizer
 * with remove_diacritics 2 does: "Crème" -> "creme", but Russian "ёлка" and
 * Greek "ελληνικά" keep their marks, because the index keeps them (stripping
 * every mark made such words unfindable).
 */
export function foldWord(word: string): string {
  // Most words are ASCII: skip Unicode normalization for them.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.toLowerCase().normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC');
}

export function toFtsQuery(input: string): FtsQuery | null {
  const words = (input.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldWord).filter((w) => w.length > 0);
  const terms = words.slice(0, MAX_QUERY_WORDS);
  if (terms.length === 0) return null;
  const last = terms[terms.length - 1] ?? '';
  const lastIsPrefix = last.length >= MIN_PREFIX_LENGTH;
  const match = terms.map((t, i) => (i === terms.length - 1 && lastIsPrefix ? `"${t}"*` : `"${t}"`)).join(' AND ');
  return { match, terms, lastIsPrefix };
}
