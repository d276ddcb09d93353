import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../main/cache/ftsQuery';
import { highlightSegments, snippetSegments, wordMatcher } from '../../../main/cache/highlight';

const matcher = (text: string) => wordMatcher(toFtsQuery(text)!);

describe('highlighted snippets', () => {
  it('marks whole matching words, including the prefix-matched last word', () => {
    expect(highlightSegments('I want a Refund for my order', matcher('refund ord'))).toEqual([
      { text: 'I want a ', hit: false },
      { text: 'Refund', hit: true },
      { text: ' for my ', hit: false },
      { text: 'order', hit: true },
    ]);
  });

  it('does not mark words that only contain an exact term', () => {
    expect(highlightSegments('refunded', matcher('refund x')).every((s) => !s.hit)).toBe(true);
  });

  it('matches accented text against an unaccented query', () => {
    expect(highlightSegments('une crème', matcher('creme')).find((s) => s.hit)?.text).toBe('crème');
  });

  it('cuts long messages around the first hit with ellipses and whole words', () => {
    const text = `${'lorem ipsum '.repeat(30)}the refund was issued ${'dolor sit '.repeat(30)}`;
    const segments = snippetSegments(text, matcher('refund'), 80);
    const joined = segments.map((s) => s.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(segments.some((s) => s.hit && s.text === 'refund')).toBe(true);
    expect(joined.length).toBeLessThan(100);
    expect(joined).toMatch(/^…(lorem|ipsum) /);
  });

  it('returns text as data, so markup in a message stays text', () => {
    const segments = highlightSegments('<b>refund</b>', matcher('refund'));
    expect(segments.map((s) => s.text).join('')).toBe('<b>refund</b>');
  });
});
