/** The gates' rules as code, as they were before guides became data (issue 20): the baseline of bench/guide-machine. */
import { needsAnnouncement, type Phase } from '../../machines/interaction/catalogue';
import { commitmentMissing, evaluationMissing, inspectionProcedure, inspraakOf, planMissingParts } from '../../machines/interaction/plan';
import { assessQuickScan } from '../../machines/interaction/quick-scan';
import { postalWeekEnd } from '../../machines/interaction/legal-terms';
import { BLOCKER_MESSAGES, type Blocker, type BlockerCode } from '../../machines/participation-project/blocker-messages';
import { greenLightTooEarly } from '../../machines/participation-project/chronology';
import { competentBody } from '../../machines/participation-project/competence';
import type { ApplicantParticipationAccount, Dossier, FormallySubmittedEvent, GatedEvent, GatedEventType, GoverningBody, GreenLight, ProjectContext, ProjectEvent } from '../../machines/participation-project/project.types';

/**
 * The body whose green light a gate needs: the raad where the law makes it competent, else a
 * per-gate override, else the political sensitivity (which may move a college step to the raad).
 */
export function requiredBody(context: ProjectContext, gate: GatedEventType): GoverningBody {
  return competentBody(context, gate)?.body ?? context.gateBodies[gate] ?? (context.politicalSensitivity === 'high' ? 'raad' : 'college');
}

/**
 * §1.1 initiate and §1.2: in an initiative the initiator makes its own policy and decides itself;
 * the college or raad decides what the municipality itself decides (taking the initiative up,
 * the commitment and plan for its part, a supporting decision, a new cycle, closing, stopping),
 * not the steps of the initiator's own process. Which steps those are is the product's reading.
 */
export const INITIATOR_STEPS: readonly GatedEventType[] = ['PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED', 'EXECUTION_COMPLETED'];

/**
 * Whether a step needs a green light of the college or raad (§2.4): not where it is the
 * initiator's own (§1.1), nor where the adopted plan makes informing the raad the accountability for it.
 */
export function needsGreenLight(context: ProjectContext, gate: GatedEventType): boolean {
  if (context.raadInforming?.[gate] === 'instead') return false;
  return !(context.origin === 'initiative' && INITIATOR_STEPS.includes(gate));
}

/** A challenge under the right to challenge (uitdaagrecht), rather than an initiative of residents' own. */
export function isChallenge(context: ProjectContext): boolean {
  return context.origin === 'initiative' && context.initiativeKind === 'challenge';
}

/**
 * The decision that settles a gate: the latest one of the required body for this
 * gate in the current cycle. A later rejection overrides an earlier approval; a deferral
 * (the body postponed its decision, §2.4) settles nothing and is passed over.
 */
export function decisiveDecision(context: ProjectContext, gate: GatedEventType, decisions: readonly GreenLight[]): GreenLight | undefined {
  return latestOfRequiredBody(context, gate, decisions, (outcome) => outcome !== 'deferred');
}

/** The latest decision of the required body for this gate in the current cycle whose outcome counts here. */
function latestOfRequiredBody(context: ProjectContext, gate: GatedEventType, decisions: readonly GreenLight[], counts: (outcome: GreenLight['outcome']) => boolean): GreenLight | undefined {
  const body = requiredBody(context, gate);
  return decisions
    .filter((d) => d.gate === gate && d.cycle === context.cycle && d.body === body && counts(d.outcome))
    .reduce<GreenLight | undefined>((latest, d) => (latest === undefined || isLater(d, latest) ? d : latest), undefined);
}

function isLater(a: GreenLight, b: GreenLight): boolean {
  return a.decidedOn !== b.decidedOn ? a.decidedOn > b.decidedOn : a.recordedAt > b.recordedAt;
}

/** The policy-cycle phase a step enters, where participants must know its level first (§1.3). */
export const ENTERS_PHASE: Partial<Record<GatedEventType, Phase>> = {
  ADOPT_PLAN: 'preparation',
  ADVICE_SUBMITTED: 'decisionMaking',
  DECISION_TAKEN: 'execution',
  EXECUTION_COMPLETED: 'evaluation',
  START_NEW_CYCLE: 'preparation',
};

/** The steps whose rules read the project's file; for the others the green light is all (a caller may skip loading it). */
const STEPS_WITH_FILE_RULES: ReadonlySet<GatedEventType> = new Set<GatedEventType>(['START_INTERACTIVE', 'DECIDE_NON_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN', 'ADVICE_SUBMITTED', 'CLOSE', ...(Object.keys(ENTERS_PHASE) as GatedEventType[])]);

export function needsFile(gate: GatedEventType, context?: ProjectContext): boolean {
  return STEPS_WITH_FILE_RULES.has(gate) || !!context?.raadInforming?.[gate] || (!!context && isChallenge(context) && CHALLENGE_STEPS.has(gate));
}

