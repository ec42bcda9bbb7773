import { gateOf } from '../guide/guide-registry';
import { BLOCKER_MESSAGES, type Blocker, type BlockerCode } from './blocker-messages';
import { greenLightTooEarly } from './chronology';
import { competentBody } from './competence';
import { gateRuleBlockers, gateRulesReadFile } from './gate-rules';
import type { Dossier, FormallySubmittedEvent, GatedEvent, GatedEventType, GoverningBody, GreenLight, ProjectContext, ProjectEvent } from './project.types';

/**
 * The body whose green light a gate needs: the raad where the law makes it competent or the
 * guide gives the gate to the raad; else a per-gate override in the plan (§2.3 part 7); else the
 * guide's body, or the political sensitivity (§2.4). Sensitivity and the plan may move a college
 * step to the raad, never a raad step to the college.
 */
export function requiredBody(context: ProjectContext, gate: GatedEventType): GoverningBody {
  const byGuide = gateOf(context, gate)?.body ?? 'by-sensitivity';
  if (competentBody(context, gate) || byGuide === 'raad') return 'raad';
  return context.gateBodies[gate] ?? (byGuide === 'college' || context.politicalSensitivity !== 'high' ? 'college' : 'raad');
}

/**
 * Whether a step needs a green light of the college or raad (§2.4): not where the guide makes it
 * the initiator's own in an initiative (§1.1: the initiator makes its own policy and decides
 * itself), nor where the adopted plan makes informing the raad the accountability for it.
 */
export function needsGreenLight(context: ProjectContext, gate: GatedEventType): boolean {
  if (context.raadInforming?.[gate] === 'instead') return false;
  return !(context.origin === 'initiative' && gateOf(context, gate)?.initiatorOwn);
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
function latestOfRequiredBody(context: ProjectContext, gate: GatedEventType, decisions: readonly GreenLight[], counts: (outcome: GreenLight['outcome']) => boolean, body = requiredBody(context, gate)): GreenLight | undefined {
  return decisions
    .filter((d) => d.gate === gate && d.cycle === context.cycle && d.body === body && counts(d.outcome))
    .reduce<GreenLight | undefined>((latest, d) => (latest === undefined || isLater(d, latest) ? d : latest), undefined);
}

function isLater(a: GreenLight, b: GreenLight): boolean {
  return a.decidedOn !== b.decidedOn ? a.decidedOn > b.decidedOn : a.recordedAt > b.recordedAt;
}

/** Whether the rules of a step read the project's file; for the others the green light is all (a caller may skip loading it). */
export function needsFile(gate: GatedEventType, context?: ProjectContext): boolean {
  // Without a project: one of the municipality's own, with nothing adopted yet.
  const project = context ?? ({ origin: 'municipality' } as ProjectContext);
  return !!project.raadInforming?.[gate] || gateRulesReadFile(project, gateOf(project, gate));
}

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
  const body = requiredBody(context, event.type);
  const decisive = latestOfRequiredBody(context, event.type, event.decisions, (outcome) => outcome !== 'deferred', body);
  return [...greenLightBlockers(context, event, decisive, body), ...ruleBlockers(context, event, decisive)];
}

/**
 * An application is received on its day, complete or not (issue 18): a missing participation
 * account starts a hersteltermijn (Awb art. 4:5) and holds the decision on it, not the receipt.
 */
function submissionBlockers(event: FormallySubmittedEvent): Blocker[] {
  return event.submittedOn && event.reference ? [] : [blocker('submission-incomplete', BLOCKER_MESSAGES['submission-incomplete']())];
}

/** The green light's own blockers: `decisive` is the decision that settles the gate, `body` the one it needs. */
function greenLightBlockers(context: ProjectContext, event: GatedEvent, decisive: GreenLight | undefined, body: GoverningBody): Blocker[] {
  const gate = event.type;
  // The step in the words of the project's guide where it names it.
  const step = gateOf(context, gate)?.label ?? gate;
  if (decisive?.outcome === 'approved') {
    // Issue 18, order of events: an approval dated before a fact its step rests on proves nothing.
    const tooEarly = greenLightTooEarly(context, gate, decisive.decidedOn, event.dossier);
    return tooEarly.length > 0 ? [{ code: 'green-light-too-early', message: BLOCKER_MESSAGES['green-light-too-early'](body, decisive.decidedOn, tooEarly), on: decisive.decidedOn }] : [];
  }
  if (decisive?.outcome === 'rejected') {
    return [{ code: 'green-light-rejected', message: BLOCKER_MESSAGES['green-light-rejected'](body, step, decisive.decidedOn, decisive.reason), on: decisive.decidedOn, ...(decisive.reason && { reason: decisive.reason }) }];
  }
  const approvedByOtherBody = event.decisions.some((d) => d.gate === gate && d.cycle === context.cycle && d.outcome === 'approved');
  if (approvedByOtherBody) return [{ code: 'green-light-wrong-body', message: BLOCKER_MESSAGES['green-light-wrong-body'](body, step) }];
  // §2.4: the body postponed its decision; the step still waits for it, and the reader learns when and why.
  const deferred = latestOfRequiredBody(context, gate, event.decisions, (outcome) => outcome === 'deferred', body);
  if (deferred) return [{ code: 'green-light-deferred', message: BLOCKER_MESSAGES['green-light-deferred'](body, step, deferred.decidedOn, deferred.reason), on: deferred.decidedOn, ...(deferred.reason && { reason: deferred.reason }) }];
  return [{ code: 'green-light-missing', message: BLOCKER_MESSAGES['green-light-missing'](body, step) }];
}

const blocker = (code: BlockerCode, message: Blocker['message']): Blocker => ({ code, message });

/** The guide's rules for the step, judged on the project's file; and where the plan says so, the raad informed first (§2.4). */
function ruleBlockers(context: ProjectContext, event: GatedEvent, decisive: GreenLight | undefined): Blocker[] {
  const found = gateRuleBlockers(context, event, gateOf(context, event.type), decisive);
  const informing = context.raadInforming?.[event.type];
  if (informing && !event.dossier.raadInformed.some((i) => i.gate === event.type)) found.unshift(blocker('raad-not-informed', BLOCKER_MESSAGES['raad-not-informed'](informing)));
  return found;
}
