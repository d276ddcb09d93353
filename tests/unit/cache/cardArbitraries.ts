import fc from 'fast-check';

// fast-check generators for card numbers as people type them, and text around them.

/** The zero of some decimal digit scripts (\p{Nd}); digit d is zero + d. */
export const DIGIT_ZEROS = [
  0x30, // ASCII
  0xff10, // full-width
  0x660, // Arabic-Indic
  0x6f0, // Eastern Arabic-Indic (Persian, Urdu)
  0x966, // Devanagari
  0x9e6, // Bengali
  0xe50, // Thai
  0x1040, // Myanmar
  0x1d7ce, // mathematical bold (outside the BMP)
] as const;

const VISIBLE_SEPARATORS = [' ', '\u00a0', '\u2009', '\u202f', '\u2007', '\u3000', '.', '-', '\u2010', '\u2013', '\u2014', '\u2212', '/'];
const INVISIBLE_SEPARATORS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f'];
const LINE_BREAKS = ['\n', '\r\n', '\u2028'];

/** Luhn check digit for `body` (ASCII digits). */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) d = d > 4 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** 13–19 ASCII digits that pass Luhn. */
export const cardDigits = fc
  .integer({ min: 13, max: 19 })
  .chain((length) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length - 1, maxLength: length - 1 }))
  .map((body) => body + String(luhnCheckDigit(body)));

/** What may stand between two digits of one card number: up to 3 visible separators, 2 invisible ones, 1 line break. */
export const gap = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.array(fc.constantFrom(...VISIBLE_SEPARATORS), { maxLength: 2 }),
        fc.array(fc.constantFrom(...INVISIBLE_SEPARATORS), { maxLength: 2 }),
        fc.option(fc.constantFrom(...LINE_BREAKS), { freq: 4 }),
        fc.option(fc.constantFrom(...VISIBLE_SEPARATORS), { freq: 2 }),
      )
      .map(([visible, invisible, lineBreak, after]) => visible.join('') + invisible.join('') + (lineBreak ?? '') + (after ?? '')),
  },
);

/** Writes ASCII digits in one script, or each digit in a script of its own. */
export const digitWriter = fc.oneof(
  fc.constantFrom(...DIGIT_ZEROS).map((zero) => (ds: string) => Array.from(ds, (d) => String.fromCodePoint(zero + Number(d)))),
  fc
    .array(fc.constantFrom(...DIGIT_ZEROS), { minLength: 19, maxLength: 19 })
    .map((zeros) => (ds: string) => Array.from(ds, (d, i) => String.fromCodePoint(zeros[i]! + Number(d)))),
);

export interface TypedCard {
  digits: string;
  typed: string;
}

/** A Luhn-valid card number written with random digits of any script and random separators. */
export const typedCard: fc.Arbitrary<TypedCard> = fc
  .tuple(cardDigits, digitWriter, fc.array(gap, { minLength: 18, maxLength: 18 }))
  .map(([digits, write, gaps]) => {
    const glyphs = write(digits);
    return { digits, typed: glyphs.map((g, i) => (i === 0 ? g : gaps[i - 1]! + g)).join('') };
  });

/** Text with no digits: letters of several scripts, punctuation, every kind of separator. */
export const textWithoutDigits = fc.string({
  unit: fc.constantFrom(
    ...'abcdefghij XYZ,;:!?()"\'@#%&*+=_',
    ...'éüñçßøå Привет Ελλάδα שלום مرحبا 你好 ',
    ...VISIBLE_SEPARATORS,
    ...INVISIBLE_SEPARATORS,
    ...LINE_BREAKS,
  ),
  maxLength: 40,
});
