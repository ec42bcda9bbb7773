import { inspectionTermEnd } from '../interaction/legal-terms';
import { blockers, requiredBody } from './blockers';
import { greenLightTooEarly } from './chronology';
import { competentBody, inspraakAgainstLaw } from './competence';
import { completeDossier } from './machine-graph';
import type { Dossier, GreenLight, ProjectContext } from './project.types';

const context = (overrides: Partial<ProjectContext> = {}): ProjectContext => ({ origin: 'municipality', politicalSensitivity: 'low', cycle: 1, gateBodies: {}, submission: null, ...overrides });
/** The case of issue 18: zienswijzen from 1 October to 11 November 2026, under afdeling 3.4 Awb (postal week to 18 November). */
const file = (overrides: Partial<Dossier> = {}): Dossier => ({ ...completeDossier(), inspection: { endsOn: '2026-11-11', postalWeek: true }, lastAnsweredOn: '2026-11-20', today: '2026-12-04', ...overrides });
const facts = (found: ReturnType<typeof greenLightTooEarly>) => found.map((t) => [t.fact, t.earliest]);

describe('the order of events (issue 18): a green light cannot precede the facts it rests on', () => {
  it('refuses an advice approved while the zienswijzen term ran, naming the postal week and the answers with their articles', () => {
    const found = greenLightTooEarly(context(), 'ADVICE_SUBMITTED', '2026-10-20', file());
    expect(facts(found)).toEqual([
      ['inspection-postal-week', '2026-11-19'],
      ['answers', '2026-11-20'],
    ]);
    expect(found.map((t) => t.source)).toEqual(['Awb art. 3:16 lid 3 with art. 6:9 lid 2', 'Awb art. 3:46']);
    expect(greenLightTooEarly(context(), 'ADVICE_SUBMITTED', '2026-11-20', file())).toEqual([]);
  });

  it('counts the term alone where no postal week applies (a procedure the college set)', () => {
    expect(facts(greenLightTooEarly(context(), 'ADVICE_SUBMITTED', '2026-11-11', file({ inspection: { endsOn: '2026-11-11', postalWeek: false }, lastAnsweredOn: null })))).toEqual([['inspection-term', '2026-11-12']]);
    expect(greenLightTooEarly(context(), 'ADVICE_SUBMITTED', '2026-11-12', file({ inspection: { endsOn: '2026-11-11', postalWeek: false }, lastAnsweredOn: null }))).toEqual([]);
  });

  it('refuses a step dated before the decision of the step before it, but not a stop', () => {
    const routeDecided = context({ lastStepOn: '2026-11-24' });
    expect(facts(greenLightTooEarly(routeDecided, 'PROBLEM_DEFINED', '2026-10-05', file()))).toEqual([['previous-step', '2026-11-24']]);
    expect(greenLightTooEarly(routeDecided, 'PROBLEM_DEFINED', '2026-11-24', file())).toEqual([]);
    expect(greenLightTooEarly(routeDecided, 'STOP', '2026-10-05', file())).toEqual([]);
  });

  it('refuses a route before its quick scan and an adoption before the version of the plan it adopts', () => {
    const recorded = file({ recordedOn: { quickScan: '2026-11-03', plan: '2026-11-17' } });
    expect(facts(greenLightTooEarly(context(), 'START_INTERACTIVE', '2026-11-02', recorded))).toEqual([['quick-scan', '2026-11-03']]);
    expect(facts(greenLightTooEarly(context(), 'ADOPT_PLAN', '2026-11-16', recorded))).toEqual([['plan', '2026-11-17']]);
    expect(greenLightTooEarly(context(), 'COMMIT', '2026-11-01', recorded)).toEqual([]);
  });

  it('takes "before" literally: the raad informed on the day of the green light is not informed before it (§2.4)', () => {
    const before = context({ raadInforming: { ADOPT_PLAN: 'before' } });
    const informedOn = (date: string) => file({ raadInformed: [{ gate: 'ADOPT_PLAN', kind: 'raadsinformatiebrief', date }] });
    expect(facts(greenLightTooEarly(before, 'ADOPT_PLAN', '2026-11-10', informedOn('2026-11-10')))).toEqual([['raad-information', '2026-11-11']]);
    expect(greenLightTooEarly(before, 'ADOPT_PLAN', '2026-11-11', informedOn('2026-11-10'))).toEqual([]);
  });

  it('blocks the step where an approval became too early later (zienswijzen answered after it), in words with the articles', () => {
    const approval: GreenLight = { id: 'a', gate: 'ADVICE_SUBMITTED', cycle: 1, body: 'college', outcome: 'approved', decidedOn: '2026-10-20', recordedAt: '2026-10-20T10:00:00.000Z' };
    const [blocker] = blockers(context(), { type: 'ADVICE_SUBMITTED', decisions: [approval], dossier: file() });
    expect(blocker.code).toBe('green-light-too-early');
    expect(blocker.message.nl).toBe(
      'Een collegebesluit van dinsdag 20 oktober 2026 kan niet kloppen: een zienswijze die binnen de termijn is gepost, telde mee tot en met woensdag 18 november 2026 (artikel 3:16 lid 3 en artikel 6:9 lid 2 Awb); de laatste zienswijze is op vrijdag 20 november 2026 beantwoord, en het besluit steunt op die antwoorden (artikel 3:46 Awb). Het besluit kan op zijn vroegst van vrijdag 20 november 2026 zijn.',
    );
  });
});

