import { assign, setup } from 'xstate';
import { blockers } from './blockers';
import type { ProjectContext, ProjectEvent, ProjectInput } from './project.types';

// A stop is possible from every state that has not ended; final states handle no events at all.
const stop = { target: '#participationProject.stopped', guard: 'hasNoBlockers' } as const;

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
    }),
    startNextCycle: assign({ cycle: ({ context }) => context.cycle + 1 }),
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
    ...(input.origin === 'initiative' && { initiativeKind: input.initiativeKind ?? 'initiative', permitActivity: input.permitActivity ?? null }),
  }),
  initial: 'intake',
  states: {
    intake: {
      // The municipality's own projects need no intake; initiatives wait here until formally submitted.
      always: { target: 'quickScan', guard: 'isMunicipalityProject' },
      on: {
        FORMALLY_SUBMITTED: { target: 'quickScan', guard: 'hasNoBlockers', actions: 'recordSubmission' },
        STOP: stop,
      },
    },
    quickScan: {
      on: {
        START_INTERACTIVE: { target: 'formalCommitment', guard: 'hasNoBlockers' },
        DECIDE_NON_INTERACTIVE: { target: '#participationProject.policyCycle.preparation', guard: 'hasNoBlockers' },
        STOP: stop,
      },
    },
    formalCommitment: {
      on: { COMMIT: { target: 'planOfApproach', guard: 'hasNoBlockers' }, STOP: stop },
    },
    planOfApproach: {
      on: { ADOPT_PLAN: { target: '#participationProject.policyCycle.preparation.problemDefinition', guard: 'hasNoBlockers', actions: 'adoptGateBodies' }, STOP: stop },
    },
    policyCycle: {
      initial: 'preparation',
      on: { STOP: stop },
      states: {
        preparation: {
          initial: 'problemDefinition',
          states: {
            problemDefinition: { on: { PROBLEM_DEFINED: { target: 'solutionDirections', guard: 'hasNoBlockers' } } },
            solutionDirections: { on: { SOLUTIONS_CHOSEN: { target: 'advice', guard: 'hasNoBlockers' } } },
            advice: { on: { ADVICE_SUBMITTED: { target: '#participationProject.policyCycle.decisionMaking', guard: 'hasNoBlockers' } } },
          },
        },
        decisionMaking: { on: { DECISION_TAKEN: { target: 'execution', guard: 'hasNoBlockers' } } },
        execution: { on: { EXECUTION_COMPLETED: { target: 'evaluation', guard: 'hasNoBlockers' } } },
        evaluation: {
          on: {
            START_NEW_CYCLE: { target: 'preparation', guard: 'hasNoBlockers', actions: 'startNextCycle' },
            CLOSE: { target: '#participationProject.closed', guard: 'hasNoBlockers' },
          },
        },
      },
    },
    closed: { type: 'final' },
    stopped: { type: 'final' },
  },
});

export type ParticipationProjectMachine = typeof participationProjectMachine;
