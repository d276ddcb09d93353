// Card numbers (PANs) in free text, found in one left-to-right pass. Pure: no I/O, no clock.
//
// What counts as a card number: 13–19 decimal digits of any script (\p{Nd},
// read as their value) that pass the Luhn check, with any mix of separators
// between digits, the way people type them: spaces of every kind (NBSP, thin,
// narrow, figure, doubled), dots, slashes, hyphens and every dash (incl. the
// minus sign), invisible formatting characters (zero-width space/joiners, word
// joiner, BOM, soft hyphen, direction marks) and one line break.
// Numbers that fail the Luhn check (order ids, phone numbers) are kept.
//
// Cost: each character is read at most twice (once by the regex that finds the
// next digit, once by the run reader), and each digit group is the start of at
// most 19 candidate windows whose Luhn sum comes from prefix sums in O(1), so
// the whole pass is linear in the text, with no recursion.

import { digitValue, markBmp, possibleDigitPattern } from './unicodeDigits';

export const PAN_REPLACEMENT = '[REDACTED CARD]';

const MIN_PAN_DIGITS = 13;
const MAX_PAN_DIGITS = 19;

/**
 * Between two digits of one number: at most this many visible separators
 * ("4111 - 1111", "4111  1111"), one line break ("\r\n" counts as one) and
 * this many characters in all (invisible ones included). Anything longer
 * ends the number, so unrelated numbers in a list are not joined.
 */
const MAX_VISIBLE_SEPARATORS = 3;
const MAX_LINE_BREAKS = 1;
const MAX_GAP_LENGTH = 16;

const NEXT_DIGIT = possibleDigitPattern();
const NOT_A_SEPARATOR = 0;
const VISIBLE = 1;
const INVISIBLE_FORMAT = 2;
const LINE_BREAK = 3;

/** Separator kind of each BMP code point; built on first use (supplementary ones are rare: asked each time). */
let bmpSeparators: Uint8Array | undefined;

function separatorTable(): Uint8Array {
  if (bmpSeparators) return bmpSeparators;
  const table = new Uint8Array(0x10000);
  markBmp(table, /\p{Cf}/gu, () => INVISIBLE_FORMAT); // zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks
  markBmp(table, /[\p{Zs}\p{Pd}\t./\u2212\u2044\u2215\uff0e\uff0f]/gu, () => VISIBLE); // spaces, dashes, minus, dots, slashes
  markBmp(table, /[\n\r\u0085\u2028\u2029]/gu, () => LINE_BREAK);
  bmpSeparators = table;
  return table;
}

function separatorKind(cp: number): number {
  if (cp < 0x10000) return separatorTable()[cp]!;
  const ch = String.fromCodePoint(cp);
  if (/^[\p{Zs}\p{Pd}]$/u.test(ch)) return VISIBLE;
  return /^\p{Cf}$/u.test(ch) ? INVISIBLE_FORMAT : NOT_A_SEPARATOR;
}

/**
 * The digit run being read, in arrays reused from call to call (grown when a
 * run is longer than any before). Digit k of the run is digit k of the card
 * candidates; group g is a stretch of digits with no separator inside.
 */
class RunScratch {
  digitCount = 0;
  groupCount = 0;
  /** First digit index of each group; entry groupCount is digitCount. */
  groupFirstDigit = new Int32Array(64);
  /** Text offsets: first character of each group, and just after its last digit. */
  groupFrom = new Int32Array(64);
  groupTo = new Int32Array(64);
  /**
   * Luhn prefix sums over digit indexes < k: plain value / doubled value
   * (2d, minus 9 above 9), split by the parity of the digit index. A window's
   * last digit is never doubled, so its sum takes the plain values of the
   * digits with the last digit's parity and the doubled values of the others.
   */
  plainEven = new Int32Array(64);
  plainOdd = new Int32Array(64);
  doubledEven = new Int32Array(64);
  doubledOdd = new Int32Array(64);

  reset(): void {
    this.digitCount = 0;
    this.groupCount = 0;
  }

  startGroup(textIndex: number): void {
    const g = this.groupCount++;
    if (this.groupCount + 1 > this.groupFrom.length) this.growGroups();
    this.groupFirstDigit[g] = this.digitCount;
    this.groupFrom[g] = textIndex;
  }

  addDigit(value: number, textEnd: number): void {
    const k = this.digitCount++;
    if (this.digitCount + 1 > this.plainEven.length) this.growDigits();
    const doubled = value > 4 ? value * 2 - 9 : value * 2;
    const even = (k & 1) === 0;
    this.plainEven[k + 1] = this.plainEven[k]! + (even ? value : 0);
    this.plainOdd[k + 1] = this.plainOdd[k]! + (even ? 0 : value);
    this.doubledEven[k + 1] = this.doubledEven[k]! + (even ? doubled : 0);
    this.doubledOdd[k + 1] = this.doubledOdd[k]! + (even ? 0 : doubled);
    this.groupTo[this.groupCount - 1] = textEnd;
  }

  finish(): void {
    this.groupFirstDigit[this.groupCount] = this.digitCount;
  }

  /** Luhn check of digits first..last (inclusive) of the run. */
  luhnValid(first: number, last: number): boolean {
    const end = last + 1;
    const sum =
      (last & 1) === 0
        ? this.plainEven[end]! - this.plainEven[first]! + this.doubledOdd[end]! - this.doubledOdd[first]!
        : this.plainOdd[end]! - this.plainOdd[first]! + this.doubledEven[end]! - this.doubledEven[first]!;
    return sum % 10 === 0;
  }

  get capacity(): number {
    return Math.max(this.plainEven.length, this.groupFrom.length);
  }

