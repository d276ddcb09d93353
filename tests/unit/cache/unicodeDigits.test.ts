import { describe, expect, it } from 'vitest';
import { asciiDigits, digitValue, possibleDigitPattern } from '../../../main/cache/unicodeDigits';

describe('decimal digits of every script', () => {
  // Intl writes 0–9 in each numbering system: an independent source for each script's digits.
  const systems = Intl.supportedValuesOf('numberingSystem').filter((nu) => {
    const zero = new Intl.NumberFormat(`en-u-nu-${nu}`).format(0);
    return nu !== 'latn' && /^\p{Nd}$/u.test(zero);
  });

  it('reads the digits of every numbering system Intl knows as their value', () => {
    expect(systems.length).toBeGreaterThan(40);
    for (const nu of systems) {
      const format = new Intl.NumberFormat(`en-u-nu-${nu}`, { useGrouping: false });
      for (let value = 0; value <= 9; value++) {
        const digit = format.format(value);
        expect({ nu, value: digitValue(digit.codePointAt(0)!) }).toEqual({ nu, value });
      }
    }
  });

  it('gives -1 for letters, punctuation, marks, surrogates and emoji', () => {
    for (const ch of ['a', ' ', '.', 'Ⅳ', '½', '²', '\u0301', '😀', '一']) expect(digitValue(ch.codePointAt(0)!)).toBe(-1);
    expect(digitValue(0xd835)).toBe(-1);
  });

  it('finds where every digit may start, in and outside the BMP', () => {
    const pattern = possibleDigitPattern();
    expect('x ٣ y'.search(pattern)).toBe(2);
    expect('abc𝟗'.search(pattern)).toBe(3);
    expect('no digits here'.search(pattern)).toBe(-1);
  });

  it('writes any script as ASCII digits', () => {
    expect(asciiDigits('٤١١١ ４２ 𝟗 x')).toBe('4111 42 9 x');
  });
});
