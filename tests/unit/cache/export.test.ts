import { inflateSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { exportPdf } from '../../../main/cache/export/exportPdf';
import { interaction, memoryCache, message, T0 } from './fixtures';

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

/** Text drawn by pdfkit's standard fonts: hex strings inside TJ arrays. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => Buffer.from(m[1] ?? '', 'hex').toString('latin1')).join('');
}

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
    // The compressed one decodes to the same drawing commands.
    const streams = [...out.data.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)];
    const inflated = streams
      .map((s) => {
        try {
          return inflateSync(Buffer.from(s[1] ?? '', 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');
    expect(pdfText(Buffer.from(inflated, 'latin1'))).toContain('Your refund is on its way');
  });

  it('says when the interaction is not cached', async () => {
    await expect(cache.exportInteraction('nope', 'text', { now: T0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
