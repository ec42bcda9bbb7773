import { needsAnnouncement, PHASES, type Phase, type Text } from '../interaction/catalogue';
import { commitmentMissing, evaluationMissing, inspectionProcedure, inspraakOf, planMissingParts } from '../interaction/plan';
import { assessQuickScan } from '../interaction/quick-scan';
import { postalWeekEnd } from '../interaction/legal-terms';
import { BLOCKER_MESSAGES, type Blocker, type BlockerCode } from './blocker-messages';
import type { ApplicantParticipationAccount, Dossier, GatedEvent, GreenLight, ProjectContext } from './project.types';

/**
 * The rules a guide may set before a gate (issue 20): pure code here, chosen by name and
 * parameterised in the guide, which holds no code or expressions. Each names its source.
 * They are judged in this order, so the sentences come in the order the guide's own steps do.
 */
export interface GateRule<Params = Record<string, never>> {
  /** The rule's parameters, as JSON Schema: the guide schema takes them from here. */
  params: { type: 'object'; properties: Record<string, unknown>; required: readonly string[]; additionalProperties: false };
  /** Whether the rule reads the project's file (a caller may skip loading it where none does). */
  readsFile: (context: ProjectContext) => boolean;
  check: (context: ProjectContext, event: GatedEvent, params: Params, decisive: GreenLight | undefined) => Blocker[];
  source: string;
}

const noParams = { type: 'object', properties: {}, required: [], additionalProperties: false } as const;
const always = () => true;
const blocker = (code: BlockerCode, message: Blocker['message'], missing?: string[]): Blocker => ({ code, message, ...(missing && { missing }) });

/** A challenge under the right to challenge (uitdaagrecht), rather than an initiative of residents' own. */
export function isChallenge(context: ProjectContext): boolean {
  return context.origin === 'initiative' && context.initiativeKind === 'challenge';
}

/**
 * Omgevingsregeling art. 7.4: whether participation took place, how and with what results. Where
 * the raad made it mandatory (Omgevingswet art. 16.55 lid 7), it must have taken place.
 */
export function applicantAccountMissing(account: ApplicantParticipationAccount | null): string[] {
  const filled = (text: string | undefined) => !!text?.trim();
  return [...(account?.tookPlace === true ? [] : ['tookPlace']), ...(filled(account?.how) ? [] : ['how']), ...(filled(account?.results) ? [] : ['results'])];
}

const challengeAssessed: GateRule = {
  params: noParams,
  readsFile: always,
  source: 'Gemeentewet art. 150 (uitdaagrecht), the participatieverordening',
  // The municipality decides on a challenge after assessing it, within the term it set; one not honoured ends (issue 18).
  check: (context, { dossier }) => {
    if (!isChallenge(context)) return [];
    if (!dossier.challengeAssessment) return [blocker('challenge-assessment-missing', BLOCKER_MESSAGES['challenge-assessment-missing']())];
    if (dossier.challengeAssessment.conclusion === 'not-honoured') return [blocker('challenge-not-honoured', BLOCKER_MESSAGES['challenge-not-honoured'](dossier.challengeAssessment.assessedOn))];
    return [];
  },
};

const challengeAgreement: GateRule = {
  params: noParams,
  readsFile: isChallenge,
  source: 'Gemeentewet art. 150, the participatieverordening (issue 18)',
  // A challenge honoured is taken up by an agreement with its term, and executed under it.
  check: (context, { dossier }) =>
    isChallenge(context) && dossier.challengeAssessment?.conclusion === 'honoured' && !dossier.challengeAgreement ? [blocker('challenge-agreement-missing', BLOCKER_MESSAGES['challenge-agreement-missing']())] : [],
};

const challengerInformed: GateRule = {
  params: noParams,
  readsFile: isChallenge,
  source: 'Awb art. 3:41, 3:46',
  // A challenge not honoured ends with its reasons sent to the challenger.
  check: (context, { dossier }) =>
    isChallenge(context) && dossier.challengeAssessment?.conclusion === 'not-honoured' && !dossier.challengeAssessment.challengerInformedOn ? [blocker('challenger-not-informed', BLOCKER_MESSAGES['challenger-not-informed']())] : [],
};

