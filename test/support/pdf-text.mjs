// Prints the text of a PDF, page by page: the tests read generated PDFs back with Mozilla's PDF.js.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdf = await getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''));
}
process.stdout.write(JSON.stringify({ pages: pdf.numPages, title: (await pdf.getMetadata()).info.Title, text: pages.join('\n') }));
