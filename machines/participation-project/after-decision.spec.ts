import { appealTerm, applicationOf, decidedLate, decisionTerm, publicationConflicts } from './after-decision';

describe('after the decision (issue 18)', () => {
  const circumstances = { decisionKind: 'other' as const, decidedOn: '2026-11-12', preparedUnderAwb34: false, reactions: 0 };

  it('counts six weeks for appeal from the day after the bekendmaking, and runs past Christmas to a working day (Awb art. 6:7, 6:8 lid 1; Atw art. 1)', () => {
    // Published Friday 13 November 2026: the nominal last day is Friday 25 December, then Boxing Day and a weekend.
    expect(appealTerm({ publishedOn: '2026-11-13', remedy: 'bezwaar' }, false)).toEqual({ startsOn: '2026-11-14', nominalEnd: '2026-12-25', endsOn: '2026-12-28', extended: true, source: 'Awb art. 6:7 with art. 6:8 lid 1', sourceNl: 'artikel 6:7 en 6:8 lid 1 Awb' });
  });

  it('counts from the day after the terinzagelegging for a decision prepared under afdeling 3.4, and not at all where no remedy lies (art. 6:8 lid 4)', () => {
    expect(appealTerm({ publishedOn: '2026-12-01', laidOpenOn: '2026-12-03', remedy: 'beroep' }, true)).toEqual({ startsOn: '2026-12-04', nominalEnd: '2027-01-14', endsOn: '2027-01-14', extended: false, source: 'Awb art. 6:7 with art. 6:8 lid 4', sourceNl: 'artikel 6:7 en 6:8 lid 4 Awb' });
    expect(appealTerm({ publishedOn: '2026-12-01', remedy: 'none' }, false)).toBeNull();
  });

  it('finds nothing wrong in a lawful bekendmaking', () => {
    expect(publicationConflicts({ way: 'sending', publishedOn: '2026-11-12', publishedIn: 'Brief 2026/88', remedy: 'bezwaar' }, circumstances)).toEqual([]);
  });

  it('refuses an appeal against a verordening, naming art. 8:3 Awb', () => {
    const found = publicationConflicts({ way: 'publication', publishedOn: '2026-11-13', publishedIn: 'Gemeenteblad 2026, 9', remedy: 'beroep' }, { ...circumstances, decisionKind: 'verordening' });
    expect(found.map((c) => [c.code, c.source])).toEqual([['no-remedy-against-regulation', 'Awb art. 8:3 lid 1 onder a']]);
    expect(found[0].text.nl).toContain('algemeen verbindend voorschrift');
  });

  it('says the days in words: a copy sent to those who gave zienswijzen before the decision was taken', () => {
    const [found] = publicationConflicts({ way: 'publication', publishedOn: '2026-11-13', publishedIn: 'Gemeenteblad', laidOpenOn: '2026-11-13', reactorsNotifiedOn: '2026-11-10', remedy: 'beroep' }, { ...circumstances, preparedUnderAwb34: true, reactions: 2 });
    expect(found.code).toBe('reactors-notified-before-decision');
    expect(found.text.nl).toBe('Indieners van zienswijzen kunnen het besluit niet op dinsdag 10 november 2026 hebben gekregen: het is genomen op donderdag 12 november 2026.');
  });

  it('decides an application within eight weeks of its receipt, suspended while the mandatory account is missing (Omgevingswet art. 16.64 lid 1, Awb art. 4:15)', () => {
    expect(decisionTerm({ receivedOn: '2026-10-01' }, '2026-10-05')).toMatchObject({ status: 'running', startsOn: '2026-10-02', endsOn: '2026-11-26', suspendedDays: 0 });
    const missing = { receivedOn: '2026-10-01', repairUntil: '2026-10-15' };
    expect(decisionTerm(missing, '2026-10-10')).toEqual({ status: 'suspended', receivedOn: '2026-10-01', repairUntil: '2026-10-15', source: 'Awb art. 4:15 lid 1 onder a', sourceNl: 'artikel 4:15 lid 1 onder a Awb' });
    // Completed on 6 October: five days suspended. Never completed: the term runs again once the hersteltermijn has passed.
    expect(decisionTerm({ ...missing, completedOn: '2026-10-06' }, '2026-10-10')).toMatchObject({ status: 'running', startsOn: '2026-10-07', endsOn: '2026-12-01', suspendedDays: 5 });
    expect(decisionTerm(missing, '2026-10-16')).toMatchObject({ status: 'running', startsOn: '2026-10-16', endsOn: '2026-12-10', suspendedDays: 14 });
  });

  it('knows an application only once it is received, and marks a decision after its term late', () => {
    const context = { permitActivity: 'kappen', submission: null, participationMandatory: null };
    expect(applicationOf(context, null)).toBeNull();
    const received = applicationOf({ ...context, submission: { submittedOn: '2026-10-01', reference: 'OLO-1' } }, null);
    expect(received).toEqual({ receivedOn: '2026-10-01', repairUntil: null, completedOn: null });
    const term = decisionTerm(received!, '2026-12-01');
    expect(decidedLate(term, '2026-11-26')).toBeNull();
    expect(decidedLate(term, '2026-11-27')).toEqual({ termEndsOn: '2026-11-26', source: 'Omgevingswet art. 16.64 lid 1' });
  });
});
