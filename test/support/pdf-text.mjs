// Prints a PDF as Mozilla's PDF.js reads it: its text page by page, its title and language, and
// the roles of its structure tree (the tags a screen reader follows), in reading order.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdf = await getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
const roles = [];
const walk = (node) => {
  if (node.role) roles.push(node.role);
  for (const child of node.children ?? []) walk(child);
};
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''));
  const tree = await page.getStructTree();
  if (tree) walk(tree);
}
const { info } = await pdf.getMetadata();
const marked = (await pdf.getMarkInfo())?.Marked ?? false;
process.stdout.write(JSON.stringify({ pages: pdf.numPages, title: info.Title, language: info.Language ?? null, marked, roles, text: pages.join('\n') }));
