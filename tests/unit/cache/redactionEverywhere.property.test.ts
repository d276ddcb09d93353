import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../../main/cache/CacheDatabase';
import { exportPdf } from '../../../main/cache/export/exportPdf';
import { PAN_REPLACEMENT } from '../../../main/cache/redaction';
import { asciiDigits } from '../../../main/cache/unicodeDigits';
import { textWithoutDigits, typedCard, type TypedCard } from './cardArbitraries';
import { interaction, memoryCache, message, T0 } from './fixtures';
import { pdfText } from './pdfText';

// A card number typed in a chat must not survive anywhere the cache puts the
// text: the stored (encrypted) message, the word index, prefix completion, or
// an export. The surrounding text has no digits, so any digit found in those
// places would be part of the card.

/** Separators and line breaks removed, digits as ASCII: a card hidden by formatting shows as its digit string. */
const flatten = (text: string) => asciiDigits(text).replace(/[\p{Zs}\p{Pd}\p{Cf}\u2212./\n\r\u2028\u2029]/gu, '');

let cache: CacheDatabase;
let n = 0;
beforeEach(() => {
  cache = memoryCache();
});
afterEach(() => cache.close());

async function store(before: string, card: TypedCard, after: string): Promise<string> {
  const id = `int-${++n}`;
  cache.applyWrites(
    [
      { kind: 'interaction', record: interaction({ id }) },
      { kind: 'messages', records: [message(2, { interactionId: id, messageId: `m-${n}`, body: before + card.typed + after })] },
    ],
    T0,
  );
  return id;
}

function indexedWords(): string[] {
  cache.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words USING fts5vocab(main, message_fts, 'row')");
  const fts = cache.db.prepare('SELECT term FROM temp.fts_words').pluck().all() as string[];
  const completions = cache.db.prepare('SELECT term FROM search_terms').pluck().all() as string[];
  return [...fts, ...completions];
}

describe('a card number typed in a chat, property-based', () => {
  it('is not in the stored message, the word index, search results or the text export', async () => {
    await fc.assert(
      fc.asyncProperty(textWithoutDigits, typedCard, textWithoutDigits, async (before, card, after) => {
        const id = await store(before, card, after);
        const stored = cache.openInteraction(id)!.transcript[0]!.body!;
        expect(stored).toBe(before + PAN_REPLACEMENT + after);

        expect(indexedWords().filter((w) => /\p{Nd}/u.test(w))).toEqual([]);
        const groups = card.typed.match(/\p{Nd}+/gu)!;
        for (const query of new Set([...groups, ...groups.map(asciiDigits), card.digits, card.digits.slice(0, 4)])) {
          expect(cache.search({ text: query }).items).toEqual([]);
        }

        const text = (await cache.exportInteraction(id, 'text', { now: T0, timeZone: 'UTC' })).data.toString('utf8');
        expect(text).toContain(before + PAN_REPLACEMENT + after);
        expect(flatten(text)).not.toContain(card.digits);
      }),
      { numRuns: 300 },
    );
  });

  it('is not in the PDF export', async () => {
    await fc.assert(
      fc.asyncProperty(textWithoutDigits, typedCard, textWithoutDigits, async (before, card, after) => {
        const id = await store(before, card, after);
        // Uncompressed, so the test's reader sees every drawn string (a compressed stream can hold "endobj" by chance).
        const drawn = pdfText(await exportPdf(cache.openInteraction(id)!, { now: T0, timeZone: 'UTC', compress: false }));
        // A line with right-to-left text is drawn in visual order, so the replacement may read backwards, in pieces.
        expect(flatten(drawn)).toMatch(/REDACTED|DETCADER/);
        expect(flatten(drawn)).not.toContain(card.digits);
        expect(flatten(drawn)).not.toContain(card.digits.slice(0, 13));
      }),
      { numRuns: 25 },
    );
  });
});
