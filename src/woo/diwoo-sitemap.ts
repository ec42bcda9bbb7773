import { create } from 'xmlbuilder2';
import { municipalityUri, tooiUri, WOO_CATEGORIES, WOO_DOCUMENT_TYPES, WOO_HANDLINGS, type WooItem } from '../../machines/publication/woo';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const DIWOO_NS = 'https://standaarden.overheid.nl/diwoo/metadata/';
const DUTCH = 'http://publications.europa.eu/resource/authority/language/NLD';

/** The publisher: the municipality by its CBS code (TOOI register of municipalities) and its name. */
export interface WooPublisher {
  cbsCode: string;
  name: string;
}

/**
 * The project's published items as a sitemap with DiWoo metadata (DiWoo metadata XSD 0.9.1, the
 * sitemap extension the Woo-index harvests): per item its location, and in diwoo:DiWoo the
 * publisher, title, description, information category, document kind, creation date, language,
 * format and what was done to the document on that day. Withdrawn items are left out.
 */
export function diwooSitemap(project: { id: string; title: string }, items: WooItem[], publisher: WooPublisher): string {
  const organisation = { '@resource': municipalityUri(publisher.cbsCode), '#': publisher.name };
  const url = items
    .filter((item) => !item.withdrawn)
    .map((item) => {
      const format = fileFormatOf(item.documentUrl);
      return {
        loc: item.documentUrl,
        lastmod: item.publishedAt,
        'diwoo:Document': {
          'diwoo:DiWoo': {
            'diwoo:identifiers': { 'diwoo:identifier': [item.id, ...(item.reference ? [item.reference] : [])] },
            'diwoo:publisher': organisation,
            'diwoo:verantwoordelijke': organisation,
            'diwoo:titelcollectie': { 'diwoo:officieleTitel': item.title },
            'diwoo:omschrijvingen': { 'diwoo:omschrijving': `Participatieproject ${project.title}` },
            'diwoo:classificatiecollectie': {
              'diwoo:informatiecategorieen': { 'diwoo:informatiecategorie': { '@resource': tooiUri(WOO_CATEGORIES[item.category].tooi), '#': WOO_CATEGORIES[item.category].label } },
              'diwoo:documentsoorten': { 'diwoo:documentsoort': { '@resource': tooiUri(WOO_DOCUMENT_TYPES[item.documentType].tooi), '#': item.documentType } },
            },
            'diwoo:creatiedatum': item.documentDate,
            'diwoo:language': { '@resource': DUTCH, '#': 'Nederlands' },
            ...(format && { 'diwoo:format': { '@resource': `http://publications.europa.eu/resource/authority/file-type/${format}`, '#': format.toLowerCase() } }),
            'diwoo:aggregatiekenmerk': project.id,
            'diwoo:documenthandelingen': {
              'diwoo:documenthandeling': {
                'diwoo:soortHandeling': { '@resource': tooiUri(WOO_HANDLINGS[item.handling].tooi), '#': item.handling },
                // The day the document carries; the time of day is not known, so noon on the Dutch clock.
                'diwoo:atTime': `${item.documentDate}T12:00:00`,
              },
            },
          },
        },
      };
    });
  return create({ version: '1.0', encoding: 'UTF-8' }, { urlset: { '@xmlns': SITEMAP_NS, '@xmlns:diwoo': DIWOO_NS, url } }).end({ prettyPrint: true });
}

/** The file types of DiWoo's list (ccw_plooi_filetypes) a document's address can show by its extension. */
const FILE_TYPES = new Set(['PDF', 'HTML', 'DOCX', 'DOC', 'ODT', 'ODS', 'ODP', 'XLSX', 'XLS', 'CSV', 'TXT', 'RTF', 'PPTX', 'PPT', 'ZIP']);

/** The file type, from the list DiWoo accepts, when the document's address says it plainly. */
function fileFormatOf(documentUrl: string): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(documentUrl).pathname)?.[1]?.toUpperCase();
  return extension && FILE_TYPES.has(extension) ? extension : null;
}
