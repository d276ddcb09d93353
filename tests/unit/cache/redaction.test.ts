import { describe, expect, it } from 'vitest';
import { createRedactor, luhnValid, PAN_REPLACEMENT, redactCardNumbers } from '../../../main/cache/redaction';

describe('card number redaction', () => {
  it.each([
    ['4111111111111111', 'plain 16 digits'],
    ['4111 1111 1111 1111', 'spaces'],
    ['4111-1111-1111-1111', 'dashes'],
    ['3782 822463 10005', 'Amex 15 digits'],
    ['6011000990139424', 'Discover'],
    ['4222222222222', '13 digits'],
  ])('removes a Luhn-valid card number written as %s (%s)', (pan) => {
    expect(redactCardNumbers(`my card is ${pan} thanks`)).toBe(`my card is ${PAN_REPLACEMENT} thanks`);
  });

  it('keeps numbers that fail the Luhn check (order ids, phone numbers)', () => {
    const text = 'order 4111111111111112, call +1 415 555 0134';
    expect(redactCardNumbers(text)).toBe(text);
  });

  it('keeps digit runs too short or too long to be a card', () => {
    const text = 'ref 411111111111 and 41111111111111111111111';
    expect(redactCardNumbers(text)).toBe(text);
  });

  it('finds a card number typed next to another number', () => {
    expect(redactCardNumbers('ticket 12345 4111 1111 1111 1111')).toBe(`ticket 12345 ${PAN_REPLACEMENT}`);
  });

  it('removes every card number in a message', () => {
    expect(redactCardNumbers('4111111111111111 or 5555 5555 5555 4444')).toBe(`${PAN_REPLACEMENT} or ${PAN_REPLACEMENT}`);
  });

  const card = (digits: string, sep: string | ((i: number) => string)) =>
    digits.replace(/\d{4}(?=\d)/g, (g, at: number) => g + (typeof sep === 'string' ? sep : sep(at / 4)));
  it.each([
    ['dots', '.'],
    ['double spaces', '  '],
    ['no-break spaces (U+00A0)', '\u00a0'],
    ['thin spaces (U+2009)', '\u2009'],
    ['narrow no-break spaces (U+202F)', '\u202f'],
    ['figure spaces (U+2007)', '\u2007'],
    ['ideographic spaces (U+3000)', '\u3000'],
    ['tabs', '\t'],
    ['en dashes', '\u2013'],
    ['em dashes', '\u2014'],
    ['minus signs (U+2212)', '\u2212'],
    ['spaced hyphens', ' - '],
    ['slashes', '/'],
    ['zero-width spaces', '\u200b'],
    ['zero-width joiners and non-joiners', '\u200c\u200d'],
    ['word joiners', '\u2060'],
    ['byte-order marks', '\ufeff'],
    ['soft hyphens', '\u00ad'],
    ['right-to-left marks', '\u200f'],
  ])('removes a card number whose groups are separated by %s, and keeps a Luhn-invalid one', (_name, sep) => {
    expect(redactCardNumbers(`card: ${card('4111111111111111', sep)}, exp 12/27`)).toBe(`card: ${PAN_REPLACEMENT}, exp 12/27`);
    const invalid = `order ${card('4111111111111112', sep)}`;
    expect(redactCardNumbers(invalid)).toBe(invalid);
  });

  it.each([
    ['a line break', '\n'],
    ['a Windows line break', '\r\n'],
    ['a line separator (U+2028)', '\u2028'],
    ['a space and a line break', ' \n'],
  ])('removes a card number split by %s, but joins no numbers across a blank line or a wide gap', (_name, br) => {
    expect(redactCardNumbers(`4111 1111${br}1111 1111`)).toBe(PAN_REPLACEMENT);
    for (const text of [`4111 1111${br}${br}1111 1111`, `4111 1111 ${br} -- 1111 1111`, `from 4111 1111${br}to 1111 1111`]) {
      expect(redactCardNumbers(text)).toBe(text);
    }
  });

  it('removes a card number typed with a different separator between each group', () => {
    expect(redactCardNumbers(card('5555555555554444', (i) => [' ', '.', '\u2013'][i]!))).toBe(PAN_REPLACEMENT);
    expect(redactCardNumbers('4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1')).toBe(PAN_REPLACEMENT);
  });

  it.each([
    ['full-width', '４１１１ １１１１ １１１１ １１１１'],
    ['Arabic-Indic', '٤١١١ ١١١١ ١١١١ ١١١١'],
    ['Eastern Arabic-Indic (Persian)', '۴۱۱۱-۱۱۱۱-۱۱۱۱-۱۱۱۱'],
    ['Devanagari', '४१११ ११११ ११११ ११११'],
    ['Bengali', '৪১১১১১১১১১১১১১১১'],
    ['Thai', '๔๑๑๑ ๑๑๑๑ ๑๑๑๑ ๑๑๑๑'],
    ['mathematical bold (outside the BMP)', '𝟒𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏'],
    ['mixed scripts', '4111 １１１１ ١١١١ 1111'],
  ])('removes a card number written in %s digits, and keeps a Luhn-invalid one', (_name, pan) => {
    expect(redactCardNumbers(`رقم البطاقة ${pan} شكرا`)).toBe(`رقم البطاقة ${PAN_REPLACEMENT} شكرا`);
    // The last digit one more: 1 -> 2 in every script here.
    const last = Array.from(pan).at(-1)!;
    const invalid = Array.from(pan).slice(0, -1).join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
    expect(redactCardNumbers(invalid)).toBe(invalid);
  });

  it('finds a card number next to another number whatever the separators', () => {
    expect(redactCardNumbers('ticket 12345.4111.1111.1111.1111 ok')).toBe(`ticket 12345.${PAN_REPLACEMENT} ok`);
    expect(redactCardNumbers('order ١٢٣٤٥ ٤١١١ ١١١١ ١١١١ ١١١١')).toBe(`order ١٢٣٤٥ ${PAN_REPLACEMENT}`);
  });

  it('redacts a megabyte of card numbers in one pass (the recursive version overflowed the stack)', () => {
    // "0000 0000 0000 0000" passes Luhn: 200,000 groups make 50,000 cards in one run of digits and spaces.
    const text = '0000 '.repeat(200_000);
    expect(redactCardNumbers(text)).toBe(`${PAN_REPLACEMENT} `.repeat(50_000));
  });

  it('implements the Luhn check', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('٧٩٩٢٧٣٩٨٧١٣')).toBe(true);
  });
});

