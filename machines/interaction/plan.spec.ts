import { completeDossier } from '../participation-project/machine-graph';
import { STAKEHOLDER_KINDS, stakeholderFitsDomain } from './catalogue';
import { adviceWeightWarnings, changedLevels, commitmentMissing, inspraakFormAllowed, inspraakFormContradiction, inspraakFormWarnings, levelWarnings, planMissingParts, planWarnings, PLAN_PARTS, inspectionProcedure, inspraakOf, planWithScannedInspraak } from './plan';

const complete = completeDossier().plan!;

describe('the plan of approach (§2.3, §2.4, §1.4)', () => {
  it('is complete with every part, and names each part that is missing', () => {
    expect(planMissingParts(complete)).toEqual([]);
    expect(planMissingParts(null)).toEqual([...PLAN_PARTS]);
    expect(planMissingParts({ ...complete, levels: { preparation: 'inform' }, scope: { inScope: 'x', outOfScope: ' ' } })).toEqual(['levels', 'scope']);
    expect(planMissingParts({ ...complete, opportunitiesAndThreats: { opportunities: ['x'], threats: [{ threat: 'y', mitigation: '' }] } })).toEqual(['opportunitiesAndThreats']);
  });

  it('offers forms a–d when inspraak is not legally required, e–f when it is', () => {
    expect(['a', 'b', 'c', 'd'].map((form) => inspraakFormAllowed({ legallyRequired: false, form: form as 'a' }))).toEqual([true, true, true, true]);
    expect(['e', 'f'].map((form) => inspraakFormAllowed({ legallyRequired: false, form: form as 'e' }))).toEqual([false, false]);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((form) => inspraakFormAllowed({ legallyRequired: true, form: form as 'a' }))).toEqual([false, false, false, false, true, true]);
  });

  it('lays the draft open under forms b (ordinance), c and e (afdeling 3.4 Awb) and f (the college\'s procedure), not under a and d', () => {
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((form) => inspectionProcedure({ inspraak: { legallyRequired: form > 'd', form: form as 'a' } }, null))).toEqual([null, 'ordinance', 'awb-3.4', null, 'awb-3.4', 'college-procedure']);
  });

  it('takes the inspraak from the plan, else from the quick scan once it names duty and form', () => {
    const scanned = { inspraak: { legallyRequired: true, form: 'e' as const } };
    expect(inspraakOf(null, scanned)).toEqual({ legallyRequired: true, form: 'e' });
    expect(inspraakOf({ inspraak: { legallyRequired: true, form: 'f' } }, scanned)).toEqual({ legallyRequired: true, form: 'f' });
    expect(inspraakOf({}, scanned)).toEqual({ legallyRequired: true, form: 'e' });
    expect(inspraakOf(null, { inspraak: { legallyRequired: true } })).toBeNull();
    expect(inspraakOf(null, { inspraak: { form: 'c' } })).toBeNull();
    expect(inspectionProcedure(null, null)).toBeNull();
  });

  it('warns of resistance or of less support when preparation and execution differ (§1.3)', () => {
    expect(levelWarnings({ preparation: 'co-decide', execution: 'inform' }).map((w) => w.code)).toEqual(['resistance-risk']);
    expect(levelWarnings({ preparation: 'inform', execution: 'collaborate' }).map((w) => w.code)).toEqual(['less-support-risk']);
    expect(levelWarnings({ preparation: 'inform', execution: 'inform' })).toEqual([]);
    expect(levelWarnings({ preparation: 'inform' })).toEqual([]);
  });

  it('names the phases whose level changed', () => {
    expect(changedLevels(complete, { ...complete, levels: { ...complete.levels, execution: 'inform' } })).toEqual(['execution']);
    expect(changedLevels(null, complete)).toEqual(['preparation', 'decisionMaking', 'execution', 'evaluation']);
  });

  it('needs the document, its reference and process agreements for the formal commitment (§2.2)', () => {
    expect(commitmentMissing(null)).toEqual(['laidDownIn', 'reference', 'processAgreements']);
    expect(commitmentMissing({ laidDownIn: 'bw-proposal', reference: 'B&W 2026/12', processAgreements: [{ party: 'dorpsraad', agreement: 'maandelijks overleg' }] })).toEqual([]);
  });

  it('refuses form d ("no inspraak, no interaction") beside a level of inspraak or interactive policy (§1.4)', () => {
    const informOnly = { ...complete, levels: { preparation: 'inform', decisionMaking: 'none', execution: 'inform', evaluation: 'inform' }, inspraak: { legallyRequired: false, form: 'd' } } as const;
    expect(inspraakFormContradiction(informOnly)).toBeNull();
    expect(inspraakFormContradiction({ ...informOnly, levels: { ...informOnly.levels, preparation: 'advise-late' } })!.nl).toMatch(/vorm d/);
    expect(inspraakFormContradiction({ ...informOnly, levels: { ...informOnly.levels, execution: 'co-decide' } })).not.toBeNull();
  });

  it('warns when forms a–c find no level of their kind in any phase (§1.4 with §1.2)', () => {
    const levels = { preparation: 'advise-early', decisionMaking: 'inform', execution: 'inform', evaluation: 'inform' } as const;
    expect(inspraakFormWarnings({ ...complete, levels, inspraak: { legallyRequired: false, form: 'a' } }).map((w) => w.code)).toEqual(['inspraak-form-without-interactive-level']);
    expect(inspraakFormWarnings({ ...complete, levels, inspraak: { legallyRequired: false, form: 'b' } })).toEqual([]);
    expect(inspraakFormWarnings({ ...complete, levels: { ...levels, preparation: 'co-decide' }, inspraak: { legallyRequired: false, form: 'c' } }).map((w) => w.code)).toEqual(['inspraak-form-without-inspraak-level']);
    // Levels that differ per phase are a §1.3 warning of their own; planWarnings gives both.
    expect(planWarnings({ ...complete, levels: { ...levels, preparation: 'co-decide', execution: 'inform' }, inspraak: { legallyRequired: false, form: 'c' } }).map((w) => w.code)).toEqual([
      ...levelWarnings({ ...levels, preparation: 'co-decide', execution: 'inform' }).map((w) => w.code),
      'inspraak-form-without-inspraak-level',
    ]);
  });
});

