import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREAK_EVERY, MAX_MARKS_PER_BASE, notShown, pdfSafeLine } from '../../../main/cache/export/pdfSafeText';

const INSERTED = '\ue000'; // a private-use character the inputs below never hold: shows where breaks were added
const characters = (s: string) => Array.from(s).length;

describe('text made safe for the PDF layout', () => {
  it('gives a long unbroken token a break opportunity every few characters and keeps all of it', () => {
    const token = 'x'.repeat(1_000);
    const { text, hidden, drawn } = pdfSafeLine(`see ${token} ok`, 20_000, INSERTED);
    expect(text.replaceAll(INSERTED, '')).toBe(`see ${token} ok`);
    const pieces = text.split(INSERTED);
    expect(pieces).toHaveLength(1_000 / BREAK_EVERY);
    expect(pieces.slice(1, -1).every((piece) => piece.length === BREAK_EVERY)).toBe(true);
    expect({ hidden, drawn }).toEqual({ hidden: 0, drawn: 1_007 });
  });

  it('leaves ordinary text alone', () => {
    const line = '[09:00] Ann: Привет — your refund of €12.50 is on its way 👍 (ref ABC-123/4)';
    expect(pdfSafeLine(line, 20_000, INSERTED)).toEqual({ text: line, hidden: 0, drawn: characters(line) });
  });

  it(`keeps at most ${MAX_MARKS_PER_BASE} combining marks on a character and counts the rest as not shown`, () => {
    const zalgo = 'Z\u0301\u0302\u0303\u0304\u0305a\u0306\u0307\u0308 e\u0301';
    expect(pdfSafeLine(zalgo, 100)).toEqual({ text: 'Z\u0301\u0302a\u0306\u0307 e\u0301', hidden: 4, drawn: 9 });
  });

  it('keeps one character of a run of invisible ones', () => {
    const line = `a${'\u200b'.repeat(100_000)}b\u200d\u200c\ufeffc`;
    expect(pdfSafeLine(line, 20_000)).toEqual({ text: 'a\u200bb\u200dc', hidden: 100_001, drawn: 5 });
  });

  it('draws at most the given number of characters and says how many it left out, never splitting a pair', () => {
    const line = `${'😀'.repeat(10)}${'y'.repeat(90)}`;
    const cut = pdfSafeLine(line, 5, INSERTED);
    expect(cut).toEqual({ text: '😀😀😀😀😀', hidden: 95, drawn: 5 });
    expect(notShown(980_041)).toBe('[… 980,041 characters not shown — see the text export]');
  });

  it('for any text: every character is drawn or counted, in order, with no long unbreakable run, mark stack or invisible run', () => {
    const unit = fc.oneof(
      fc.constantFrom('x'.repeat(30), 'a', 'Z', 'ж', 'ש', '😀', ' ', '\n', '-', '\u0301', '\u0336', '\u200b', '\u200d', '\ufeff', '\u00a0'),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 400 }), fc.integer({ min: 0, max: 500 }), (units, max) => {
        const line = units.join('');
        const { text, hidden, drawn } = pdfSafeLine(line, max, INSERTED);
        expect(drawn + hidden).toBe(characters(line));
        expect(drawn).toBeLessThanOrEqual(max);
        const kept = text.replaceAll(INSERTED, '');
        expect(characters(kept)).toBe(drawn);
        // A subsequence of the line: only dropped characters, nothing reordered or made up.
        const source = Array.from(line);
        let at = 0;
        for (const ch of kept) {
          while (at < source.length && source[at] !== ch) at++;
          expect(at).toBeLessThan(source.length);
          at++;
        }
        // Between break opportunities: at most BREAK_EVERY characters (not counting marks and invisible ones).
        for (const run of text.split(new RegExp(`[\\s\\u200b${INSERTED}]`, 'u'))) {
          expect(run.match(/[^\p{M}\p{Cf}]/gu)?.length ?? 0).toBeLessThanOrEqual(BREAK_EVERY);
        }
        expect(text).not.toMatch(/\p{M}{3}/u);
        expect(text).not.toMatch(/\p{Cf}{2}/u);
      }),
      { numRuns: 1_000 },
    );
  });
});
