import { create } from 'xmlbuilder2';
import type { SelectionResult } from '../../machines/publication/archive';
import { SELECTIELIJST, SELECTIELIJST_SOURCE } from '../../machines/publication/archive';

/**
 * MDTO (Metagegevens Duurzaam Toegankelijke Overheidsinformatie, Nationaal Archief), valid
 * against XML schema 1.0.1 and 1.0.2 as vendored under schemas/: one document per information
 * object (the dossier, each archiefstuk) and one per file (bestand), as an e-depot takes them in.
 */
const MDTO_NS = 'https://www.nationaalarchief.nl/mdto';

/** An object elsewhere in the package, by its name and identification. */
export interface Reference {
  name: string;
  id: string;
}

/** Who made the records: the municipality, by name and CBS code. */
export interface ArchiveCreator {
  name: string;
  cbsCode: string | null;
  /** Where identifications come from: "interactiewijzer, Gemeente X". */
  source: string;
}

export interface InformationObject {
  id: string;
  name: string;
  level: 'Dossier' | 'Archiefstuk';
  description: string;
  coverage: { from: string; until: string };
  events: Array<{ type: string; at: string; result?: string }>;
  selection: SelectionResult;
  /** The day the retention term starts: the file's end. */
  closedOn: string;
  partOf?: Reference;
  parts?: Reference[];
  representations?: Reference[];
  creator: ArchiveCreator;
}

export interface FileObject {
  id: string;
  name: string;
  /** The file's path inside the package. */
  path: string;
  size: number;
  format: { label: string; pronom: string };
  sha256: string;
  checkedAt: string;
  representationOf: Reference;
  creator: ArchiveCreator;
}

const term = (label: string, code: string | undefined, list: string) => ({ begripLabel: label, ...(code && { begripCode: code }), begripBegrippenlijst: { verwijzingNaam: list } });
const identification = (id: string, creator: ArchiveCreator) => ({ identificatieKenmerk: id, identificatieBron: creator.source });
const reference = (ref: Reference, creator: ArchiveCreator) => ({ verwijzingNaam: ref.name, verwijzingIdentificatie: identification(ref.id, creator) });
const mdtoDocument = (body: object) => create({ version: '1.0', encoding: 'UTF-8' }, { MDTO: { '@xmlns': MDTO_NS, ...body } }).end({ prettyPrint: true });

/** An informatieobject: the dossier of the project or one archiefstuk in it. */
export function informationObjectXml(o: InformationObject): string {
  const keep = o.selection.valuation === 'bewaren';
  return mdtoDocument({
    informatieobject: {
      identificatie: identification(o.id, o.creator),
      naam: o.name,
      aggregatieniveau: term(o.level, undefined, 'Begrippenlijst Aggregatieniveaus MDTO'),
      classificatie: term(`${o.selection.procestype}: ${o.selection.name}${o.selection.specific ? ` (${o.selection.specific})` : ''}`, o.selection.code, `${SELECTIELIJST} (${SELECTIELIJST_SOURCE})`),
      omschrijving: o.description,
      dekkingInTijd: { dekkingInTijdType: term('Looptijd', undefined, 'Begrippenlijst Dekking in tijd MDTO'), dekkingInTijdBegindatum: o.coverage.from, dekkingInTijdEinddatum: o.coverage.until },
      taal: 'nl',
      event: o.events.map((e) => ({ eventType: term(e.type, undefined, 'Begrippenlijst Events MDTO'), eventTijd: e.at, ...(e.result && { eventResultaat: e.result }) })),
      waardering: keep ? term('Blijvend te bewaren', 'B', 'Begrippenlijst Waarderingen MDTO') : term('Tijdelijk te bewaren', 'V', 'Begrippenlijst Waarderingen MDTO'),
      ...(!keep && {
        bewaartermijn: {
          termijnTriggerStartLooptijd: term('Afsluiten dossier', undefined, 'Begrippenlijst Termijntriggers interactiewijzer'),
          termijnStartdatumLooptijd: o.closedOn,
          termijnLooptijd: o.selection.retention,
        },
      }),
      ...(o.partOf && { isOnderdeelVan: reference(o.partOf, o.creator) }),
      ...(o.parts?.length && { bevatOnderdeel: o.parts.map((p) => reference(p, o.creator)) }),
      ...(o.representations?.length && { heeftRepresentatie: o.representations.map((r) => reference(r, o.creator)) }),
      archiefvormer: { verwijzingNaam: o.creator.name, ...(o.creator.cbsCode && { verwijzingIdentificatie: { identificatieKenmerk: `gm${o.creator.cbsCode}`, identificatieBron: 'TOOI register gemeenten' } }) },
      // Whether the file may be consulted is the municipality's judgement when it transfers it (Archiefwet 1995 art. 15).
      beperkingGebruik: { beperkingGebruikType: term('Nog niet beoordeeld', undefined, 'Begrippenlijst Beperkingen gebruik interactiewijzer'), beperkingGebruikNadereBeschrijving: 'Openbaarheid te beoordelen bij overbrenging (Archiefwet 1995, artikel 15).' },
    },
  });
}

/** A bestand: the bytes of one archiefstuk, its format (PRONOM), size and SHA-256. */
export function fileObjectXml(o: FileObject): string {
  return mdtoDocument({
    bestand: {
      identificatie: identification(o.id, o.creator),
      naam: o.name,
      omvang: o.size,
      bestandsformaat: term(o.format.label, o.format.pronom, 'PRONOM-register'),
      checksum: { checksumAlgoritme: term('SHA-256', undefined, 'Begrippenlijst Algoritme MDTO'), checksumWaarde: o.sha256, checksumDatum: o.checkedAt },
      URLBestand: o.path,
      isRepresentatieVan: reference(o.representationOf, o.creator),
    },
  });
}
