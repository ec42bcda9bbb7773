import PDFDocument from 'pdfkit';

/** A document for the raad or for residents: a title, and sections of paragraphs and lists. */
export interface ReportDocument {
  title: string;
  subtitle: string;
  sections: Array<{ heading: string; paragraphs?: string[]; items?: string[] }>;
}

/** The document as a PDF (pdfkit), with the municipality's name at the top of every page. */
export function reportPdf(document: ReportDocument, municipality: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: document.title, Author: municipality, Creator: 'interactiewijzer' } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.font('Helvetica-Bold').fontSize(11).fillColor('#1d4f91').text(municipality);
    pdf.moveDown(0.5).fillColor('#000000').fontSize(18).text(document.title);
    pdf.font('Helvetica').fontSize(11).text(document.subtitle);
    for (const section of document.sections) {
      pdf.moveDown(1).font('Helvetica-Bold').fontSize(13).text(section.heading);
      pdf.font('Helvetica').fontSize(11);
      for (const paragraph of section.paragraphs ?? []) pdf.moveDown(0.3).text(paragraph);
      if (section.items?.length) pdf.moveDown(0.3).list(section.items, { bulletRadius: 2, textIndent: 12 });
    }
    // Page numbers, once every page is laid out.
    const range = pdf.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      pdf.switchToPage(range.start + i);
      // The footer sits in the bottom margin: without this, writing there would start a new page.
      pdf.page.margins.bottom = 0;
      pdf.fontSize(9).fillColor('#4b4b4b').text(`${municipality} · ${document.title} · ${i + 1}/${range.count}`, 56, pdf.page.height - 40, { lineBreak: false });
    }
    pdf.end();
  });
}
