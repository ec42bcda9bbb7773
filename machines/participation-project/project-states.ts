import type { Level, Phase } from '../interaction/catalogue';
import type { Plan } from '../interaction/plan';
import type { QuickScan } from '../interaction/quick-scan';
import { participationProjectMachine, type ParticipationProjectMachine } from './project.machine';
import { ENDED_STATES, isEndedState } from './project-snapshot';

/**
 * Where a project stands, as predicates over its stored state id (`policyCycle.preparation.advice`).
 * Outside machines/ no state name is written as a string: the service and the pages ask these.
 */

/** A third party's initiative, not yet formally submitted: the municipality only advises (§1.1, initiate). */
export function inIntake(stateId: string): boolean {
  return stateId === 'intake';
}

/** The phase of the policy cycle a state belongs to, if any (§1.3: a level per phase). */
export const PHASE_STATES: Readonly<Record<Phase, string>> = {
  preparation: 'policyCycle.preparation',
  decisionMaking: 'policyCycle.decisionMaking',
  execution: 'policyCycle.execution',
  evaluation: 'policyCycle.evaluation',
};

export function phaseOf(stateId: string): Phase | undefined {
  return (Object.keys(PHASE_STATES) as Phase[]).find((phase) => stateId === PHASE_STATES[phase] || stateId.startsWith(`${PHASE_STATES[phase]}.`));
}

/**
 * The level planned for the phase a state belongs to (§1.3): the plan's, or, on the route
 * without interaction (no plan), the one the quick scan recorded for the whole project.
 */
export function plannedLevel(stateId: string, file: { plan: Plan | null; quickScan: QuickScan | null }): Level | undefined {
  const phase = phaseOf(stateId);
  return phase && levelOfPhase(phase, file);
}

/**
 * The level of a phase (§1.3): the plan's, or, for a project that goes ahead without interaction
 * and so without a plan, the level the quick scan chose for it (§1.4: informing, or no role).
 */
export function levelOfPhase(phase: Phase, file: { plan: Plan | null; quickScan: QuickScan | null }): Level | undefined {
  return file.plan ? file.plan.levels?.[phase] : file.quickScan?.levelWithoutInteraction;
}

/** Preparation is when a draft decision is laid open for inspection (afdeling 3.4 Awb). */
export function inPreparation(stateId: string): boolean {
  return phaseOf(stateId) === 'preparation';
}

/** The part of the project's file each state before the policy cycle works on (§2.1–§2.3): its form is the one open there. */
export const FILE_PART_OF_STATE: Readonly<Record<string, 'quick-scan' | 'commitment' | 'plan'>> = {
  intake: 'quick-scan',
  quickScan: 'quick-scan',
  formalCommitment: 'commitment',
  planOfApproach: 'plan',
};

/** The stages of a machine: its top-level states, with the policy cycle's phases in its place, in the machine's order. */
export function stagesOf(machine: ParticipationProjectMachine): string[] {
  return Object.keys(machine.root.states).flatMap((key) => (key === 'policyCycle' ? Object.values(PHASE_STATES) : [key]));
}

/** The states a list can be filtered on: the default guide's stages. */
export const FILTER_STATES: readonly string[] = stagesOf(participationProjectMachine);

export type StageStatus = 'done' | 'skipped' | 'current' | 'upcoming';

/**
 * The life cycle as a line of stages in the machine's order (the step indicator): each done (left
 * by a step), skipped (the route went past it), current or still to come. Intake only for an
 * initiative; one end: the one reached, or the first (closing).
 */
export function lifeCycleStages(stateId: string, origin: string, leftStates: readonly string[], machine: ParticipationProjectMachine = participationProjectMachine): Array<{ key: string; status: StageStatus }> {
  const end = isEndedState(stateId) ? stateId : ENDED_STATES[0];
  const keys = stagesOf(machine).filter((key) => (origin === 'initiative' || !inIntake(key)) && (!isEndedState(key) || key === end));
  const stageOf = (state: string) => keys.find((key) => state === key || state.startsWith(`${key}.`)) ?? state;
  const left = new Set(leftStates.map(stageOf));
  const current = keys.indexOf(stageOf(stateId));
  return keys.map((key, i) => ({ key, status: i === current ? 'current' : left.has(key) ? 'done' : i < current ? 'skipped' : 'upcoming' }));
}
