import { beforeEach, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { exportPdf } from '../../../main/cache/export/exportPdf';
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

  it('says when the interaction is not cached', async () => {
    await expect(cache.exportInteraction('nope', 'text', { now: T0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
