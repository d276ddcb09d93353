import { describe, expect, it } from 'vitest';
import { chunkText, classifyUrl, showControlCharacters, splitLinks, truncateForDisplay } from '../../../renderer/src/views/digital/safeText';

describe('classifyUrl', () => {
  it('allows only http, https and mailto', () => {
    expect(classifyUrl('https://example.com/a?b=1')).toBe('web');
    expect(classifyUrl('http://example.com')).toBe('web');
    expect(classifyUrl('mailto:help@example.com')).toBe('mail');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:x', 'not a url', '', 'https://', 'mailto:']) {
      expect(classifyUrl(bad), bad).toBe('unsafe');
    }
  });
});

describe('splitLinks', () => {
  it('turns http(s) and mailto into links and leaves everything else as text', () => {
    const parts = splitLinks('see https://example.com/help?x=1. or mail mailto:a@b.example, not javascript:alert(1)');
    expect(parts).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/help?x=1', url: 'https://example.com/help?x=1', linkKind: 'web' },
      { kind: 'text', text: '. or mail ' },
      { kind: 'link', text: 'mailto:a@b.example', url: 'mailto:a@b.example', linkKind: 'mail' },
      { kind: 'text', text: ', not javascript:alert(1)' },
    ]);
  });

  it('never makes a link of a javascript: URL, even when it looks like one', () => {
    const parts = splitLinks('<a href="javascript:alert(1)">https</a> javascript://example.com/%0Aalert(1)');
    expect(parts.filter((p) => p.kind === 'link')).toEqual([]);
    expect(parts.map((p) => p.text).join('')).toBe('<a href="javascript:alert(1)">https</a> javascript://example.com/%0Aalert(1)');
  });

  it('stops a link at markup characters and keeps a parenthesis that belongs to it', () => {
    expect(splitLinks('<https://example.com/x>').find((p) => p.kind === 'link')?.url).toBe('https://example.com/x');
    expect(splitLinks('https://en.wikipedia.org/wiki/Foo_(bar)').find((p) => p.kind === 'link')?.url).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
  });

  it('keeps every character of the text', () => {
    const text = 'a https://x.example b mailto:q@r.example c';
    expect(splitLinks(text).map((p) => p.text).join('')).toBe(text);
  });
});

describe('showControlCharacters', () => {
  it('makes C0 controls, DEL and C1 controls visible and keeps tabs and newlines', () => {
    expect(showControlCharacters('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('a␀b␇c␛d␡e⟨U+0085⟩f');
    expect(showControlCharacters('line1\nline2\tend')).toBe('line1\nline2\tend');
    expect(showControlCharacters('dos\r\nmac\rend')).toBe('dos\nmac\nend');
  });

  it('makes bidi overrides visible so they cannot reorder the text, and keeps RTL text, marks and emoji joiners', () => {
    expect(showControlCharacters('invoice\u202Efdp.exe')).toBe('invoice⟨U+202E⟩fdp.exe');
    expect(showControlCharacters('\u2066x\u2069')).toBe('⟨U+2066⟩x⟨U+2069⟩');
    const rtl = 'مرحبا\u200F 👨\u200D👩\u200D👧';
    expect(showControlCharacters(rtl)).toBe(rtl);
  });
});

describe('truncateForDisplay and chunkText', () => {
  it('leaves short text alone', () => {
    expect(truncateForDisplay('hello', 10)).toEqual({ text: 'hello', truncated: false, hidden: 0 });
  });

  it('cuts a 1 MB message and says how much is hidden', () => {
    const big = 'A'.repeat(1024 * 1024);
    const t = truncateForDisplay(big);
    expect(t.truncated).toBe(true);
    expect(t.text.length + t.hidden).toBe(big.length);
    expect(t.text.length).toBeLessThan(10_000);
  });

  it('never splits an emoji in two', () => {
    const t = truncateForDisplay('ab😀cd', 3);
    expect(t.text).toBe('ab');
    expect(t.hidden).toBe(4);
  });

  it('chunks long text without losing or splitting anything, preferring spaces', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkText(words, 500);
    expect(chunks.join('')).toBe(words);
    expect(chunks.every((c) => c.length <= 500)).toBe(true);
    expect(chunks.slice(0, -1).every((c) => c.endsWith(' '))).toBe(true);
    const emoji = '😀'.repeat(1000);
    const e = chunkText(emoji, 301);
    expect(e.join('')).toBe(emoji);
    expect(e.every((c) => !/[\uD800-\uDBFF]$/.test(c))).toBe(true);
  });
});
