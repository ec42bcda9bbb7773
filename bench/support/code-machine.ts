/** The machine as code, as it was before guides became data (issue 20): kept for bench/guide-machine to compare against. */
import { assign, setup } from 'xstate';
import { blockers, decisiveDecision, needsGreenLight } from './code-blockers';
import type { ProjectContext, ProjectEvent, ProjectInput } from '../../machines/participation-project/project.types';

/** The tag of the states in which the municipality's silence towards participants is counted (§2.4). */
export const SILENCE_COUNTED = 'silence-counted';

/** A step: taken when nothing blocks it, noting the day of the decision behind it. */
const step = <const Target extends string>(target: Target) => ({ target, guard: 'hasNoBlockers', actions: 'noteStepDay' }) as const;
// A stop is possible from every state that has not ended; final states handle no events at all.
const stop = step('#participationProject.stopped');

/**
 * The life of a participation project (Interactiewijzer 2018, §1.3, §2.1–2.4).
 * No timers here: deadlines live in the database and come back as events.
 */
export const participationProjectMachine = setup({
  types: {
    context: {} as ProjectContext,
    events: {} as ProjectEvent,
    input: {} as ProjectInput,
  },
  guards: {
    isMunicipalityProject: ({ context }) => context.origin === 'municipality',
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
}).createMachine({
  id: 'participationProject',
  context: ({ input }) => ({
    origin: input.origin,
    politicalSensitivity: input.politicalSensitivity,
    cycle: 1,
    gateBodies: input.gateBodies ?? {},
    submission: null,
    ...(input.decisionKind && input.decisionKind !== 'other' && { decisionKind: input.decisionKind }),
    ...(input.origin === 'initiative' && { initiativeKind: input.initiativeKind ?? 'initiative', permitActivity: input.permitActivity ?? null }),
  }),
  initial: 'intake',
  states: {
    intake: {
      // The municipality's own projects need no intake; initiatives wait here until formally submitted.
      always: { target: 'quickScan', guard: 'isMunicipalityProject' },
      on: {
        FORMALLY_SUBMITTED: { target: 'quickScan', guard: 'hasNoBlockers', actions: ['recordSubmission', 'noteStepDay'] },
        STOP: stop,
      },
    },
    quickScan: {
      on: {
        START_INTERACTIVE: step('formalCommitment'),
        DECIDE_NON_INTERACTIVE: step('#participationProject.policyCycle.preparation'),
        STOP: stop,
      },
    },
    // From the formal commitment on, participants expect to hear from the municipality (§2.4): silence counts here.
    formalCommitment: {
      tags: [SILENCE_COUNTED],
      on: { COMMIT: step('planOfApproach'), STOP: stop },
    },
    planOfApproach: {
      tags: [SILENCE_COUNTED],
      on: { ADOPT_PLAN: { target: '#participationProject.policyCycle.preparation.problemDefinition', guard: 'hasNoBlockers', actions: ['adoptGateBodies', 'noteStepDay'] }, STOP: stop },
    },
    policyCycle: {
      tags: [SILENCE_COUNTED],
      initial: 'preparation',
      on: { STOP: stop },
      states: {
        preparation: {
          initial: 'problemDefinition',
          states: {
            problemDefinition: { on: { PROBLEM_DEFINED: step('solutionDirections') } },
            solutionDirections: { on: { SOLUTIONS_CHOSEN: step('advice') } },
            advice: { on: { ADVICE_SUBMITTED: step('#participationProject.policyCycle.decisionMaking') } },
          },
        },
        decisionMaking: { on: { DECISION_TAKEN: step('execution') } },
        execution: { on: { EXECUTION_COMPLETED: step('evaluation') } },
        evaluation: {
          on: {
            START_NEW_CYCLE: { target: 'preparation', guard: 'hasNoBlockers', actions: ['startNextCycle', 'noteStepDay'] },
            CLOSE: step('#participationProject.closed'),
          },
        },
      },
    },
    closed: { type: 'final' },
    stopped: { type: 'final' },
  },
});

export type ParticipationProjectMachine = typeof participationProjectMachine;
