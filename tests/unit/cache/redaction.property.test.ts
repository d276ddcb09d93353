import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAN_REPLACEMENT, redactCardNumbers } from '../../../main/cache/redaction';
import { DIGIT_ZEROS, gap, textWithoutDigits, typedCard } from './cardArbitraries';

const doubled = (d: number) => (d > 4 ? d * 2 - 9 : d * 2);

/**
 * Digits in which no 13–19 consecutive digits pass Luhn: each digit is bumped
 * past the (at most 7) values that would complete a Luhn-valid window ending
 * on it. Any card candidate, whatever separators are typed between the digits,
 * is some consecutive stretch of them, so none can be valid.
 */
function withoutLuhnValidWindows(raw: number[]): number[] {
  const out: number[] = [];
  for (const wanted of raw) {
    const forbidden = new Set<number>();
    for (let length = 13; length <= 19 && length - 1 <= out.length; length++) {
      let rest = 0;
      for (let k = 1; k < length; k++) {
        const d = out[out.length - k]!;
        rest += k % 2 === 1 ? doubled(d) : d;
      }
      forbidden.add((10 - (rest % 10)) % 10);
    }
    let d = wanted;
    while (forbidden.has(d)) d = (d + 1) % 10;
    out.push(d);
  }
  return out;
}

describe('card number redaction, property-based', () => {
  it('removes every Luhn-valid card number, in any digits and with any separators, and keeps the text around it', () => {
    fc.assert(
      fc.property(textWithoutDigits, typedCard, textWithoutDigits, (before, card, after) => {
        expect(redactCardNumbers(before + card.typed + after)).toBe(before + PAN_REPLACEMENT + after);
      }),
      { numRuns: 2_000 },
    );
  });

  it('removes each of several card numbers in one message', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(typedCard, textWithoutDigits.filter((t) => /\p{L}/u.test(t))), { minLength: 1, maxLength: 5 }), (parts) => {
        const text = parts.map(([card, words]) => card.typed + words).join('');
        expect(redactCardNumbers(text)).toBe(parts.map(([, words]) => PAN_REPLACEMENT + words).join(''));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves text without a Luhn-valid run of 13–19 digits exactly as it was', () => {
    const piece = fc.oneof(gap, textWithoutDigits);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(...DIGIT_ZEROS), piece), { maxLength: 80 }),
        (parts) => {
          const digits = withoutLuhnValidWindows(parts.map(([d]) => d));
          const text = parts.map(([, zero, after], i) => String.fromCodePoint(zero + digits[i]!) + after).join('');
          expect(redactCardNumbers(text)).toBe(text);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
