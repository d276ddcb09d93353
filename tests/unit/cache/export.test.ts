import { beforeEach, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { exportPdf, MAX_PDF_CHARACTERS, MAX_PDF_LINE_CHARACTERS } from '../../../main/cache/export/exportPdf';
import { exportSections } from '../../../main/cache/export/exportText';
import { notShown } from '../../../main/cache/export/pdfSafeText';
import { interaction, memoryCache, message, T0 } from './fixtures';
import { pdfText } from './pdfText';

let cache: CacheDatabase;
beforeEach(() => {
  cache = memoryCache();
  cache.applyWrites(
    [
      { kind: 'interaction', record: interaction({ id: 'int/1', endedAt: T0 + 60_000 }) },
      { kind: 'messages', records: [message(1, { interactionId: 'int/1', body: 'Your refund is on its way' })] },
    ],
    T0,
  );
  cache.addNote({ interactionId: 'int/1', authorId: 's', authorName: 'Sue', at: T0 + 5000, text: 'Handled well' });
});

describe('export of one interaction', () => {
  it('exports readable text with times in the chosen zone', async () => {
    const out = await cache.exportInteraction('int/1', 'text', { now: T0, timeZone: 'UTC' });
    const text = out.data.toString('utf8');
    expect(out.filename).toBe('spyglass-interaction-int_1.txt');
    expect(out.mimeType).toMatch(/^text\/plain/);
    expect(text).toContain('[2026-11-20 09:00:01] Ann Agent (agent): Your refund is on its way');
    expect(text).toContain('Sue: Handled well');
    expect(text).toContain('Queue: Sales');
  });

  it('exports a PDF containing the transcript', async () => {
    const out = await cache.exportInteraction('int/1', 'pdf', { now: T0, timeZone: 'UTC' });
    expect(out.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(out.mimeType).toBe('application/pdf');
    // Compressed by default; check the text via an uncompressed render of the same detail.
    const detail = cache.openInteraction('int/1')!;
    const plain = await exportPdf(detail, { now: T0, timeZone: 'UTC', compress: false });
    const text = pdfText(plain);
    expect(text).toContain('Your refund is on its way');
    expect(text).toContain('Handled well');
    expect(plain.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    // The compressed one draws the same.
    expect(pdfText(out.data)).toBe(text);
  });

  it('exports Cyrillic, Greek, Hebrew and accented text as written, not as question marks', async () => {
    const body = 'Привет, ёлка; Ελληνικά; שלום; Crème brûlée — “quoted” ✓';
    cache.applyWrites([{ kind: 'messages', records: [message(2, { interactionId: 'int/1', body, senderName: 'Дарья' })] }], T0);
    const out = await cache.exportInteraction('int/1', 'pdf', { now: T0, timeZone: 'UTC' });
    const text = pdfText(out.data);
    expect(text).toContain('Дарья (customer): Привет, ёлка; Ελληνικά;');
    expect(text).toContain('Crème brûlée — ');
    expect(text).toContain('“quoted” ✓');
    // Hebrew is laid out right to left, so it is drawn (and read back) in visual order.
    expect(text).toContain('םולש');
    expect(text).not.toContain('?');
  });

  it('draws at most a million characters in one PDF and sums up the lines it leaves out', async () => {
    const body = 'word '.repeat(3_000); // 15,000 characters: each message fits one line's cap
    const many = Array.from({ length: 80 }, (_, n) => message(10 + n, { interactionId: 'int/2', messageId: `long-${n}`, body }));
    cache.applyWrites([{ kind: 'interaction', record: interaction({ id: 'int/2' }) }, { kind: 'messages', records: many }], T0);
    const detail = cache.openInteraction('int/2')!;
    const drawn = pdfText(await exportPdf(detail, { now: T0, timeZone: 'UTC', compress: false })).replace(/\s+/g, ' ');
    // Lines are drawn in order until the budget runs out inside one of them: that one is cut, the rest summed up.
    let budget = MAX_PDF_CHARACTERS;
    let skipped = 0;
    let cut = 0;
    for (const line of exportSections(detail, { now: T0, timeZone: 'UTC' }).flatMap((s) => s.lines)) {
      if (budget <= 0) skipped += line.length;
      else if (line.length > budget) cut = line.length - budget;
      budget -= Math.min(budget, line.length);
    }
    expect(cut).toBeGreaterThan(0);
    expect(skipped).toBeGreaterThan(0);
    expect(drawn).toContain(notShown(cut));
    expect(drawn).toContain(notShown(skipped));
    expect(drawn.match(/characters not shown/g)).toHaveLength(2);
  });

  it('says when the interaction is not cached', async () => {
    await expect(cache.exportInteraction('nope', 'text', { now: T0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('export of a hostile conversation', () => {
  const token = 'x'.repeat(1_000_000);
  const marks = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));
  const zalgo = Array.from({ length: 100_000 / 16 }, (_, i) => 'Z' + Array.from({ length: 15 }, (_, j) => marks[(i * 15 + j) % marks.length]).join('')).join('');
  const invisible = '\u200b\u200d\ufeff\u2060'.repeat(25_000);

  beforeEach(() => {
    cache.applyWrites(
      [
        {
          kind: 'messages',
          records: [
            message(2, { interactionId: 'int/1', body: token }),
            message(3, { interactionId: 'int/1', body: zalgo }),
            message(4, { interactionId: 'int/1', body: `before${invisible}after` }),
          ],
        },
      ],
      T0,
    );
  });

  it('keeps every character in the text export; draws the PDF with the token wrapped and cut, marks capped, invisible runs collapsed, saying what is not shown', async () => {
    const text = (await cache.exportInteraction('int/1', 'text', { now: T0, timeZone: 'UTC' })).data.toString('utf8');
    expect(text).toContain(`(customer): ${token}\n`);
    expect(text).toContain(`(agent): ${zalgo}\n`);
    expect(text).toContain(`(customer): before${invisible}after\n`);

    const detail = cache.openInteraction('int/1')!;
    const drawn = pdfText(await exportPdf(detail, { now: T0, timeZone: 'UTC', compress: false }));
    const lines = drawn.split('\n');
    // The 1 MB token: drawn as page-wide lines (no line wider than the page), then cut.
    const tokenLines = lines.filter((l) => l.startsWith('xxxx'));
    expect(tokenLines.length).toBeGreaterThan(100);
    expect(Math.max(...tokenLines.map((l) => l.replaceAll('\u200b', '').length))).toBeLessThanOrEqual(100);
    const prefix = '[2026-11-20 09:00:02] Carl Customer (customer): ';
    const tokenLine = prefix + token;
    // The marker may wrap onto the next line.
    expect(drawn.replace(/\s+/g, ' ')).toContain(`x ${notShown(tokenLine.length - MAX_PDF_LINE_CHARACTERS)}`);
    // Zalgo: at most two marks on any letter.
    expect(drawn).toMatch(/Z\p{M}{2}Z/u);
    expect(drawn).not.toMatch(/\p{M}{3}/u);
    // Invisible characters: the run is drawn as one.
    expect(drawn).toMatch(/before[\s\u200b]after \[… 99,999 characters not shown/);
  });

  it('fails with a reason, not a crash, and the cache keeps working', async () => {
    await expect(cache.exportInteraction('int/1', 'text', { now: T0, timeZone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({
      code: 'EXPORT_FAILED',
      message: expect.stringMatching(/^The text export could not be made: .*time zone/i),
    });
    let t = 0;
    const detail = cache.openInteraction('int/1')!;
    await expect(exportPdf(detail, { now: T0, clock: () => (t += 1_000), budgetMs: 5_000 })).rejects.toMatchObject({
      code: 'EXPORT_FAILED',
      message: 'The PDF was still being drawn after 5 s and was stopped. The text export has the whole interaction.',
    });
    expect(cache.search({ text: 'refund' }).items).toHaveLength(1);
  });
});
