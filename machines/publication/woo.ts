/**
 * Active publication under the Wet open overheid (Woo): the information categories of art. 3.3
 * and the DiWoo value lists the municipality's publication platform and the Woo-index read.
 *
 * The TOOI identifiers are those of the DiWoo metadata value lists (diwoo-metadata-lijsten.xsd,
 * version 0.9.8, vendored under schemas/): scw_woo_informatiecategorieen version 4,
 * ccw_plooi_documentsoorten and ccw_plooi_documenthandelingen, all under
 * https://identifier.overheid.nl/tooi/def/thes/kern/.
 */

const TOOI_KERN = 'https://identifier.overheid.nl/tooi/def/thes/kern/';

/** The seventeen categories of Woo art. 3.3, by article: lid 1 (a–e) and lid 2 (a–l); label is TOOI's own. */
export const WOO_CATEGORIES = {
  '3.3.1a': { tooi: 'c_139c6280', label: 'wetten en algemeen verbindende voorschriften', nl: 'Wetten en algemeen verbindende voorschriften', en: 'Laws and generally binding regulations' },
  '3.3.1b': { tooi: 'c_aab6bfc7', label: 'overige besluiten van algemene strekking', nl: 'Overige besluiten van algemene strekking', en: 'Other decisions of general application' },
  '3.3.1c': { tooi: 'c_759721e2', label: 'ontwerpen van wet- en regelgeving met adviesaanvraag', nl: 'Ontwerpen van wet- en regelgeving met adviesaanvraag', en: 'Draft regulations with a request for advice' },
  '3.3.1d': { tooi: 'c_40a05794', label: 'organisatie en werkwijze', nl: 'Organisatie en werkwijze', en: 'Organisation and working methods' },
  '3.3.1e': { tooi: 'c_89ee6784', label: 'bereikbaarheidsgegevens', nl: 'Bereikbaarheidsgegevens', en: 'Contact details' },
  '3.3.2a': { tooi: 'c_8c840238', label: 'bij vertegenwoordigende organen ingekomen stukken', nl: 'Bij vertegenwoordigende organen ingekomen stukken', en: 'Documents received by representative bodies' },
  '3.3.2b': { tooi: 'c_c76862ab', label: 'vergaderstukken Staten-Generaal', nl: 'Vergaderstukken Staten-Generaal', en: 'Meeting documents of the States General' },
  '3.3.2c': { tooi: 'c_db4862c3', label: 'vergaderstukken decentrale overheden', nl: 'Vergaderstukken decentrale overheden', en: 'Meeting documents of decentralised authorities' },
  '3.3.2d': { tooi: 'c_3a248e3a', label: 'agenda’s en besluitenlijsten bestuurscolleges', nl: 'Agenda’s en besluitenlijsten bestuurscolleges', en: 'Agendas and decision lists of executive boards' },
  '3.3.2e': { tooi: 'c_99a836c7', label: 'adviezen', nl: 'Adviezen', en: 'Advice' },
  '3.3.2f': { tooi: 'c_8fc2335c', label: 'convenanten', nl: 'Convenanten', en: 'Covenants' },
  '3.3.2g': { tooi: 'c_c6cd1213', label: 'jaarplannen en jaarverslagen', nl: 'Jaarplannen en jaarverslagen', en: 'Annual plans and reports' },
  '3.3.2h': { tooi: 'c_cf268088', label: 'subsidieverplichtingen anders dan met beschikking', nl: 'Subsidieverplichtingen anders dan met beschikking', en: 'Subsidy obligations other than by order' },
  '3.3.2i': { tooi: 'c_3baef532', label: 'Woo-verzoeken en -besluiten', nl: 'Woo-verzoeken en -besluiten', en: 'Woo requests and decisions' },
  '3.3.2j': { tooi: 'c_fdaee95e', label: 'onderzoeksrapporten', nl: 'Onderzoeksrapporten', en: 'Research reports' },
  '3.3.2k': { tooi: 'c_46a81018', label: 'beschikkingen', nl: 'Beschikkingen', en: 'Orders (beschikkingen)' },
  '3.3.2l': { tooi: 'c_a870c43d', label: 'klachtoordelen', nl: 'Klachtoordelen', en: 'Complaint judgements' },
  // Woo art. 3.1: what falls under none of the seventeen, published on the general duty to publish (DiWoo list version 4).
  '3.1': { tooi: 'c_816e508d', label: 'inspanningsverplichting art 3.1 Woo', nl: 'Overige informatie (inspanningsverplichting, artikel 3.1 Woo)', en: 'Other information (general duty, Woo art. 3.1)' },
} as const;
export type WooCategory = keyof typeof WOO_CATEGORIES;
export const WOO_CATEGORY_KEYS = Object.keys(WOO_CATEGORIES) as WooCategory[];

/**
 * Woo art. 10.3 lid 2: the duty to publish a category of art. 3.3 applies from a day set by royal
 * decree, per category. From 1 November 2024: 3.3 lid 1 a, b, d, e and lid 2 b (open-overheid.nl,
 * "Verplichtstelling actieve openbaarmaking"; Regeling actieve openbaarmaking Woo, Stcrt. 2024,
 * 30890). Later decrees are added with WOO_CATEGORIES_IN_FORCE, without a release.
 */
