import { zgwBesluit } from '../src/decisions/zgw-besluit';
import type { DecisionView } from '../src/decisions/decisions.service';

describe('a decision as a ZGW Besluit', () => {
  const decision: DecisionView = {
    id: 'd1', event: 'DECISION_TAKEN', cycle: 1, body: 'raad', outcome: 'approved', decidedOn: '2026-11-20', reference: 'R 2026/12',
    documentUrl: 'https://raad.gemeente.example/besluiten/2026-12.pdf', note: 'Met amendement A.', justification: null,
    recordedBy: 'G. Griffier', recordedByRole: 'council-clerk', recordedAt: '2026-11-20T10:00:00.000Z', consumed: true, consumedAt: null, consumedByAuditSeq: null,
  };
  it('takes the RSIN and the besluittype per step from configuration, and the document as BesluitInformatieObject', () => {
    const zgw = zgwBesluit(decision, 'Sportpark', { rsin: '001234567', besluittypen: { DECISION_TAKEN: 'https://catalogi.gemeente.example/api/v1/besluittypen/abc' } });
    expect(zgw.besluit).toMatchObject({ identificatie: 'R 2026/12', verantwoordelijkeOrganisatie: '001234567', besluittype: 'https://catalogi.gemeente.example/api/v1/besluittypen/abc', bestuursorgaan: 'gemeenteraad', publicatiedatum: '2026-11-20' });
    expect(zgw.besluit.toelichting).toBe('Sportpark: Besluit genomen, ingestemd. Met amendement A.');
    expect(zgw.besluitInformatieObjecten).toEqual([{ informatieobject: 'https://raad.gemeente.example/besluiten/2026-12.pdf' }]);
  });
});
