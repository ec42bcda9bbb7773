/**
 * The gates of the life cycle and the bodies that open them (§2.4): a module of their own, so
 * the plan of approach (machines/interaction/plan.ts) and the project's types need not import
 * each other.
 */

/** College van B&W (the executive) or gemeenteraad (the council). */
export type GoverningBody = 'college' | 'raad';
export const GOVERNING_BODIES: readonly GoverningBody[] = ['college', 'raad'];

/** A deferral (aangehouden, §2.4) records that the body postponed its decision: it closes nothing and opens nothing. */
export type DecisionOutcome = 'approved' | 'rejected' | 'deferred';
export const DECISION_OUTCOMES: readonly DecisionOutcome[] = ['approved', 'rejected', 'deferred'];

/** Every event that needs a green light of the college or the raad (§2.4). */
export const GATED_EVENTS = [
  'START_INTERACTIVE',
  'DECIDE_NON_INTERACTIVE',
  'COMMIT',
  'ADOPT_PLAN',
  'PROBLEM_DEFINED',
  'SOLUTIONS_CHOSEN',
  'ADVICE_SUBMITTED',
  'DECISION_TAKEN',
  'EXECUTION_COMPLETED',
  'START_NEW_CYCLE',
  'CLOSE',
  'STOP',
] as const;
export type GatedEventType = (typeof GATED_EVENTS)[number];

export const EVENT_TYPES = ['FORMALLY_SUBMITTED', ...GATED_EVENTS] as const;
export type ProjectEventType = (typeof EVENT_TYPES)[number];

export function isGatedEvent(type: string): type is GatedEventType {
  return (GATED_EVENTS as readonly string[]).includes(type);
}

/**
 * Per gate, as the adopted plan says (§2.3 part 7, §2.4): the raad is informed before the green
 * light (`before`), or informing the raad is the accountability itself and no decision is taken (`instead`).
 */
export type RaadInforming = 'before' | 'instead';
