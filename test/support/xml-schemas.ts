import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = join(__dirname, '..', '..', 'schemas');
// By its own name: the include inside diwoo-metadata.xsd names its sibling so (no two schemas share a name).
const file = (path: string) => ({ fileName: basename(path), contents: readFileSync(join(SCHEMAS, path), 'utf8') });

/**
 * The published schemas, vendored under schemas/ (README: "Schemas"). DiWoo 0.9.8 imports MDTO
 * from the Nationaal Archief's address: importing the vendored copy first makes libxml2 skip
 * that import, so validation runs offline on the very files that are vendored.
 */
const MDTO = 'mdto-1.0.1/MDTO-XML1.0.1.xsd';
const DIWOO = ['diwoo-0.9.8/diwoo-metadata.xsd', 'diwoo-0.9.8/diwoo-metadata-lijsten.xsd'];

const KINDS = {
  /** A sitemap (urlset) whose urls carry DiWoo metadata. */
  'diwoo-sitemap': { imports: { 'https://www.nationaalarchief.nl/mdto': MDTO, 'http://www.sitemaps.org/schemas/sitemap/0.9': 'sitemaps-0.9/sitemap.xsd', 'https://standaarden.overheid.nl/diwoo/metadata/': DIWOO[0] }, files: [MDTO, 'sitemaps-0.9/sitemap.xsd', ...DIWOO] },
  /** A sitemap index. */
  'sitemap-index': { imports: { 'http://www.sitemaps.org/schemas/sitemap/0.9': 'sitemaps-0.9/siteindex.xsd' }, files: ['sitemaps-0.9/siteindex.xsd'] },
  /** MDTO metadata of an information object or a file: the version DiWoo 0.9.8 imports, and the newest (stricter on empty values). */
  mdto: { imports: { 'https://www.nationaalarchief.nl/mdto': MDTO }, files: [MDTO] },
  'mdto-1.0.2': { imports: { 'https://www.nationaalarchief.nl/mdto': 'mdto-1.0.2/MDTO-XML1.0.2.xsd' }, files: ['mdto-1.0.2/MDTO-XML1.0.2.xsd'] },
} as const;

/** What the schema finds wrong with a document: an empty list when it is valid. */
export async function schemaErrors(xml: string, kind: keyof typeof KINDS): Promise<string[]> {
  const { imports, files } = KINDS[kind];
  const preload = files.map(file);
  const wrapper = `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${Object.entries(imports)
    .map(([namespace, path]) => `<xs:import namespace="${namespace}" schemaLocation="${basename(path)}"/>`)
    .join('')}</xs:schema>`;
  const result = await validateXML({ xml: { fileName: 'document.xml', contents: xml }, schema: { fileName: 'all.xsd', contents: wrapper }, preload, maxMemoryPages: 16384 });
  // libxml2 says it skipped the second import of MDTO: a warning, not a fault of the document.
  return result.valid ? [] : result.errors.map((e) => e.rawMessage).filter((message) => !message.includes('parser warning'));
}