const applicantAccount: GateRule = {
  params: noParams,
  readsFile: always,
  source: 'Omgevingswet art. 16.55 lid 7, Omgevingsregeling art. 7.4, Awb art. 4:5',
  // Received without the account the raad made mandatory, the application is decided on once complete.
  check: (context, { dossier }) => {
    if (!context.participationMandatory) return [];
    const missing = applicantAccountMissing(dossier.applicantAccount ?? null);
    return missing.length > 0 ? [blocker('participation-account-missing', BLOCKER_MESSAGES['participation-account-missing'](missing), missing)] : [];
  },
};

const QUICK_SCAN_ROUTES = ['interactive', 'not-interactive'] as const;
const quickScanComplete: GateRule<{ route: (typeof QUICK_SCAN_ROUTES)[number] }> = {
  params: { type: 'object', properties: { route: { enum: QUICK_SCAN_ROUTES } }, required: ['route'], additionalProperties: false },
  readsFile: always,
  source: 'Interactiewijzer §1.6, §2.1',
  check: (_context, { dossier }, { route }, decisive) => {
    const found: Blocker[] = [];
    const scan = assessQuickScan(dossier.quickScan);
    if (!scan.complete) found.push(blocker('quick-scan-incomplete', BLOCKER_MESSAGES['quick-scan-incomplete'](scan.missing), scan.missing));
    // Going against the advice, either way, is legitimate (§1.6), but the decision must say why.
    const againstAdvice = scan.advice === (route === 'interactive' ? 'not-interactive' : 'interactive');
    if (againstAdvice && decisive?.outcome === 'approved' && !decisive.justification?.trim()) {
      found.push(blocker('justification-required', BLOCKER_MESSAGES['justification-required'](scan.advice === 'interactive' ? 'interactive' : 'not-interactive')));
    }
    return found;
  },
};

const inspraakSettled: GateRule = {
  params: noParams,
  readsFile: always,
  source: 'Interactiewijzer §1.4 with afdeling 3.4 Awb',
  // Without interaction no plan follows, so the inspraak is settled here, and it cannot be interactive.
  check: (_context, { dossier }) => {
    if (!dossier.quickScan) return [];
    const inspraak = inspraakOf(null, dossier.quickScan);
    if (!inspraak) return [blocker('inspraak-form-missing', BLOCKER_MESSAGES['inspraak-form-missing'](), ['inspraak.form'])];
    return inspraak.form === 'a' ? [blocker('inspraak-form-interactive', BLOCKER_MESSAGES['inspraak-form-interactive']())] : [];
  },
};

const missingAs = (code: 'evaluation-incomplete' | 'commitment-incomplete' | 'plan-incomplete', missing: string[]): Blocker[] =>
  missing.length > 0 ? [blocker(code, BLOCKER_MESSAGES[code](missing), missing)] : [];

const evaluationWritten: GateRule = {
  params: noParams,
  readsFile: always,
  source: 'Interactiewijzer §2.4',
  // A project closes after its evaluation, with a verdict on each goal and the participants' judgement.
  check: (_context, { dossier }) => missingAs('evaluation-incomplete', evaluationMissing(dossier.evaluation, dossier.plan)),
};

const commitmentComplete: GateRule = {
  params: noParams,
  readsFile: always,
  source: 'Interactiewijzer §2.2',
  check: (_context, { dossier }) => missingAs('commitment-incomplete', commitmentMissing(dossier.commitment)),
};

const planComplete: GateRule = {
  params: noParams,
  readsFile: always,
  source: 'Interactiewijzer §2.3',
  check: (_context, { dossier }) => missingAs('plan-incomplete', planMissingParts(dossier.plan)),
};

const inspectionEnded: GateRule = {
  params: noParams,
  readsFile: always,
  source: 'Interactiewijzer §1.4; Awb art. 3:16, 6:9 lid 2',
  check: (_context, { dossier }) => inspectionBlockers(dossier),
};

