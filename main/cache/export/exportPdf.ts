import PDFDocument from 'pdfkit';
import type { InteractionDetail } from '../types';
import { exportSections, type ExportOptions } from './exportText';

export interface PdfExportOptions extends ExportOptions {
  /** Uncompressed content streams (tests read the text back). */
  compress?: boolean;
}

/**
 * PDF with the same sections as the text export. Uses the built-in Helvetica,
 * which covers Latin-1 only; other scripts need a Unicode TTF registered here.
 */
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
    for (const section of exportSections(detail, options)) {
      doc.font('Helvetica-Bold').fontSize(13).text(section.title);
      doc.moveDown(0.3);
      doc.font('Helvetica').fontSize(10);
      for (const line of section.lines.length ? section.lines : ['(none)']) doc.text(line);
      doc.moveDown();
    }
    doc.end();
  });
}
