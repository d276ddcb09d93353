// Decimal digits of every script (\p{Nd}: ASCII, full-width, Arabic-Indic,
// Devanagari, Bengali, Thai, mathematical bold …) read as their value, so a
// card number is recognised however it was typed. Pure.

const DECIMAL_DIGITS = /\p{Nd}/gu;

/** Every BMP code point except surrogates, in order: scanned once by a regex to build lookup tables. */
let bmpText: string | undefined;

/**
 * Marks in `table` (indexed by BMP code point) every character `pattern`
 * (a global regex) matches. One regex scan of the BMP, ~1 ms, instead of
 * a regex test per character while reading text (~0.3 us each).
 */
export function markBmp(table: Uint8Array | Int8Array, pattern: RegExp, mark: (codePoint: number) => number): void {
  bmpText ??= Array.from({ length: 0x10000 }, (_, cp) => (cp >= 0xd800 && cp <= 0xdfff ? ' ' : String.fromCharCode(cp))).join('');
  for (const m of bmpText.matchAll(pattern)) {
    const cp = m[0].charCodeAt(0);
    table[cp] = mark(cp);
  }
}

/** Digit value of each BMP code point, -1 for non-digits; built on first use. */
let bmpDigits: Int8Array | undefined;

function bmpDigitTable(): Int8Array {
  if (bmpDigits) return bmpDigits;
  const table = new Int8Array(0x10000).fill(-1);
  markBmp(table, DECIMAL_DIGITS, (cp) => digitValueByRange(cp));
  bmpDigits = table;
  return table;
}

/** Supplementary-plane answers (math digits, emoji …), kept up to a bound. */
const supplementary = new Map<number, number>();
const MAX_SUPPLEMENTARY_KEPT = 4_096;

function isDecimalDigit(codePoint: number): boolean {
  return /^\p{Nd}$/u.test(String.fromCodePoint(codePoint));
}

/**
 * Unicode encodes each script's digits as one contiguous 0–9 range, and every
 * maximal run of \p{Nd} code points is made of whole such ranges (checked in
 * tests against Intl's numbering systems), so a digit's value is its distance
 * from the start of its run, modulo 10.
 */
function digitValueByRange(codePoint: number): number {
  let start = codePoint;
  while (start > 0 && isDecimalDigit(start - 1)) start--;
  return (codePoint - start) % 10;
}

/** The value 0–9 of a decimal digit of any script, or -1 for any other code point. */
export function digitValue(codePoint: number): number {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
  if (codePoint < 0x80) return -1;
  if (codePoint < 0x10000) return bmpDigitTable()[codePoint]!;
  let value = supplementary.get(codePoint);
  if (value === undefined) {
    value = isDecimalDigit(codePoint) ? digitValueByRange(codePoint) : -1;
    if (supplementary.size >= MAX_SUPPLEMENTARY_KEPT) supplementary.clear();
    supplementary.set(codePoint, value);
  }
  return value;
}

/**
 * A global, non-Unicode regex matching every code unit that may start a
 * decimal digit: the BMP digits and any high surrogate (the caller checks the
 * code point with digitValue). V8 scans such a class about as fast as /\d/,
 * where /\p{Nd}/u costs ~10x more per character on non-Latin text (measured:
 * 1.4 vs 15 ms per MB of Cyrillic).
 */
export function possibleDigitPattern(): RegExp {
  const table = bmpDigitTable();
  let ranges = '';
  const hex = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;
  for (let cp = 0, start = -1; cp <= 0x10000; cp++) {
    const digit = cp < 0x10000 && table[cp]! >= 0;
    if (digit && start < 0) start = cp;
    if (!digit && start >= 0) {
      ranges += `${hex(start)}-${hex(cp - 1)}`;
      start = -1;
    }
  }
  return new RegExp(`[${ranges}\\ud800-\\udbff]`, 'g');
}

/** `text` with every decimal digit of any script written as ASCII 0–9. */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => String(digitValue(d.codePointAt(0)!)));
}