describe('the competent body (issue 18)', () => {
  it('gives the raad what only the raad may adopt, whatever the sensitivity or the plan says', () => {
    const omgevingsplan = context({ decisionKind: 'omgevingsplan', gateBodies: { DECISION_TAKEN: 'college' } });
    expect(competentBody(omgevingsplan, 'DECISION_TAKEN')).toEqual({ body: 'raad', source: 'Omgevingswet art. 2.4' });
    expect(requiredBody(omgevingsplan, 'DECISION_TAKEN')).toBe('raad');
    expect(requiredBody(context({ decisionKind: 'verordening' }), 'DECISION_TAKEN')).toBe('raad');
    expect(requiredBody(context({ decisionKind: 'begroting' }), 'DECISION_TAKEN')).toBe('raad');
  });

  it('leaves the other steps, and other kinds, to sensitivity and the plan: a college step may move to the raad', () => {
    expect(competentBody(context({ decisionKind: 'omgevingsplan' }), 'ADOPT_PLAN')).toBeNull();
    expect(requiredBody(context({ decisionKind: 'omgevingsplan' }), 'ADOPT_PLAN')).toBe('college');
    expect(requiredBody(context({ decisionKind: 'other', politicalSensitivity: 'high' }), 'DECISION_TAKEN')).toBe('raad');
    expect(requiredBody(context(), 'DECISION_TAKEN')).toBe('college');
  });
});

describe('inspraak against the law (issue 18)', () => {
  it('leaves an omgevingsplan only form e (Omgevingswet art. 16.30 lid 1)', () => {
    expect(inspraakAgainstLaw('omgevingsplan', { legallyRequired: true, form: 'f' }, 'inform')?.code).toBe('inspraak-form-against-statute');
    expect(inspraakAgainstLaw('omgevingsplan', { legallyRequired: false }, undefined)?.code).toBe('inspraak-form-against-statute');
    expect(inspraakAgainstLaw('omgevingsplan', { legallyRequired: true, form: 'e' }, 'inform')).toBeNull();
    expect(inspraakAgainstLaw('other', { legallyRequired: true, form: 'f' }, 'inform')).toBeNull();
  });

  it('refuses level "none" beside a legal duty of inspraak, naming both', () => {
    const conflict = inspraakAgainstLaw(undefined, { legallyRequired: true, form: 'e' }, 'none');
    expect(conflict?.code).toBe('level-contradicts-inspraak-duty');
    expect(conflict?.text.nl).toContain('Inspraakvorm e');
    expect(conflict?.text.nl).toContain('‘Geen rol’');
    expect(inspraakAgainstLaw(undefined, { legallyRequired: false, form: 'd' }, 'none')).toBeNull();
  });
});

describe('Algemene termijnenwet art. 2: a term of three days or more holds two working days', () => {
  it('extends a three-day term over Christmas until it holds two working days', () => {
    // Friday 25 December 2026: 25, 26 (holidays), 27 (Sunday); art. 1 gives Monday 28, art. 2 Tuesday 29.
    expect(inspectionTermEnd('2026-12-25', 3)).toEqual({ nominalEnd: '2026-12-27', endsOn: '2026-12-29', extended: true });
  });
  it('leaves a term that already holds two working days alone', () => {
    expect(inspectionTermEnd('2026-12-24', 3).endsOn).toBe('2026-12-28');
    expect(inspectionTermEnd('2026-03-05').endsOn).toBe('2026-04-15');
  });
});
