import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { performance } from 'node:perf_hooks';
import { CacheError } from '../errors';
import type { InteractionDetail } from '../types';
import { exportSections, type ExportOptions } from './exportText';
import { notShown, pdfSafeLine } from './pdfSafeText';

export interface PdfExportOptions extends ExportOptions {
  /** Uncompressed content streams (tests read the text back). */
  compress?: boolean;
  /** Milliseconds, for the time budget; defaults to performance.now. */
  clock?: () => number;
  /** Defaults to PDF_TIME_BUDGET_MS. */
  budgetMs?: number;
}

interface Fonts {
  regular: string;
  bold: string;
}

let fonts: Fonts | null | undefined;

/**
 * DejaVu Sans (the npm package dejavu-fonts-ttf, a dependency, shipped with
 * the app): Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and more, so a
 * transcript in those scripts exports as written. pdfkit embeds only the
 * glyphs used. Without it (a broken install) the export falls back to the
 * built-in Helvetica, which covers Latin-1 only.
 * Known limits: no CJK glyphs (a CJK font is ~16 MB) and no right-to-left
 * shaping, so Arabic shows as separate letters.
 */
export function unicodeFonts(): Fonts | null {
  if (fonts !== undefined) return fonts;
  try {
    // Resolved at run time (not bundled): from the built main bundle or the sources, up to node_modules.
    const here = typeof __dirname === 'string' ? __dirname : process.cwd();
    const require = createRequire(join(here, 'index.js'));
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json', { paths: [here, process.cwd()] })), 'ttf');
    const found = { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
    fonts = existsSync(found.regular) && existsSync(found.bold) ? found : null;
  } catch {
    fonts = null;
  }
  return fonts;
}

/** Characters drawn from one line (a message, a note …); the rest is summed up in a marker. */
export const MAX_PDF_LINE_CHARACTERS = 20_000;
/** Characters drawn in one PDF (~200 pages); later lines are summed up per section. */
export const MAX_PDF_CHARACTERS = 1_000_000;
/** A PDF still being drawn after this long is given up on (bounded input makes this a last resort). */
export const PDF_TIME_BUDGET_MS = 30_000;

/**
 * PDF with the same sections as the text export. Every line goes through
 * pdfSafeLine (bounded layout cost, see there), so any transcript is drawn in
 * bounded time and memory; what is not drawn is marked "[… N characters not
 * shown — see the text export]". Fails with CacheError EXPORT_FAILED, saying why.
 */
export function exportPdf(detail: InteractionDetail, options: PdfExportOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const clock = options.clock ?? (() => performance.now());
    const deadline = clock() + (options.budgetMs ?? PDF_TIME_BUDGET_MS);
    try {
      const doc = new PDFDocument({
        size: 'A4',
        margin: 50,
        compress: options.compress ?? true,
        info: {
          Title: `Interaction ${detail.interaction.id.slice(0, 200)}`,
          Creator: 'Spyglass',
          CreationDate: new Date(options.now),
        },
      });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', (err: unknown) => reject(pdfFailed(err)));
      const unicode = unicodeFonts();
      const [regular, bold] = unicode ? [unicode.regular, unicode.bold] : ['Helvetica', 'Helvetica-Bold'];
      // The built-in font cannot draw a zero-width space: break long runs with a space there.
      const breakWith = unicode ? '\u200b' : ' ';
      // Message lines draw from the document's budget; titles and summaries do not.
      let budget = MAX_PDF_CHARACTERS;
      const draw = (line: string, fromBudget: boolean) => {
        if (clock() > deadline) {
          throw new CacheError(
            'EXPORT_FAILED',
            `The PDF was still being drawn after ${Math.round((options.budgetMs ?? PDF_TIME_BUDGET_MS) / 1000)} s and was stopped. The text export has the whole interaction.`,
          );
        }
        const safe = pdfSafeLine(line, fromBudget ? Math.min(MAX_PDF_LINE_CHARACTERS, budget) : MAX_PDF_LINE_CHARACTERS, breakWith);
        if (fromBudget) budget -= safe.drawn;
        doc.text(safe.hidden > 0 ? `${safe.text} ${notShown(safe.hidden)}` : safe.text);
      };
      for (const section of exportSections(detail, options)) {
        doc.font(bold).fontSize(13);
        draw(section.title, false);
        doc.moveDown(0.3);
        doc.font(regular).fontSize(10);
        let skipped = 0;
        for (const line of section.lines.length ? section.lines : ['(none)']) {
          if (budget > 0) draw(line, true);
          else skipped += characterCount(line);
        }
        if (skipped > 0) draw(notShown(skipped), false);
        doc.moveDown();
      }
      doc.end();
    } catch (err) {
      reject(pdfFailed(err));
    }
  });
}

function pdfFailed(err: unknown): CacheError {
  if (err instanceof CacheError) return err;
  const why = err instanceof Error ? err.message : String(err);
  return new CacheError('EXPORT_FAILED', `The PDF export could not be made: ${why.slice(0, 200)}`);
}

function characterCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
