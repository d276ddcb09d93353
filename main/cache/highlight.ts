import { foldWord, type FtsQuery } from './ftsQuery';
import type { TextSegment } from './types';

// Snippets are built here, after decryption, because the FTS table is
// contentless and cannot run snippet(). Output is structured segments so the
// renderer draws text, never HTML.

const WORD = /[\p{L}\p{N}]+/gu;
const DEFAULT_SNIPPET_CHARS = 160;
const CONTEXT_BEFORE_HIT = 50;

export function wordMatcher(query: Pick<FtsQuery, 'terms' | 'lastIsPrefix'>): (word: string) => boolean {
  const exact = new Set(query.lastIsPrefix ? query.terms.slice(0, -1) : query.terms);
  const prefix = query.lastIsPrefix ? query.terms.at(-1) : undefined;
  return (word) => {
    const folded = foldWord(word);
    return exact.has(folded) || (prefix !== undefined && folded.startsWith(prefix));
  };
}

/** Whole text as segments with matched words marked. */
export function highlightSegments(text: string, isHit: (word: string) => boolean): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  WORD.lastIndex = 0;
  // exec() loop rather than matchAll(): matchAll clones the regex per call, which showed up in search profiles.
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    if (!isHit(m[0])) continue;
    const start = m.index;
    if (start > cursor) pushText(segments, text.slice(cursor, start), false);
    pushText(segments, m[0], true);
    cursor = start + m[0].length;
  }
  if (cursor < text.length) pushText(segments, text.slice(cursor), false);
  return segments;
}

/** A window of about maxChars around the first hit, with "…" where text was cut. */
export function snippetSegments(
  text: string,
  isHit: (word: string) => boolean,
  maxChars = DEFAULT_SNIPPET_CHARS,
): TextSegment[] {
  if (text.length <= maxChars) return highlightSegments(text, isHit);
  let firstHit = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    if (isHit(m[0])) {
      firstHit = m.index;
      break;
    }
  }
  let start = Math.max(0, firstHit - CONTEXT_BEFORE_HIT);
  let end = Math.min(text.length, start + maxChars);
  start = Math.max(0, Math.min(start, end - maxChars));
  // Don't cut words in half.
  while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) start--;
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end] ?? '')) end++;
  const segments = highlightSegments(text.slice(start, end), isHit);
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < text.length) segments.push({ text: '…', hit: false });
  return mergeAdjacent(segments);
}

function pushText(segments: TextSegment[], text: string, hit: boolean): void {
  const last = segments.at(-1);
  if (last && last.hit === hit && !hit) last.text += text;
  else segments.push({ text, hit });
}

function mergeAdjacent(segments: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  for (const s of segments) pushText(out, s.text, s.hit);
  return out;
}