/** A challenge's own rules: the agreement before execution, the challenger told before it ends unhonoured. */
const CHALLENGE_STEPS: ReadonlySet<GatedEventType> = new Set<GatedEventType>(['DECISION_TAKEN', 'STOP']);

/** The file of a project with nothing in it: enough for a step that does not read it. */
export function emptyDossier(today: string): Dossier {
  return { quickScan: null, commitment: null, plan: null, announcements: [], inspection: null, unansweredReactions: 0, evaluation: null, raadInformed: [], challengeAssessment: null, applicantAccount: null, today };
}

/**
 * Why an event may not happen yet, as stable codes with Dutch and English sentences: the
 * green light (§2.4) and the guide's rules for the step. The machine's guard is
 * `blockers(...).length === 0`, so the two never disagree.
 */
export function blockers(context: ProjectContext, event: ProjectEvent): Blocker[] {
  if (event.type === 'FORMALLY_SUBMITTED') return submissionBlockers(event);
  if (!needsGreenLight(context, event.type)) return ruleBlockers(context, event, undefined);
  return [...greenLightBlockers(context, event), ...ruleBlockers(context, event, decisiveDecision(context, event.type, event.decisions))];
}

/**
 * An application is received on its day, complete or not (issue 18): a missing participation
 * account starts a hersteltermijn (Awb art. 4:5) and holds the decision on it, not the receipt.
 */
function submissionBlockers(event: FormallySubmittedEvent): Blocker[] {
  return event.submittedOn && event.reference ? [] : [blocker('submission-incomplete', BLOCKER_MESSAGES['submission-incomplete']())];
}

/**
 * Omgevingsregeling art. 7.4: whether participation took place, how and with what results. Where
 * the raad made it mandatory (Omgevingswet art. 16.55 lid 7), it must have taken place.
 */
export function applicantAccountMissing(account: ApplicantParticipationAccount | null): string[] {
  const filled = (text: string | undefined) => !!text?.trim();
  return [...(account?.tookPlace === true ? [] : ['tookPlace']), ...(filled(account?.how) ? [] : ['how']), ...(filled(account?.results) ? [] : ['results'])];
}

function greenLightBlockers(context: ProjectContext, event: GatedEvent): Blocker[] {
  const gate = event.type;
  const body = requiredBody(context, gate);
  const decisive = decisiveDecision(context, gate, event.decisions);
  if (decisive?.outcome === 'approved') {
    // Issue 18, order of events: an approval dated before a fact its step rests on proves nothing.
    const tooEarly = greenLightTooEarly(context, gate, decisive.decidedOn, event.dossier);
    return tooEarly.length > 0 ? [{ code: 'green-light-too-early', message: BLOCKER_MESSAGES['green-light-too-early'](body, decisive.decidedOn, tooEarly), on: decisive.decidedOn }] : [];
  }
  if (decisive?.outcome === 'rejected') {
    return [{ code: 'green-light-rejected', message: BLOCKER_MESSAGES['green-light-rejected'](body, gate, decisive.decidedOn, decisive.reason), on: decisive.decidedOn, ...(decisive.reason && { reason: decisive.reason }) }];
  }
  const approvedByOtherBody = event.decisions.some((d) => d.gate === gate && d.cycle === context.cycle && d.outcome === 'approved');
  if (approvedByOtherBody) return [{ code: 'green-light-wrong-body', message: BLOCKER_MESSAGES['green-light-wrong-body'](body, gate) }];
  // §2.4: the body postponed its decision; the step still waits for it, and the reader learns when and why.
  const deferred = latestOfRequiredBody(context, gate, event.decisions, (outcome) => outcome === 'deferred');
  if (deferred) return [{ code: 'green-light-deferred', message: BLOCKER_MESSAGES['green-light-deferred'](body, gate, deferred.decidedOn, deferred.reason), on: deferred.decidedOn, ...(deferred.reason && { reason: deferred.reason }) }];
  return [{ code: 'green-light-missing', message: BLOCKER_MESSAGES['green-light-missing'](body, gate) }];
}

const blocker = (code: BlockerCode, message: Blocker['message'], missing?: string[]): Blocker => ({ code, message, ...(missing && { missing }) });