describe('stakeholders in their domain (§1.5)', () => {
  it('puts business partners and civil servants among the professionals, parties and council members in politics', () => {
    expect(stakeholderFitsDomain('business-partners', 'professional')).toBe(true);
    expect(stakeholderFitsDomain('business-partners', 'public')).toBe(false);
    expect(stakeholderFitsDomain('council-members', 'public')).toBe(false);
    expect(stakeholderFitsDomain('village-councils', 'public')).toBe(true);
  });

  it('lets the differentiations of residents and "other" be of any domain', () => {
    for (const kind of ['neighbours', 'directly-affected', 'opponents', 'other'] as const) {
      expect(['public', 'professional', 'political'].every((domain) => stakeholderFitsDomain(kind, domain as 'public'))).toBe(true);
    }
    expect(STAKEHOLDER_KINDS.length).toBeGreaterThan(10);
  });
});

describe('the advice weight against the levels (§2.4 with §1.2)', () => {
  it('warns when participants decide but their result "may be reconsidered" or is merely "taken into account"', () => {
    const levels = { preparation: 'collaborate', decisionMaking: 'inform', execution: 'inform', evaluation: 'inform' } as const;
    expect(adviceWeightWarnings({ ...complete, levels, adviceWeight: 'open-to-review' }).map((w) => w.code)).toEqual(['advice-weight-contradicts-level']);
    expect(adviceWeightWarnings({ ...complete, levels, adviceWeight: 'taken-into-account' })[0].text.nl).toMatch(/we nemen het mee/);
    expect(adviceWeightWarnings({ ...complete, levels, adviceWeight: 'decisive' })).toEqual([]);
    expect(adviceWeightWarnings({ ...complete, levels: { ...levels, preparation: 'advise-early' }, adviceWeight: 'open-to-review' })).toEqual([]);
  });
});

describe('the inspraak duty carried into the plan (§1.4 with afdeling 3.4 Awb)', () => {
  const scan = { ...completeDossier().quickScan!, inspraak: { legallyRequired: true, form: 'e' as const } };

  it("gives a plan without inspraak the quick scan's, and lets it choose another form under the same duty", () => {
    expect(planWithScannedInspraak({ ...complete, inspraak: undefined }, scan)).toEqual({ plan: { ...complete, inspraak: { legallyRequired: true, form: 'e' } } });
    expect(planWithScannedInspraak({ ...complete, inspraak: { legallyRequired: true, form: 'f' } }, scan)).toEqual({ plan: { ...complete, inspraak: { legallyRequired: true, form: 'f' } } });
  });

  it('refuses a plan that undoes the duty the quick scan recorded, and binds nothing without a scan', () => {
    expect(planWithScannedInspraak({ ...complete, inspraak: { legallyRequired: false, form: 'd' } }, scan)).toEqual({ dutyDiffers: true });
    expect(planWithScannedInspraak(complete, null)).toEqual({ plan: complete });
  });
});
