import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { InteractionDetail } from '../types';
import { exportSections, type ExportOptions } from './exportText';

export interface PdfExportOptions extends ExportOptions {
  /** Uncompressed content streams (tests read the text back). */
  compress?: boolean;
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

/** PDF with the same sections as the text export. */
export function exportPdf(detail: InteractionDetail, options: PdfExportOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      compress: options.compress ?? true,
      info: { Title: `Interaction ${detail.interaction.id}`, Creator: 'Spyglass', CreationDate: new Date(options.now) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const unicode = unicodeFonts();
    const [regular, bold] = unicode ? [unicode.regular, unicode.bold] : ['Helvetica', 'Helvetica-Bold'];
    for (const section of exportSections(detail, options)) {
      doc.font(bold).fontSize(13).text(section.title);
      doc.moveDown(0.3);
      doc.font(regular).fontSize(10);
      for (const line of section.lines.length ? section.lines : ['(none)']) doc.text(line);
      doc.moveDown();
    }
    doc.end();
  });
}