export const WOO_CATEGORIES_IN_FORCE: Readonly<Partial<Record<WooCategory, string>>> = {
  '3.3.1a': '2024-11-01',
  '3.3.1b': '2024-11-01',
  '3.3.1d': '2024-11-01',
  '3.3.1e': '2024-11-01',
  '3.3.2b': '2024-11-01',
};

/** Why an item is public: a duty in force for its category on the day it was published, or of the municipality's own accord. */
export interface PublicationBasis {
  mandatory: boolean;
  /** For a duty, the day it applies from. */
  since: string | null;
  /** The article, and for a duty the day it applies from. */
  source: string;
}

/**
 * Mandatory when the category's duty (Woo art. 3.3, in force by royal decree, art. 10.3 lid 2) applied
 * on the day the item was published; otherwise voluntary, on the general duty of Woo art. 3.1.
 */
export function publicationBasis(category: WooCategory, publishedOn: string, inForce: Readonly<Partial<Record<WooCategory, string>>>): PublicationBasis {
  const since = inForce[category];
  if (since !== undefined && since <= publishedOn) return { mandatory: true, since, source: `Woo art. 3.3, in werking sinds ${since}` };
  return { mandatory: false, since: null, source: 'Woo art. 3.1' };
}

/** The kinds of document a participation project publishes, from the DiWoo list of documentsoorten. */
export const WOO_DOCUMENT_TYPES = {
  besluit: { tooi: 'c_465163c9', nl: 'Besluit', en: 'Decision' },
  plan: { tooi: 'c_5b1055aa', nl: 'Plan', en: 'Plan' },
  beleidsnota: { tooi: 'c_9376c730', nl: 'Beleidsnota', en: 'Policy paper' },
  advies: { tooi: 'c_d506b718', nl: 'Advies', en: 'Advice' },
  evaluatierapport: { tooi: 'c_38ba44de', nl: 'Evaluatierapport', en: 'Evaluation report' },
  onderzoeksrapport: { tooi: 'c_6f49bf34', nl: 'Onderzoeksrapport', en: 'Research report' },
  vergaderverslag: { tooi: 'c_42e406dd', nl: 'Vergaderverslag', en: 'Minutes' },
  brief: { tooi: 'c_7652d853', nl: 'Brief', en: 'Letter' },
} as const;
export type WooDocumentType = keyof typeof WOO_DOCUMENT_TYPES;
export const WOO_DOCUMENT_TYPE_KEYS = Object.keys(WOO_DOCUMENT_TYPES) as WooDocumentType[];

/** What happened to the document on the day it is dated: adopted, signed or received. */
export const WOO_HANDLINGS = {
  vaststelling: { tooi: 'c_641ecd76', nl: 'Vastgesteld', en: 'Adopted' },
  ondertekening: { tooi: 'c_e1ec050e', nl: 'Ondertekend', en: 'Signed' },
  ontvangst: { tooi: 'c_dfcee535', nl: 'Ontvangen', en: 'Received' },
} as const;
export type WooHandling = keyof typeof WOO_HANDLINGS;
export const WOO_HANDLING_KEYS = Object.keys(WOO_HANDLINGS) as WooHandling[];

export const tooiUri = (id: string) => `${TOOI_KERN}${id}`;

/** A municipality in the TOOI register, by its CBS code (four digits): gm0363 is Amsterdam. */
export const municipalityUri = (cbsCode: string) => `https://identifier.overheid.nl/tooi/id/gemeente/gm${cbsCode}`;

/**
 * A document of the project marked for active publication (Woo art. 3.3), or a decision with its
 * document. Withdrawn items stay in the file with the reason, and leave the export.
 */
export interface WooItem {
  id: string;
  /** The green light or rejection this item publishes, when it is a decision. */
  decisionId: string | null;
  title: string;
  /** The decision number or the document's own reference, when it has one. */
  reference: string | null;
  documentUrl: string;
  category: WooCategory;
  documentType: WooDocumentType;
  handling: WooHandling;
  /** The day the document was adopted, signed or received. */
  documentDate: string;
  /** The day it was marked for publication: its publicatiedatum. */
  publishedOn: string;
  publishedAt: string;
  withdrawn: { on: string; reason: string } | null;
  /** Who confirmed the checks before publication, and when (issue 18); absent on items published before they were asked. */
  checked?: { exceptions: true; personalData: true; by: string; at: string };
}

/**
 * What a person confirms before a document goes public, for the service cannot read it: that no
 * ground for exception stands in the way (Woo art. 5.1, 5.2), and that personal data that may not
 * be public was removed (Woo art. 5.1 lid 2 onder e; AVG art. 5 lid 1 onder c).
 */
export const WOO_CHECKS = {
  exceptions: { source: 'Woo art. 5.1, 5.2', nl: 'de uitzonderingsgronden (artikel 5.1 en 5.2 Woo)', en: 'the grounds for exception (Woo art. 5.1, 5.2)' },
  personalData: { source: 'Woo art. 5.1 lid 2 onder e; AVG art. 5 lid 1 onder c', nl: 'het weglakken van persoonsgegevens (artikel 5.1 lid 2 onder e Woo)', en: 'the removal of personal data (Woo art. 5.1(2)(e))' },
} as const;
export type WooCheck = keyof typeof WOO_CHECKS;

/** The checks not yet confirmed for an item to publish. */
export function wooChecksMissing(confirmed: Partial<Record<WooCheck, boolean>>): WooCheck[] {
  return (Object.keys(WOO_CHECKS) as WooCheck[]).filter((check) => confirmed[check] !== true);
}

