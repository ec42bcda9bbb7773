import type { GatedEventType, GoverningBody, RaadInforming } from '../participation-project/gates';
import { ADVICE_WEIGHT_NAMES, describeInspraakForm, describeLevel, PHASES, type AdviceWeight, type CommitmentDocument, type Goal, type InspraakForm, type InspraakProcedure, type Level, type Phase, type Text } from './catalogue';
import type { QuickScan } from './quick-scan';

/** §2.2: where the interactive approach is laid down, and the process agreements made with the actors. */
export interface Commitment {
  laidDownIn?: CommitmentDocument;
  reference?: string;
  processAgreements?: Array<{ party: string; agreement: string }>;
}

/**
 * §2.4: the evaluation phase looks back: per goal of the plan, was it achieved, and how did
 * the participants judge the process.
 */
export interface Evaluation {
  goals?: Array<{ goal: string; achieved: boolean; explanation?: string }>;
  participantsJudgement?: string;
  lessons?: string;
}

/** What the evaluation still lacks: a verdict on each goal of the plan (its key or own text), and the participants' judgement. */
export function evaluationMissing(evaluation: Evaluation | null, plan: Plan | null): string[] {
  const goals = [...(plan?.goals?.standard ?? []), ...(plan?.goals?.own ?? [])];
  const judged = new Set((evaluation?.goals ?? []).map((g) => g.goal));
  return [...goals.filter((goal) => !judged.has(goal)).map((goal) => `goals.${goal}`), ...(evaluation?.participantsJudgement?.trim() ? [] : ['participantsJudgement'])];
}

export function commitmentMissing(commitment: Commitment | null): string[] {
  return [
    ...(commitment?.laidDownIn ? [] : ['laidDownIn']),
    ...(commitment?.reference ? [] : ['reference']),
    ...(commitment?.processAgreements?.length ? [] : ['processAgreements']),
  ];
}

/** §2.3 (seven parts) and §2.4 (advice weight, frames), and §1.4 (inspraak). May be saved while incomplete. */
export interface Plan {
  targetGroups?: Array<{ stakeholderId?: string; name: string; why: string }>;
  goals?: { standard?: Goal[]; own?: string[] };
  levels?: Partial<Record<Phase, Level>>;
  scope?: { inScope?: string; outOfScope?: string; offTopicHandling?: string };
  opportunitiesAndThreats?: { opportunities?: string[]; threats?: Array<{ threat: string; mitigation: string }> };
  approach?: { workForms?: string[]; planning?: string; tasks?: string; feedback?: string };
  process?: {
    timeline?: Array<{ title: string; date: string }>;
    decisionMaking?: string;
    gateBodies?: Partial<Record<GatedEventType, GoverningBody>>;
    /** §2.4: gates before which the raad is informed, or where informing it takes the place of a decision. */
    raadInforming?: Partial<Record<GatedEventType, RaadInforming>>;
  };
  adviceWeight?: AdviceWeight;
  frames?: Array<{ description: string; kind: 'hard' | 'soft' }>;
  inspraak?: InspraakChoice;
}

/** §1.4: whether the law requires inspraak, and the form chosen. */
export interface InspraakChoice {
  legallyRequired: boolean;
  form: InspraakForm;
}

export const PLAN_PARTS = ['targetGroups', 'goals', 'levels', 'scope', 'opportunitiesAndThreats', 'approach', 'process', 'adviceWeight', 'frames', 'inspraak'] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];

const filled = (text: string | undefined) => !!text && text.trim().length > 0;

const PART_COMPLETE: Record<PlanPart, (plan: Plan) => boolean> = {
  targetGroups: (p) => !!p.targetGroups?.length,
  goals: (p) => (p.goals?.standard?.length ?? 0) + (p.goals?.own?.length ?? 0) > 0,
  levels: (p) => PHASES.every((phase) => !!p.levels?.[phase]),
  scope: (p) => filled(p.scope?.inScope) && filled(p.scope?.outOfScope) && filled(p.scope?.offTopicHandling),
  opportunitiesAndThreats: (p) => !!p.opportunitiesAndThreats?.opportunities?.length && !!p.opportunitiesAndThreats?.threats?.length && p.opportunitiesAndThreats.threats.every((t) => filled(t.mitigation)),
  approach: (p) => !!p.approach?.workForms?.length && filled(p.approach.planning) && filled(p.approach.tasks) && filled(p.approach.feedback),
  process: (p) => !!p.process?.timeline?.length && filled(p.process.decisionMaking),
  adviceWeight: (p) => !!p.adviceWeight,
  frames: (p) => !!p.frames?.length,
  inspraak: (p) => !!p.inspraak,
};

