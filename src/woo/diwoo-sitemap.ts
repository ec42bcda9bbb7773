import { create } from 'xmlbuilder2';
import { municipalityUri, publicationBasis, tooiUri, WOO_CATEGORIES, WOO_DOCUMENT_TYPES, WOO_HANDLINGS, type WooCategory, type WooItem } from '../../machines/publication/woo';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const DIWOO_NS = 'https://standaarden.overheid.nl/diwoo/metadata/';
const DUTCH = 'http://publications.europa.eu/resource/authority/language/NLD';

/** The sitemaps protocol's limit of addresses in one sitemap, and of sitemaps in one index. */
export const SITEMAP_LIMIT = 50_000;

/** The publisher: the municipality by its CBS code (TOOI register of municipalities) and its name. */
export interface WooPublisher {
  cbsCode: string;
  name: string;
  /** The categories whose duty to publish is in force, and from which day (Woo art. 10.3 lid 2). */
  inForce: Readonly<Partial<Record<WooCategory, string>>>;
}

/** A published item with the project whose file holds it. */
export interface PublishedItem {
  project: { id: string; title: string };
  item: WooItem;
}

/**
 * Published items as a sitemap with DiWoo metadata (DiWoo metadata XSD 0.9.8, the sitemap
 * extension the Woo-index harvests): per item its location, and in diwoo:DiWoo the publisher,
 * title, description, information category, document kind, creation date, language, format and
 * what was done to the document on that day; in extraMetadata whether publishing it was
 * mandatory (its category's duty in force that day, Woo art. 3.3) or voluntary (art. 3.1), which
 * DiWoo has no field of its own for. Withdrawn items are left out.
 */
export function diwooUrlset(entries: readonly PublishedItem[], publisher: WooPublisher): string {
  const organisation = { '@resource': municipalityUri(publisher.cbsCode), '#': publisher.name };
  const url = entries
    .filter(({ item }) => !item.withdrawn)
    .map(({ project, item }) => {
      const format = fileFormatOf(item.documentUrl);
      const basis = publicationBasis(item.category, item.publishedOn, publisher.inForce);
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
          'diwoo:extraMetadata': {
            'diwoo:extraMetadatavelden': {
              'diwoo:extraMetadataveld': [
                { 'diwoo:key': 'openbaarmaking', 'diwoo:values': { 'diwoo:value': basis.mandatory ? 'verplicht' : 'vrijwillig' } },
                { 'diwoo:key': 'grondslag', 'diwoo:values': { 'diwoo:value': basis.source } },
              ],
            },
          },
        },
      };
    });
  return create({ version: '1.0', encoding: 'UTF-8' }, { urlset: { '@xmlns': SITEMAP_NS, '@xmlns:diwoo': DIWOO_NS, url } }).end({ prettyPrint: true });
}

/** A sitemap index: the sitemaps a harvester reads next, each with the moment it last changed. */
export function sitemapIndex(sitemaps: ReadonlyArray<{ loc: string; lastmod: string }>): string {
  return create({ version: '1.0', encoding: 'UTF-8' }, { sitemapindex: { '@xmlns': SITEMAP_NS, sitemap: sitemaps.map((s) => ({ loc: s.loc, lastmod: s.lastmod })) } }).end({ prettyPrint: true });
}

/** The file types of DiWoo's list (ccw_plooi_filetypes) a document's address can show by its extension. */
const FILE_TYPES = new Set(['PDF', 'HTML', 'DOCX', 'DOC', 'ODT', 'ODS', 'ODP', 'XLSX', 'XLS', 'CSV', 'TXT', 'RTF', 'PPTX', 'PPT', 'ZIP']);

/** The file type, from the list DiWoo accepts, when the document's address says it plainly. */
function fileFormatOf(documentUrl: string): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(documentUrl).pathname)?.[1]?.toUpperCase();
  return extension && FILE_TYPES.has(extension) ? extension : null;
}
