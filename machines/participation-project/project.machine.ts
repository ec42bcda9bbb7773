import { assign, setup, type MachineConfig } from 'xstate';
import { defaultGuide, guideHash, guideOf } from '../guide/guide-registry';
import { stepsOf } from '../guide/guide-steps';
import type { GuideDocument, GuideStep } from '../guide/guide.types';
import { blockers, decisiveDecision, needsGreenLight } from './blockers';
import type { ProjectContext, ProjectEvent, ProjectEventType, ProjectInput } from './project.types';

/** The tag of the states in which the municipality's silence towards participants is counted (§2.4). */
export const SILENCE_COUNTED = 'silence-counted';

/**
 * The life of a participation project: the guards and actions every guide's machine shares
 * (Interactiewijzer 2018, §1.3, §2.1–2.4). No timers here: deadlines live in the database and come
 * back as events.
 */
const projectSetup = setup({
  types: {
    context: {} as ProjectContext,
    events: {} as ProjectEvent,
    input: {} as ProjectInput,
  },
  guards: {
    isOrigin: ({ context }, params: { origin: ProjectContext['origin'] }) => context.origin === params.origin,
    hasNoBlockers: ({ context, event }) => blockers(context, event).length === 0,
  },
  actions: {
    recordSubmission: assign({
      submission: ({ event }) =>
        event.type === 'FORMALLY_SUBMITTED' && event.submittedOn && event.reference
          ? { submittedOn: event.submittedOn, reference: event.reference }
          : null,
      participationMandatory: ({ event }) => (event.type === 'FORMALLY_SUBMITTED' && event.participation ? { ...event.participation } : null),
    }),
    startNextCycle: assign({ cycle: ({ context }) => context.cycle + 1 }),
    // The day of the decision behind this step: the next green light cannot be dated before it (issue 18).
    noteStepDay: assign({
      lastStepOn: ({ context, event }) => {
        if (event.type === 'FORMALLY_SUBMITTED') return event.submittedOn ?? context.lastStepOn;
        return needsGreenLight(context, event.type) ? (decisiveDecision(context, event.type, event.decisions)?.decidedOn ?? context.lastStepOn) : context.lastStepOn;
      },
    }),
    // §2.3 part 7 and §2.4: the adopted plan says which body gives the green light per gate, and where the raad is informed.
    adoptGateBodies: assign({
      gateBodies: ({ context, event }) => ({ ...context.gateBodies, ...(event.type === 'ADOPT_PLAN' ? event.dossier.plan?.process?.gateBodies : undefined) }),
      raadInforming: ({ context, event }) => ({ ...context.raadInforming, ...(event.type === 'ADOPT_PLAN' ? event.dossier.plan?.process?.raadInforming : undefined) }),
    }),
  },
});

/** What an event does besides moving the project: the product's meaning of each kind of step, the same in every guide. */
const ACTIONS_OF: Partial<Record<ProjectEventType, readonly string[]>> = {
  FORMALLY_SUBMITTED: ['recordSubmission', 'noteStepDay'],
  ADOPT_PLAN: ['adoptGateBodies', 'noteStepDay'],
  START_NEW_CYCLE: ['startNextCycle', 'noteStepDay'],
};

/** Every step's dotted path in the machine, by its id: transitions name a step, the machine needs its place. */
export function stepPaths(steps: readonly GuideStep[]): Map<string, string> {
  return new Map([...stepsOf(steps)].map(({ step, path }) => [step.id, path]));
}

type StateConfig = NonNullable<MachineConfig<ProjectContext, ProjectEvent>['states']>[string];

function stateConfig(step: GuideStep, paths: ReadonlyMap<string, string>): StateConfig {
  const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('.')));
  // A sibling by its name, as a machine written by hand does; any other step by its id in the machine.
  const target = (id: string) => (parentOf(paths.get(id) ?? id) === parentOf(paths.get(step.id) ?? step.id) ? id : `#participationProject.${paths.get(id) ?? id}`);
  const on = Object.fromEntries((step.transitions ?? []).map(({ event, to }) => [event, { target: target(to), guard: 'hasNoBlockers', actions: ACTIONS_OF[event] ?? ['noteStepDay'] }]));
  // A step for one origin only: a project of the other origin passes straight on (intake, §1 intro).
  const other = step.onlyFor === 'initiative' ? 'municipality' : 'initiative';
  return {
    ...(step.final && { type: 'final' as const }),
    ...(step.countsSilence && { tags: ['silence-counted'] }),
    ...(step.onlyFor && step.otherwise && { always: { target: target(step.otherwise), guard: { type: 'isOrigin', params: { origin: other } } } }),
    ...(step.steps?.length && { initial: step.steps[0].id, states: Object.fromEntries(step.steps.map((inner) => [inner.id, stateConfig(inner, paths)])) }),
    ...(Object.keys(on).length > 0 && { on }),
  } as StateConfig;
}

function buildMachine(guide: GuideDocument) {
  const paths = stepPaths(guide.steps);
  return projectSetup.createMachine({
    id: 'participationProject',
    context: ({ input }) => ({
      origin: input.origin,
      politicalSensitivity: input.politicalSensitivity,
      cycle: 1,
      gateBodies: input.gateBodies ?? {},
      submission: null,
      ...(input.decisionKind && input.decisionKind !== 'other' && { decisionKind: input.decisionKind }),
      ...(input.origin === 'initiative' && { initiativeKind: input.initiativeKind ?? 'initiative', permitActivity: input.permitActivity ?? null }),
      ...(input.guide && { guide: input.guide }),
      // §2.4 as the guide says it; the adopted plan may add gates (adoptGateBodies).
      ...(guide.raadInforming && { raadInforming: { ...guide.raadInforming } }),
    }),
    initial: guide.steps[0].id,
    states: Object.fromEntries(guide.steps.map((step) => [step.id, stateConfig(step, paths)])) as Parameters<typeof projectSetup.createMachine>[0]['states'],
  });
}

export type ParticipationProjectMachine = ReturnType<typeof buildMachine>;

/** One machine per guide version, built on first use: a version never changes, so neither does its machine. */
const MACHINES = new Map<string, ParticipationProjectMachine>();
/** By the document itself too: every transition asks for its machine, and hashing a whole guide each time would cost more than the step. */
const BY_DOCUMENT = new WeakMap<GuideDocument, ParticipationProjectMachine>();

export function machineFor(guide: GuideDocument): ParticipationProjectMachine {
  let machine = BY_DOCUMENT.get(guide);
  if (!machine) {
    const sha256 = guideHash(guide);
    machine = MACHINES.get(sha256) ?? buildMachine(guide);
    MACHINES.set(sha256, machine);
    BY_DOCUMENT.set(guide, machine);
  }
  return machine;
}

/** The machine of the guide a project runs under. */
export const machineOf = (context: Pick<ProjectContext, 'guide'>): ParticipationProjectMachine => machineFor(guideOf(context));

/** The default guide's machine (Interactiewijzer Overbetuwe 2018). */
export const participationProjectMachine = machineFor(defaultGuide());