  private growGroups(): void {
    const size = this.groupFrom.length * 2;
    this.groupFirstDigit = grow(this.groupFirstDigit, size);
    this.groupFrom = grow(this.groupFrom, size);
    this.groupTo = grow(this.groupTo, size);
  }

  private growDigits(): void {
    const size = this.plainEven.length * 2;
    this.plainEven = grow(this.plainEven, size);
    this.plainOdd = grow(this.plainOdd, size);
    this.doubledEven = grow(this.doubledEven, size);
    this.doubledOdd = grow(this.doubledOdd, size);
  }
}

function grow(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}

/** A run longer than this many digits gets fresh small arrays afterwards, so one hostile message does not keep megabytes. */
const KEEP_SCRATCH_DIGITS = 1 << 16;
let run = new RunScratch();

/**
 * Reads the run of digits and separators that starts with the digit at
 * `start` into `run`; returns the text offset just after its last digit.
 */
function readRun(text: string, start: number): number {
  run.reset();
  let i = start;
  let lastDigitEnd = start;
  let inGap = true; // the first digit starts the first group
  let visible = 0;
  let lineBreaks = 0;
  let gapLength = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    let size = cp > 0xffff ? 2 : 1;
    const value = digitValue(cp);
    if (value >= 0) {
      if (inGap) {
        run.startGroup(i);
        inGap = false;
        visible = 0;
        lineBreaks = 0;
        gapLength = 0;
      }
      i += size;
      run.addDigit(value, i);
      lastDigitEnd = i;
      continue;
    }
    const kind = separatorKind(cp);
    if (kind === NOT_A_SEPARATOR) break;
    if (kind === LINE_BREAK) {
      if (cp === 0x0d && text.charCodeAt(i + 1) === 0x0a) size = 2;
      lineBreaks++;
    } else if (kind === VISIBLE) {
      visible++;
    }
    gapLength += size;
    if (lineBreaks > MAX_LINE_BREAKS || visible > MAX_VISIBLE_SEPARATORS || gapLength > MAX_GAP_LENGTH) break;
    inGap = true;
    i += size;
  }
  run.finish();
  return lastDigitEnd;
}

/**
 * Calls `redact(from, to)` for each card number in the run just read, left to
 * right. A whole run of 13–19 digits that passes Luhn is one card. Otherwise a
 * card next to other numbers ("ticket 12345 4111 1111 1111 1111") is looked
 * for in windows that start and end on the separators the writer typed: the
 * leftmost start, then the shortest window from it; after a card, the search
 * goes on with the next group. A card inside one unbroken longer digit string
 * is not cut out of it (that string is not a card number).
 */
function findCards(redact: (from: number, to: number) => void): void {
  const first = run.groupFirstDigit;
  const total = run.digitCount;
  const groups = run.groupCount;
  let segment = 0;
  while (segment < groups) {
    const remaining = total - first[segment]!;
    if (remaining < MIN_PAN_DIGITS) return;
    if (remaining <= MAX_PAN_DIGITS && run.luhnValid(first[segment]!, total - 1)) {
      redact(run.groupFrom[segment]!, run.groupTo[groups - 1]!);
      return;
    }
    let next = -1;
    // shortEnd: the first group at which a window from `start` reaches 13 digits; it only moves right.
    for (let start = segment, shortEnd = segment; start < groups && next < 0; start++) {
      const from = first[start]!;
      if (total - from < MIN_PAN_DIGITS) return;
      if (shortEnd < start) shortEnd = start;
      while (first[shortEnd + 1]! - from < MIN_PAN_DIGITS) shortEnd++;
      for (let end = shortEnd; end < groups; end++) {
        const count = first[end + 1]! - from;
        if (count > MAX_PAN_DIGITS) break;
        if (count >= MIN_PAN_DIGITS && run.luhnValid(from, from + count - 1)) {
          redact(run.groupFrom[start]!, run.groupTo[end]!);
          next = end + 1;
          break;
        }
      }
    }
    if (next < 0) return;
    segment = next;
  }
}

/**
 * Fast path, one native regex scan: fewer than 13 characters that may be
 * digits means no card number (most messages; ~4x cheaper than reading runs).
 */
function mayHoldCard(text: string): boolean {
  NEXT_DIGIT.lastIndex = 0;
  for (let seen = 0; NEXT_DIGIT.test(text); ) if (++seen >= MIN_PAN_DIGITS) return true;
  return false;
}

/** Replaces every Luhn-valid 13–19 digit card number with PAN_REPLACEMENT. */
export function redactCardNumbers(text: string): string {
  if (!mayHoldCard(text)) return text;
  let out = '';
  let copiedUpTo = 0;
  const redact = (from: number, to: number) => {
    out += text.slice(copiedUpTo, from) + PAN_REPLACEMENT;
    copiedUpTo = to;
  };
  NEXT_DIGIT.lastIndex = 0;
  // test() rather than exec(): no match array per number.
  while (NEXT_DIGIT.test(text)) {
    const start = NEXT_DIGIT.lastIndex - 1;
    const end = readRun(text, start);
    if (run.digitCount >= MIN_PAN_DIGITS) findCards(redact);
    NEXT_DIGIT.lastIndex = Math.max(end, start + 1); // a surrogate that was not a digit: step over it
  }
  if (run.capacity > KEEP_SCRATCH_DIGITS) run = new RunScratch();
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Luhn check of a string of decimal digits (any script). */
export function luhnValid(digits: string): boolean {
  const values = Array.from(digits, (d) => digitValue(d.codePointAt(0)!));
  if (values.length === 0 || values.some((v) => v < 0)) return false;
  let sum = 0;
  for (let i = values.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = values[i]!;
    if (double) d = d > 4 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
