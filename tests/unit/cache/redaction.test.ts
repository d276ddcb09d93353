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

  it('implements the Luhn check', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
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
