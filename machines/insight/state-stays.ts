import { dutchDay } from '../calendar/dutch-day';

const DAY_MS = 86_400_000;

/** What the trail says of one step: the state it left, when that state was entered, and the step's own entry. */
export interface StepFacts {
  projectId: string;
  seq: number;
  state: string;
  enteredAt: string;
  leftAt: string;
  event: string;
  greenLight?: { body: string; decidedOn: string };
  levels?: Record<string, string>;
}

/** One stay of a project in a state, as insight counts it (stored as a row of state_stays). */
export interface StateStay {
  projectId: string;
  seq: number;
  state: string;
  event: string;
  enteredAt: string;
  leftAt: string;
  days: number;
  /** The Dutch year the stay ended in. */
  leftYear: number;
  greenLightBody: string | null;
  waitDays: number | null;
  levels: string | null;
}

/** A stay from the step that ended it; the same sums whether written by the step or rebuilt from the trail. */
export function stateStay(step: StepFacts): StateStay {
  const entered = Date.parse(step.enteredAt);
  return {
    projectId: step.projectId,
    seq: step.seq,
    state: step.state,
    event: step.event,
    enteredAt: step.enteredAt,
    leftAt: step.leftAt,
    days: (Date.parse(step.leftAt) - entered) / DAY_MS,
    leftYear: Number(dutchDay(new Date(step.leftAt)).slice(0, 4)),
    greenLightBody: step.greenLight?.body ?? null,
    // A green light is dated by day: counted from noon, never below zero.
    waitDays: step.greenLight ? Math.max(0, (Date.parse(`${step.greenLight.decidedOn}T12:00:00Z`) - entered) / DAY_MS) : null,
    levels: step.levels ? JSON.stringify(step.levels) : null,
  };
}

/** The trail's entries that move a project, in order: created, submitted (an initiative), and every transition. */
export const MOVING_ENTRIES = ['project-created', 'submission-recorded', 'transition'] as const;

/**
 * Every stay that ended, from one project's moving entries in order (payload already parsed):
 * each step ends the stay in the state the previous entry led to.
 */
export function staysOf(projectId: string, entries: Array<{ seq: number; occurredAt: string; type: string; payload: Record<string, unknown> }>): StateStay[] {
  const stays: StateStay[] = [];
  let entered: { state: string; at: string } | undefined;
  for (const entry of entries) {
    const p = entry.payload;
    if (entry.type !== 'project-created' && entered) {
      stays.push(stateStay({ projectId, seq: entry.seq, state: entered.state, enteredAt: entered.at, leftAt: entry.occurredAt, event: String(p.event), greenLight: p.greenLight as StepFacts['greenLight'], levels: p.levels as StepFacts['levels'] }));
    }
    entered = { state: String(entry.type === 'project-created' ? p.state : p.to), at: entry.occurredAt };
  }
  return stays;
}