/** The guide's conditions for each step, judged on the project's file. */
function ruleBlockers(context: ProjectContext, { type, dossier }: GatedEvent, decisive: GreenLight | undefined): Blocker[] {
  const found: Blocker[] = [];
  // §2.4: where the adopted plan says so, the raad is informed (raadsinformatiebrief or commissie) before this step.
  const informing = context.raadInforming?.[type];
  if (informing && !dossier.raadInformed.some((i) => i.gate === type)) found.push(blocker('raad-not-informed', BLOCKER_MESSAGES['raad-not-informed'](informing)));
  // Uitdaagrecht: the municipality decides on a challenge after assessing it, within the term it set.
  if ((type === 'START_INTERACTIVE' || type === 'DECIDE_NON_INTERACTIVE') && isChallenge(context)) {
    if (!dossier.challengeAssessment) found.push(blocker('challenge-assessment-missing', BLOCKER_MESSAGES['challenge-assessment-missing']()));
    // A challenge not honoured ends: the municipality keeps the task, and the project stops with the reasons (issue 18).
    else if (dossier.challengeAssessment.conclusion === 'not-honoured') found.push(blocker('challenge-not-honoured', BLOCKER_MESSAGES['challenge-not-honoured'](dossier.challengeAssessment.assessedOn)));
  }
  // Uitdaagrecht (issue 18): a challenge honoured is taken up by an agreement with its term, and executed under it.
  if (type === 'DECISION_TAKEN' && isChallenge(context) && dossier.challengeAssessment?.conclusion === 'honoured' && !dossier.challengeAgreement) {
    found.push(blocker('challenge-agreement-missing', BLOCKER_MESSAGES['challenge-agreement-missing']()));
  }
  // One not honoured ends with its reasons sent to the challenger (Awb art. 3:41, 3:46).
  if (type === 'STOP' && isChallenge(context) && dossier.challengeAssessment?.conclusion === 'not-honoured' && !dossier.challengeAssessment.challengerInformedOn) {
    found.push(blocker('challenger-not-informed', BLOCKER_MESSAGES['challenger-not-informed']()));
  }
  // Omgevingswet art. 16.55 lid 7: the application was received without the account the raad made mandatory; it is decided on once complete (Awb art. 4:5).
  if ((type === 'START_INTERACTIVE' || type === 'DECIDE_NON_INTERACTIVE') && context.participationMandatory) {
    const missing = applicantAccountMissing(dossier.applicantAccount ?? null);
    if (missing.length > 0) found.push(blocker('participation-account-missing', BLOCKER_MESSAGES['participation-account-missing'](missing), missing));
  }
  if (type === 'START_INTERACTIVE' || type === 'DECIDE_NON_INTERACTIVE') {
    const scan = assessQuickScan(dossier.quickScan);
    if (!scan.complete) found.push(blocker('quick-scan-incomplete', BLOCKER_MESSAGES['quick-scan-incomplete'](scan.missing), scan.missing));
    // Going against the advice, either way, is legitimate (§1.6), but the decision must say why.
    const againstAdvice = (type === 'START_INTERACTIVE' && scan.advice === 'not-interactive') || (type === 'DECIDE_NON_INTERACTIVE' && scan.advice === 'interactive');
    if (againstAdvice && decisive?.outcome === 'approved' && !decisive.justification?.trim()) {
      found.push(blocker('justification-required', BLOCKER_MESSAGES['justification-required'](scan.advice === 'interactive' ? 'interactive' : 'not-interactive')));
    }
  }
  // §1.4 with afdeling 3.4 Awb: without interaction no plan follows, so the inspraak is settled here, and it cannot be interactive.
  if (type === 'DECIDE_NON_INTERACTIVE' && dossier.quickScan) {
    const inspraak = inspraakOf(null, dossier.quickScan);
    if (!inspraak) found.push(blocker('inspraak-form-missing', BLOCKER_MESSAGES['inspraak-form-missing'](), ['inspraak.form']));
    else if (inspraak.form === 'a') found.push(blocker('inspraak-form-interactive', BLOCKER_MESSAGES['inspraak-form-interactive']()));
  }
  // §2.4: a project closes after its evaluation, with a verdict on each goal and the participants' judgement.
  if (type === 'CLOSE') {
    const missing = evaluationMissing(dossier.evaluation, dossier.plan);
    if (missing.length > 0) found.push(blocker('evaluation-incomplete', BLOCKER_MESSAGES['evaluation-incomplete'](missing), missing));
  }
  if (type === 'COMMIT') {
    const missing = commitmentMissing(dossier.commitment);
    if (missing.length > 0) found.push(blocker('commitment-incomplete', BLOCKER_MESSAGES['commitment-incomplete'](missing), missing));
  }
  if (type === 'ADOPT_PLAN') {
    const missing = planMissingParts(dossier.plan);
    if (missing.length > 0) found.push(blocker('plan-incomplete', BLOCKER_MESSAGES['plan-incomplete'](missing), missing));
  }
  if (type === 'ADVICE_SUBMITTED') found.push(...inspectionBlockers(dossier));
  const phase = ENTERS_PHASE[type];
  const level = phase && dossier.plan?.levels?.[phase];
  if (phase && level && needsAnnouncement(level) && !dossier.announcements.some((a) => a.phase === phase && a.level === level)) {
    found.push(blocker('level-not-communicated', BLOCKER_MESSAGES['level-not-communicated'](phase, level)));
  }
  return found;
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