const levelCommunicated: GateRule<{ phase: Phase }> = {
  params: { type: 'object', properties: { phase: { enum: PHASES } }, required: ['phase'], additionalProperties: false },
  readsFile: always,
  source: 'Interactiewijzer §1.3',
  // The step enters a phase of the policy cycle: participants must know its level first.
  check: (_context, { dossier }, { phase }) => {
    const level = dossier.plan?.levels?.[phase];
    return level && needsAnnouncement(level) && !dossier.announcements.some((a) => a.phase === phase && a.level === level) ? [blocker('level-not-communicated', BLOCKER_MESSAGES['level-not-communicated'](phase, level))] : [];
  },
};

/** Every rule a guide may choose, by name, in the order they are judged. */
export const GATE_RULES = {
  'challenge-assessed': challengeAssessed,
  'challenge-agreement': challengeAgreement,
  'challenger-informed': challengerInformed,
  'applicant-account': applicantAccount,
  'quick-scan-complete': quickScanComplete,
  'inspraak-settled': inspraakSettled,
  'evaluation-written': evaluationWritten,
  'commitment-complete': commitmentComplete,
  'plan-complete': planComplete,
  'inspection-ended': inspectionEnded,
  'level-communicated': levelCommunicated,
} as const;
export type GateRuleName = keyof typeof GATE_RULES;
export type GateRuleParams = { [Name in GateRuleName]?: (typeof GATE_RULES)[Name] extends GateRule<infer P> ? P : never };
export const GATE_RULE_NAMES = Object.keys(GATE_RULES) as GateRuleName[];

/** A gate as the guide sets it, worked out once per guide version: its body, and its rules in the registry's order. */
export interface CompiledGate {
  body: 'college' | 'raad' | 'by-sensitivity';
  initiatorOwn: boolean;
  /** The guide's own name for the step, if it gives one. */
  label?: Text;
  rules: ReadonlyArray<{ rule: GateRule<unknown>; params: unknown }>;
}

export function compileGate(gate: { body: CompiledGate['body']; initiatorOwn?: boolean; label?: Text; rules: GateRuleParams }): CompiledGate {
  return {
    body: gate.body,
    initiatorOwn: !!gate.initiatorOwn,
    ...(gate.label && { label: gate.label }),
    rules: GATE_RULE_NAMES.filter((name) => gate.rules[name] !== undefined).map((name) => ({ rule: GATE_RULES[name] as GateRule<unknown>, params: gate.rules[name] })),
  };
}

/** The blockers of the rules a gate chose, in the registry's order. */
export function gateRuleBlockers(context: ProjectContext, event: GatedEvent, gate: CompiledGate | undefined, decisive: GreenLight | undefined): Blocker[] {
  const found: Blocker[] = [];
  if (!gate) return found;
  for (const { rule, params } of gate.rules) for (const blocker of rule.check(context, event, params, decisive)) found.push(blocker);
  return found;
}

export function gateRulesReadFile(context: ProjectContext, gate: CompiledGate | undefined): boolean {
  return !!gate && gate.rules.some(({ rule }) => rule.readsFile(context));
}

/**
 * §1.4 forms b, c, e and f, on either route: the draft lay open for its term and every reaction
 * has its answer; under afdeling 3.4 Awb (c, e), and form b unless its ordinance says otherwise,
 * a posted reaction may still arrive in the week after.
 */
function inspectionBlockers(dossier: Dossier): Blocker[] {
  const procedure = inspectionProcedure(dossier.plan, dossier.quickScan);
  if (!procedure) return [];
  if (!dossier.inspection) return [blocker('inspection-missing', BLOCKER_MESSAGES['inspection-missing'](procedure))];
  const found: Blocker[] = [];
  const { endsOn } = dossier.inspection;
  if (dossier.today <= endsOn) found.push(blocker('inspection-term-running', BLOCKER_MESSAGES['inspection-term-running'](endsOn)));
  // Art. 6:9 lid 2 with art. 3:16 lid 3 Awb: a letter posted within the term may still arrive during the week after it.
  else if (dossier.inspection.postalWeek && dossier.today <= postalWeekEnd(endsOn)) found.push(blocker('inspection-postal-week-running', BLOCKER_MESSAGES['inspection-postal-week-running'](postalWeekEnd(endsOn))));
  if (dossier.unansweredReactions > 0) found.push(blocker('reactions-unanswered', BLOCKER_MESSAGES['reactions-unanswered'](dossier.unansweredReactions)));
  return found;
}