/** The parts still missing or incomplete; empty when the plan can be adopted. */
export function planMissingParts(plan: Plan | null): PlanPart[] {
  return PLAN_PARTS.filter((part) => !plan || !PART_COMPLETE[part](plan));
}

/** §1.4: the forms on offer depend on whether inspraak is legally required. */
export function inspraakFormAllowed(inspraak: { legallyRequired: boolean; form: InspraakForm }): boolean {
  return describeInspraakForm(inspraak.form).legallyRequired === inspraak.legallyRequired;
}

/**
 * The project's inspraak (§1.4): the plan's where it sets one, else what the quick scan recorded
 * when the route was decided, so a project decided non-interactive (no plan) is bound too.
 */
export function inspraakOf(plan: Plan | null, quickScan: QuickScan | null): InspraakChoice | null {
  if (plan?.inspraak) return plan.inspraak;
  const recorded = quickScan?.inspraak;
  return recorded?.form && recorded.legallyRequired !== undefined ? { legallyRequired: recorded.legallyRequired, form: recorded.form } : null;
}

/**
 * §1.4 with afdeling 3.4 Awb: the duty of inspraak recorded with the quick scan, when the route
 * was decided, carries into the plan. The plan may choose the form, not undo the law: a plan
 * without inspraak takes the scan's; one that says otherwise about the duty is refused.
 */
export function planWithScannedInspraak(plan: Plan, quickScan: QuickScan | null): { plan: Plan } | { dutyDiffers: boolean } {
  const duty = quickScan?.inspraak?.legallyRequired;
  const scanned = inspraakOf(null, quickScan);
  const carried = !plan.inspraak && scanned ? { ...plan, inspraak: scanned } : plan;
  return carried.inspraak && typeof duty === 'boolean' && carried.inspraak.legallyRequired !== duty ? { dutyDiffers: duty } : { plan: carried };
}

/** How the draft lies open for reactions under the project's inspraak, or null when it does not (forms a and d, or none chosen). */
export function inspectionProcedure(plan: Plan | null, quickScan: QuickScan | null): InspraakProcedure | null {
  const inspraak = inspraakOf(plan, quickScan);
  return inspraak ? describeInspraakForm(inspraak.form).procedure : null;
}

export interface LevelWarning {
  code: 'resistance-risk' | 'less-support-risk' | 'inspraak-form-without-interactive-level' | 'inspraak-form-without-inspraak-level' | 'advice-weight-contradicts-level';
  text: Text;
}

/** §1.3: different levels in preparation and execution carry risks; warnings, not blockers. */
export function levelWarnings(levels: Partial<Record<Phase, Level>> | undefined): LevelWarning[] {
  const preparation = levels?.preparation;
  const execution = levels?.execution;
  if (!preparation || !execution || preparation === execution) return [];
  // A lower rank is more influence.
  return describeLevel(preparation).rank < describeLevel(execution).rank
    ? [{ code: 'resistance-risk', text: { nl: 'Meer invloed in de voorbereiding dan in de uitvoering kan weerstand oproepen.', en: 'More influence in preparation than in execution may cause resistance.' } }]
    : [{ code: 'less-support-risk', text: { nl: 'Minder invloed in de voorbereiding dan in de uitvoering kan het draagvlak voor wat al besloten is verkleinen.', en: 'Less influence in preparation than in execution may weaken support for what was already decided.' } }];
}

/** The categories (§1.2) of the levels a plan sets, over all its phases. */
function plannedCategories(plan: Plan): Set<string> {
  return new Set(PHASES.map((phase) => plan.levels?.[phase]).filter((level): level is Level => !!level).map((level) => describeLevel(level).category));
}

