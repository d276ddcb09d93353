// Text made safe for pdfkit's layout. Pure: no I/O, no clock.
//
// pdfkit measures a word too wide for the line by re-measuring ever shorter
// prefixes of it, and lays out every combining mark through the font's
// positioning tables, so one 10,000-character word took 3 s, 40,000 more than
// 90 s, and 48,000 characters of "zalgo" 14 s and 500 MB. Here each line is
// read once and drawn with bounded cost:
//  - a run of more than BREAK_EVERY characters with no place to break gets an
//    invisible break opportunity every BREAK_EVERY characters (so pdfkit never
//    sees a long word and its line breaking stays linear);
//  - at most MAX_MARKS_PER_BASE combining marks are kept on one character;
//  - a run of invisible formatting characters (zero-width space, joiners, BOM …) is kept as one;
//  - at most `maxCharacters` characters are drawn; the rest is summed up by notShown().
// The text export keeps every character.

import { markBmp } from '../unicodeDigits';

export const MAX_MARKS_PER_BASE = 2;
/** Characters between break opportunities; 40 of the widest DejaVu glyphs at 10 pt still fit one A4 line. */
export const BREAK_EVERY = 40;

export const notShown = (characters: number): string =>
  `[… ${characters.toLocaleString('en-US')} characters not shown — see the text export]`;

const OTHER = 0;
const MARK = 1;
const INVISIBLE = 2;
/** Where pdfkit may break a line: breakable spaces and line ends. */
const BREAK = 3;

let bmpKinds: Uint8Array | undefined;

function kindTable(): Uint8Array {
  if (bmpKinds) return bmpKinds;
  const table = new Uint8Array(0x10000);
  markBmp(table, /\p{M}/gu, () => MARK);
  markBmp(table, /\p{Cf}/gu, () => INVISIBLE);
  // No-break spaces (U+00A0, U+2007, U+202F) are not break opportunities.
  markBmp(table, /[\t\n\r\u2028\u2029]|(?![\u00a0\u2007\u202f])\p{Zs}/gu, () => BREAK);
  bmpKinds = table;
  return table;
}

function kindOf(cp: number): number {
  if (cp < 0x10000) return kindTable()[cp]!;
  const ch = String.fromCodePoint(cp);
  if (/^\p{M}$/u.test(ch)) return MARK;
  return /^\p{Cf}$/u.test(ch) ? INVISIBLE : OTHER;
}

export interface PdfSafeLine {
  /** What to draw. */
  text: string;
  /** Characters (code points) of the original not drawn: extra marks, repeated invisible ones, the cut-off rest. */
  hidden: number;
  /** Characters of the original drawn (for the document's budget). */
  drawn: number;
}

/**
 * `line` as pdfkit can draw it cheaply, at most `maxCharacters` characters.
 * `breakWith` is the inserted break opportunity: a zero-width space with a
 * Unicode font, a space with the built-in Latin-1 font (it has no ZWSP).
 */
export function pdfSafeLine(line: string, maxCharacters: number, breakWith = '\u200b'): PdfSafeLine {
  const parts: string[] = [];
  let keptFrom = 0; // start of the stretch of `line` being copied as is
  let drawn = 0;
  let hidden = 0;
  let marksOnBase = 0;
  let lastWasInvisible = false;
  let sinceBreak = 0;
  let i = 0;
  const skip = (at: number, size: number) => {
    parts.push(line.slice(keptFrom, at));
    keptFrom = at + size;
    hidden++;
  };
  while (i < line.length) {
    if (drawn >= maxCharacters) {
      parts.push(line.slice(keptFrom, i));
      keptFrom = line.length;
      hidden += codePointCount(line, i);
      break;
    }
    const cp = line.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const kind = kindOf(cp);
    if (kind === MARK) {
      if (marksOnBase >= MAX_MARKS_PER_BASE) {
        skip(i, size);
        i += size;
        continue;
      }
      marksOnBase++;
    } else if (kind === INVISIBLE) {
      if (lastWasInvisible) {
        skip(i, size);
        i += size;
        continue;
      }
      if (cp === 0x200b) sinceBreak = 0; // a zero-width space is a break opportunity
    } else if (kind === BREAK) {
      sinceBreak = 0;
      marksOnBase = 0;
    } else {
      if (sinceBreak >= BREAK_EVERY) {
        parts.push(line.slice(keptFrom, i), breakWith);
        keptFrom = i;
        sinceBreak = 0;
      }
      sinceBreak++;
      marksOnBase = 0;
    }
    lastWasInvisible = kind === INVISIBLE;
    drawn++;
    i += size;
  }
  parts.push(line.slice(keptFrom));
  return { text: parts.join(''), hidden, drawn };
}

function codePointCount(text: string, from: number): number {
  let n = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const p = i > from ? text.charCodeAt(i - 1) : 0;
    if (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) continue; // second half of a pair
    n++;
  }
  return n;
}
