import { BLOCKER_MESSAGES } from './blocker-messages';
import { blockers, decisiveDecision, requiredBody } from './blockers';
import { describeInspraakForm } from '../interaction/catalogue';
import { completeDossier } from './machine-graph';
import type { GreenLight, ProjectContext } from './project.types';

const context = (overrides: Partial<ProjectContext> = {}): ProjectContext => ({
  origin: 'municipality',
  politicalSensitivity: 'low',
  cycle: 1,
  gateBodies: {},
  submission: null,
  ...overrides,
});

const decision = (overrides: Partial<GreenLight> = {}): GreenLight => ({
  id: 'd1',
  gate: 'COMMIT',
  cycle: 1,
  body: 'college',
  outcome: 'approved',
  decidedOn: '2026-03-01',
  recordedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

const codes = (ctx: ProjectContext, decisions: GreenLight[]) => blockers(ctx, { type: 'COMMIT', decisions, dossier: completeDossier() }).map((b) => b.code);

describe('requiredBody', () => {
  it('follows political sensitivity: low needs the college, high the raad', () => {
    expect(requiredBody(context(), 'COMMIT')).toBe('college');
    expect(requiredBody(context({ politicalSensitivity: 'high' }), 'COMMIT')).toBe('raad');
  });
  it('lets a per-gate override win, for that gate only', () => {
    const ctx = context({ gateBodies: { COMMIT: 'raad' } });
    expect(requiredBody(ctx, 'COMMIT')).toBe('raad');
    expect(requiredBody(ctx, 'ADOPT_PLAN')).toBe('college');
  });
});

describe('blockers of a gated event', () => {
  it('names the missing green light when nothing was decided', () => {
    const [blocker] = blockers(context(), { type: 'COMMIT', decisions: [], dossier: completeDossier() });
    expect(blocker.code).toBe('green-light-missing');
    // Words, never codes: the step by its name, the decision by the body's own term.
    expect(blocker.message.nl).toBe('Voor de stap ‘Commitment vastleggen’ is in deze cyclus nog geen collegebesluit vastgelegd.');
    expect(blocker.message.en).toBe('No decision of the college has been recorded for ‘Record the commitment’ in this cycle.');
  });
  it('is satisfied by an approval of the required body in this cycle', () => {
    expect(codes(context(), [decision()])).toEqual([]);
  });
  it('does not count an approval by the wrong body', () => {
    expect(codes(context(), [decision({ body: 'raad' })])).toEqual(['green-light-wrong-body']);
  });
  it('does not count an approval for another gate or another cycle', () => {
    expect(codes(context(), [decision({ gate: 'ADOPT_PLAN' })])).toEqual(['green-light-missing']);
    expect(codes(context({ cycle: 2 }), [decision({ cycle: 1 })])).toEqual(['green-light-missing']);
  });
  it('never lets a rejection allow anything', () => {
    expect(codes(context(), [decision({ outcome: 'rejected' })])).toEqual(['green-light-rejected']);
  });
  it('lets the latest decision of the body settle the gate', () => {
    const approvedThenRejected = [decision({ id: 'a' }), decision({ id: 'r', outcome: 'rejected', decidedOn: '2026-03-02' })];
    expect(codes(context(), approvedThenRejected)).toEqual(['green-light-rejected']);
    const rejectedThenApproved = [decision({ id: 'r', outcome: 'rejected' }), decision({ id: 'a', recordedAt: '2026-03-01T11:00:00.000Z' })];
    expect(codes(context(), rejectedThenApproved)).toEqual([]);
    expect(decisiveDecision(context(), 'COMMIT', rejectedThenApproved)?.id).toBe('a');
  });
});

describe('blockers of a formal submission', () => {
  it('needs a date and a reference, and no green light', () => {
    expect(blockers(context({ origin: 'initiative' }), { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-02-01' }).map((b) => b.code)).toEqual([
      'submission-incomplete',
    ]);
    expect(blockers(context({ origin: 'initiative' }), { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-02-01', reference: 'Z-1' })).toEqual([]);
  });
});

describe('the inspection on either route (§1.4 with afdeling 3.4 Awb)', () => {
  const advice = (dossier: ReturnType<typeof completeDossier>) =>
    blockers(context(), { type: 'ADVICE_SUBMITTED', decisions: [decision({ gate: 'ADVICE_SUBMITTED' })], dossier: { ...dossier, announcements: [] } }).map((b) => b.code);
  const withForm = (form: 'a' | 'b' | 'c' | 'd' | 'e' | 'f', day: (endsOn: string) => string) => {
    const d = completeDossier();
    // The inspection carries its postal week as it was laid open: under afdeling 3.4, and here not under form b (an ordinance that says otherwise).
    const postalWeek = describeInspraakForm(form).procedure === 'awb-3.4';
    return advice({ ...d, plan: { ...d.plan, levels: {}, inspraak: { legallyRequired: form > 'd', form } }, inspection: { ...d.inspection!, postalWeek }, today: day(d.inspection!.endsOn) });
  };
  const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it('waits for the postal week only under afdeling 3.4 Awb (forms c and e)', () => {
    expect(withForm('c', dayAfter)).toEqual(['inspection-postal-week-running']);
    expect(withForm('e', dayAfter)).toEqual(['inspection-postal-week-running']);
    expect(withForm('b', dayAfter)).toEqual([]);
    expect(withForm('f', dayAfter)).toEqual([]);
  });
  it('asks nothing to lie open under forms a and d', () => {
    const d = completeDossier();
    expect(withForm('a', (e) => e)).toEqual([]);
    expect(advice({ ...d, plan: null, quickScan: { ...d.quickScan, inspraak: { legallyRequired: false, form: 'd' } }, inspection: null })).toEqual([]);
  });
  it('binds a project without a plan by the form its quick scan recorded', () => {
    const d = completeDossier();
    const blocked = blockers(context(), { type: 'ADVICE_SUBMITTED', decisions: [decision({ gate: 'ADVICE_SUBMITTED' })], dossier: { ...d, plan: null, quickScan: { ...d.quickScan, inspraak: { legallyRequired: true, form: 'f' } }, inspection: null } });
    expect(blocked.map((b) => b.code)).toEqual(['inspection-missing']);
    expect(blocked[0].message.nl).toContain('procedure die het college heeft vastgesteld');
  });
});

describe('the sentences of every blocker', () => {
  const MACHINE_CODE = /\b[A-Z]+_[A-Z_]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b|\b\d{4}-\d{2}-\d{2}\b/;
  it('name steps, fields and days in words in both languages, never as codes or ISO dates', () => {
    const samples = [
      BLOCKER_MESSAGES['green-light-missing']('raad', 'START_NEW_CYCLE'),
      BLOCKER_MESSAGES['green-light-wrong-body']('college', 'DECIDE_NON_INTERACTIVE'),
      BLOCKER_MESSAGES['green-light-rejected']('raad', 'ADOPT_PLAN', '2026-11-22'),
      BLOCKER_MESSAGES['quick-scan-incomplete'](['organisation.money', 'influenceAspects.legal', 'participants', 'inspraak.legallyRequired']),
      BLOCKER_MESSAGES['plan-incomplete'](['targetGroups', 'opportunitiesAndThreats', 'adviceWeight']),
      BLOCKER_MESSAGES['commitment-incomplete'](['processAgreements', 'laidDownIn']),
      BLOCKER_MESSAGES['evaluation-incomplete'](['goals.support-for-process', 'participantsJudgement']),
      BLOCKER_MESSAGES['participation-account-missing'](['tookPlace', 'results']),
      BLOCKER_MESSAGES['inspection-term-running']('2026-04-28'),
      BLOCKER_MESSAGES['inspection-postal-week-running']('2026-05-05'),
      BLOCKER_MESSAGES['level-not-communicated']('decisionMaking', 'co-decide'),
    ];
    for (const message of samples) {
      expect(message.nl).not.toMatch(MACHINE_CODE);
      expect(message.en).not.toMatch(MACHINE_CODE);
    }
    expect(BLOCKER_MESSAGES['inspection-term-running']('2026-04-28').nl).toBe('De termijn voor zienswijzen loopt nog tot en met dinsdag 28 april 2026.');
    expect(BLOCKER_MESSAGES['plan-incomplete'](['targetGroups', 'frames']).nl).toBe('Het plan van aanpak is nog niet compleet. Nog niet ingevuld: 1. doelgroepen en kaders.');
    expect(BLOCKER_MESSAGES['reactions-unanswered'](1).nl).toBe('Er is nog 1 zienswijze zonder antwoord van de gemeente.');
  });
});
