import { EVENT_NAMES, type ProjectEventType } from '../../machines/participation-project';
import type { DecisionView } from './decisions.service';

/**
 * A green light in the shape of the VNG's ZGW Besluiten API (`Besluit`, with the decision's
 * document as a `BesluitInformatieObject`), for the municipality's zaaksysteem and archive.
 * Dates are calendar days; the body is named as the Gemeentewet names it.
 */
export interface ZgwBesluit {
  besluit: {
    identificatie: string;
    verantwoordelijkeOrganisatie: string | null;
    besluittype: string | null;
    datum: string;
    ingangsdatum: string;
    publicatiedatum: string | null;
    bestuursorgaan: string;
    toelichting: string;
  };
  besluitInformatieObjecten: Array<{ informatieobject: string }>;
}

const BESTUURSORGAAN: Record<string, string> = { college: 'college van burgemeester en wethouders', raad: 'gemeenteraad' };

export function zgwBesluit(decision: DecisionView, projectTitle: string, zgw: { rsin?: string | null; besluittypen: Partial<Record<string, string>> }): ZgwBesluit {
  const outcome = { approved: 'ingestemd', rejected: 'niet ingestemd', deferred: 'aangehouden' }[decision.outcome] ?? decision.outcome;
  return {
    besluit: {
      identificatie: decision.reference,
      verantwoordelijkeOrganisatie: zgw.rsin ?? null,
      besluittype: zgw.besluittypen[decision.event] ?? null,
      datum: decision.decidedOn,
      ingangsdatum: decision.decidedOn,
      // Published with the decision's document, when there is one.
      publicatiedatum: decision.documentUrl ? decision.decidedOn : null,
      bestuursorgaan: BESTUURSORGAAN[decision.body] ?? decision.body,
      toelichting: [`${projectTitle}: ${EVENT_NAMES[decision.event as ProjectEventType]?.nl ?? decision.event}, ${outcome}.`, decision.note, decision.justification && `Onderbouwing: ${decision.justification}`].filter(Boolean).join(' '),
    },
    besluitInformatieObjecten: decision.documentUrl ? [{ informatieobject: decision.documentUrl }] : [],
  };
}
