import PDFDocument from 'pdfkit';
import type { FastifyReply } from 'fastify';
import { join } from 'node:path';
import { slugOf } from '../common/slug';

/** A document for the raad or for residents: a title, and sections of paragraphs and lists. */
export interface ReportDocument {
  title: string;
  subtitle: string;
  lang: 'nl' | 'en';
  sections: Array<{ heading: string; paragraphs?: string[]; items?: string[] }>;
}

/** The file names of the two documents, the same from the pages and the API. */
export const REPORT_FILE_NAMES = {
  account: (title: string) => `participatieparagraaf-${slugOf(title)}.pdf`,
  nota: (title: string, internal: boolean) => `nota-van-beantwoording-${internal ? 'intern-' : ''}${slugOf(title)}.pdf`,
};

/** The document as a PDF attachment on the reply; answers the bytes, for a handler that returns its body. */
export async function pdfAttachment(reply: FastifyReply, document: ReportDocument, municipality: string, name: string): Promise<Buffer> {
  const pdf = await reportPdf(document, municipality);
  reply.header('content-disposition', `attachment; filename="${name}"`).type('application/pdf');
  return pdf;
}

/**
 * The fonts are embedded (PDF/A forbids relying on the reader's): Source Sans 3, from the
 * @fontsource package, under the SIL Open Font License.
 */
const FONTS = join(require.resolve('@fontsource/source-sans-3/package.json'), '..', 'files');
const REGULAR = join(FONTS, 'source-sans-3-latin-400-normal.woff');
const BOLD = join(FONTS, 'source-sans-3-latin-700-normal.woff');

/**
 * The document as a PDF (pdfkit), with the municipality's name at the top of every page.
 * PDF/A-2a (ISO 19005-2, level A) so an e-depot can keep it (issue 23): fonts embedded, the sRGB
 * output intent and the XMP identification that pdfkit writes. Tagged, so a screen reader reads
 * it in order with its headings and lists (Besluit digitale toegankelijkheid overheid, EN 301 549
 * clause 10; level A asks for it too): a structure tree of H1, Sect, H2, P and L, the language
 * and the title declared, page numbers marked as artifacts.
 */
export function reportPdf(document: ReportDocument, municipality: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 56,
      bufferPages: true,
      pdfVersion: '1.7',
      subset: 'PDF/A-2a',
      // Never Helvetica, not even as the unused first font: PDF/A embeds every font it names.
      font: REGULAR,
      tagged: true,
      lang: document.lang === 'nl' ? 'nl-NL' : 'en-GB',
      displayTitle: true,
      info: { Title: document.title, Author: municipality, Creator: 'interactiewijzer' },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.registerFont('Regular', REGULAR);
    pdf.registerFont('Bold', BOLD);
    const root = pdf.struct('Document');
    pdf.addStructure(root);
    pdf.font('Bold').fontSize(11).fillColor('#1d4f91').text(municipality, { structParent: root });
    pdf.moveDown(0.5).fillColor('#000000').fontSize(18).text(document.title, { structParent: root, structType: 'H1' });
    pdf.font('Regular').fontSize(11).text(document.subtitle, { structParent: root });
    for (const section of document.sections) {
      const part = pdf.struct('Sect');
      root.add(part);
      pdf.moveDown(1).font('Bold').fontSize(13).text(section.heading, { structParent: part, structType: 'H2' });
      pdf.font('Regular').fontSize(11);
      for (const paragraph of section.paragraphs ?? []) pdf.moveDown(0.3).text(paragraph, { structParent: part });
      if (section.items?.length) {
        const list = pdf.struct('L');
        part.add(list);
        pdf.moveDown(0.3).list(section.items, { bulletRadius: 2, textIndent: 12, structParent: list });
        list.end();
      }
      part.end();
    }
    // Page numbers, once every page is laid out: furniture, not content, for a screen reader.
    const range = pdf.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      pdf.switchToPage(range.start + i);
      // The footer sits in the bottom margin: without this, writing there would start a new page.
      pdf.page.margins.bottom = 0;
      pdf.markContent('Artifact', { type: 'Pagination' });
      pdf.fontSize(9).fillColor('#4b4b4b').text(`${municipality} · ${document.title} · ${i + 1}/${range.count}`, 56, pdf.page.height - 40, { lineBreak: false });
      pdf.endMarkedContent();
    }
    root.end();
    pdf.end();
  });
}