describe('configurable redaction patterns', () => {
  it('applies configured patterns after card numbers', () => {
    const r = createRedactor([
      { name: 'ssn', pattern: '\\b\\d{3}-\\d{2}-\\d{4}\\b', replacement: '[SSN]' },
      { name: 'email', pattern: '[\\w.]+@[\\w.]+', flags: 'i' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.redact('SSN 123-45-6789, mail BOB@example.com, card 4111111111111111')).toBe(
      `SSN [SSN], mail [REDACTED], card ${PAN_REPLACEMENT}`,
    );
  });

  it('reports an invalid pattern clearly and still applies the others', () => {
    const r = createRedactor([
      { name: 'broken', pattern: '([unclosed' },
      { name: 'ssn', pattern: '\\d{3}-\\d{2}-\\d{4}' },
    ]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.name).toBe('broken');
    expect(r.problems[0]?.message).toMatch(/"broken" is not a valid regular expression .*other patterns still apply/);
    expect(r.redact('id 123-45-6789 and 4111111111111111')).toBe(`id [REDACTED] and ${PAN_REPLACEMENT}`);
  });

  it('skips a pattern that matches empty text instead of mangling every message', () => {
    const r = createRedactor([{ name: 'oops', pattern: 'x*' }]);
    expect(r.problems[0]?.message).toMatch(/matches empty text/);
    expect(r.redact('hello')).toBe('hello');
  });

  it('gives the same result when used many times (no leftover regex state)', () => {
    const r = createRedactor([{ name: 'code', pattern: 'SECRET\\d+' }]);
    expect(r.redact('SECRET1 SECRET2')).toBe('[REDACTED] [REDACTED]');
    expect(r.redact('SECRET3')).toBe('[REDACTED]');
  });
});