/**
 * §1.4 form (d), "no inspraak and no interaction", cannot go with a level of inspraak or
 * interactive policy (§1.2: levels 1 to 5) in any phase: the plan contradicts itself.
 */
export function inspraakFormContradiction(plan: Plan): Text | null {
  if (plan.inspraak?.form !== 'd') return null;
  const categories = plannedCategories(plan);
  if (!categories.has('interactive-policy') && !categories.has('inspraak')) return null;
  return {
    nl: 'Inspraakvorm d betekent geen inspraak en geen interactie (§1.4), maar het plan geeft een fase een niveau van inspraak of interactief beleid. Kies een andere vorm of pas de niveaus aan.',
    en: 'Inspraak form d means no inspraak and no interaction (§1.4), yet the plan gives a phase a level of inspraak or interactive policy. Choose another form or change the levels.',
  };
}

/**
 * §1.4 with §1.2, where the guide leaves room (levels may differ per phase, §1.3): form (a) is
 * an interactive level, so at least one phase should have one; forms (b) and (c) are inspraak,
 * so at least one phase should have an inspraak level (advising). Warnings, not refusals.
 */
export function inspraakFormWarnings(plan: Plan): LevelWarning[] {
  const form = plan.inspraak?.form;
  const categories = plannedCategories(plan);
  if (categories.size === 0) return [];
  if (form === 'a' && !categories.has('interactive-policy')) {
    return [{ code: 'inspraak-form-without-interactive-level', text: { nl: 'Inspraakvorm a kiest voor interactief beleid (§1.4), maar geen fase heeft een interactief niveau (initiëren, samenwerken of meebeslissen).', en: 'Inspraak form a chooses interactive policy (§1.4), but no phase has an interactive level (initiate, collaborate or co-decide).' } }];
  }
  if ((form === 'b' || form === 'c') && !categories.has('inspraak')) {
    return [{ code: 'inspraak-form-without-inspraak-level', text: { nl: `Inspraakvorm ${form} is inspraak (§1.4), maar geen fase heeft een inspraakniveau (adviseren vanaf het begin of aan het eind).`, en: `Inspraak form ${form} is inspraak (§1.4), but no phase has an inspraak level (advising early or late).` } }];
  }
  return [];
}

/**
 * §2.4 with §1.2: where participants decide (initiate, collaborate, co-decide), their result
 * should weigh as decisive or final; "we take it into account" or "may be reconsidered" takes
 * back the influence the level promises. A warning: the guide leaves the weighing to the plan.
 */
export function adviceWeightWarnings(plan: Plan): LevelWarning[] {
  const weak = plan.adviceWeight === 'taken-into-account' || plan.adviceWeight === 'open-to-review';
  if (!weak || !plannedCategories(plan).has('interactive-policy')) return [];
  const weight = ADVICE_WEIGHT_NAMES[plan.adviceWeight!];
  return [
    {
      code: 'advice-weight-contradicts-level',
      text: {
        nl: `In een fase beslissen de deelnemers mee (interactief beleid), maar hun inbreng weegt als "${weight.nl}". Dat neemt de invloed terug die het niveau belooft; kies "zwaarwegend" of "niet aan te tornen", of een lager niveau.`,
        en: `Participants decide in a phase (interactive policy), yet their input weighs as "${weight.en}". That takes back the influence the level promises; choose "weighty" or "final", or a lower level.`,
      },
    },
  ];
}

/** Every warning about a plan's levels and form: §1.3 (per phase), §1.4 (the form against the levels) and §2.4 (the weight against the levels). */
export function planWarnings(plan: Plan | null | undefined): LevelWarning[] {
  return plan ? [...levelWarnings(plan.levels), ...inspraakFormWarnings(plan), ...adviceWeightWarnings(plan)] : [];
}

/** The phases whose level differs between two versions of the plan. */
export function changedLevels(before: Plan | null, after: Plan): Phase[] {
  return PHASES.filter((phase) => (before?.levels?.[phase] ?? null) !== (after.levels?.[phase] ?? null));
}
