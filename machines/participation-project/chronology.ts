import { addDays, postalWeekEnd } from '../interaction/legal-terms';
import type { Dossier, GatedEventType, ProjectContext } from './project.types';

/** A fact a green light rests on, which the decision cannot precede. */
export type ChronologyFact = 'previous-step' | 'quick-scan' | 'plan' | 'inspection-term' | 'inspection-postal-week' | 'answers' | 'raad-information';

export interface TooEarly {
  fact: ChronologyFact;
  /** The day of the fact, YYYY-MM-DD. */
  day: string;
  /** The first day a decision resting on it may bear. */
  earliest: string;
  source: string;
}

/** The steps taken after the inspection of the draft in a cycle: their decision rests on its term and on the answers. */
const AFTER_INSPECTION: ReadonlySet<GatedEventType> = new Set<GatedEventType>(['ADVICE_SUBMITTED', 'DECISION_TAKEN']);

/** The steps whose order of events reads the project's file; for the others the previous step is all. */
const ROUTE_OR_PLAN: ReadonlySet<GatedEventType> = new Set<GatedEventType>(['START_INTERACTIVE', 'DECIDE_NON_INTERACTIVE', 'ADOPT_PLAN']);

export function greenLightRestsOnFile(context: ProjectContext, gate: GatedEventType): boolean {
  return ROUTE_OR_PLAN.has(gate) || AFTER_INSPECTION.has(gate) || context.raadInforming?.[gate] === 'before';
}

/**
 * Why a green light dated `decidedOn` cannot be true: it lies before a fact its step rests on
 * (issue 18, order of events). Empty when the order holds.
 * - the decision behind the previous step, or the submission (§2.4: one process, step by step);
 * - the quick scan for the route (§1.6, §2.1), the version of the plan it adopts (§2.3);
 * - after an inspection: the end of the term (Awb art. 3:16 lid 1), and under afdeling 3.4 the
 *   week in which a letter posted within it may still arrive (art. 3:16 lid 3 with 6:9 lid 2);
 *   and the answers to the zienswijzen, which the decision's reasons rest on (Awb art. 3:46);
 * - where the plan has the raad informed `before` the step: that information (§2.4).
 */
export function greenLightTooEarly(context: ProjectContext, gate: GatedEventType, decidedOn: string, dossier: Dossier): TooEarly[] {
  const found: TooEarly[] = [];
  const notBefore = (fact: ChronologyFact, day: string | null | undefined, source: string) => {
    if (day && decidedOn < day) found.push({ fact, day, earliest: day, source });
  };
  const after = (fact: ChronologyFact, day: string | null | undefined, source: string) => {
    if (day && decidedOn <= day) found.push({ fact, day, earliest: addDays(day, 1), source });
  };
  // A stop may be decided at any time; every other step follows the one before it.
  if (gate !== 'STOP') notBefore('previous-step', context.lastStepOn, 'Interactiewijzer §2.4');
  if (gate === 'START_INTERACTIVE' || gate === 'DECIDE_NON_INTERACTIVE') notBefore('quick-scan', dossier.recordedOn?.quickScan, 'Interactiewijzer §1.6, §2.1');
  if (gate === 'ADOPT_PLAN') notBefore('plan', dossier.recordedOn?.plan, 'Interactiewijzer §2.3');
  if (AFTER_INSPECTION.has(gate) && dossier.inspection) {
    const { endsOn } = dossier.inspection;
    if (dossier.inspection.postalWeek) after('inspection-postal-week', postalWeekEnd(endsOn), 'Awb art. 3:16 lid 3 with art. 6:9 lid 2');
    else after('inspection-term', endsOn, 'Awb art. 3:16 lid 1');
    notBefore('answers', dossier.lastAnsweredOn, 'Awb art. 3:46');
  }
  if (context.raadInforming?.[gate] === 'before') {
    const informed = dossier.raadInformed.filter((i) => i.gate === gate && i.date);
    if (informed.length > 0 && !informed.some((i) => i.date! < decidedOn)) {
      after('raad-information', informed.map((i) => i.date!).sort()[0], 'Interactiewijzer §2.4');
    }
  }
  return found;
}
