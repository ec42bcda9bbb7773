import { assign, setup } from 'xstate';
import { blockers, decisiveDecision, needsGreenLight } from './blockers';
import type { ProjectContext, ProjectEvent, ProjectInput } from './project.types';

// A stop is possible from every state that has not ended; final states handle no events at all.
const stop = { target: '#participationProject.stopped', guard: 'hasNoBlockers', actions: 'noteStepDay' } as const;

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
      participationMandatory: ({ event }) => (event.type === 'FORMALLY_SUBMITTED' && event.participation?.mandatory ? { decision: event.participation.decision } : null),
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
        START_INTERACTIVE: { target: 'formalCommitment', guard: 'hasNoBlockers', actions: 'noteStepDay' },
        DECIDE_NON_INTERACTIVE: { target: '#participationProject.policyCycle.preparation', guard: 'hasNoBlockers', actions: 'noteStepDay' },
        STOP: stop,
      },
    },
    formalCommitment: {
      on: { COMMIT: { target: 'planOfApproach', guard: 'hasNoBlockers', actions: 'noteStepDay' }, STOP: stop },
    },
    planOfApproach: {
      on: { ADOPT_PLAN: { target: '#participationProject.policyCycle.preparation.problemDefinition', guard: 'hasNoBlockers', actions: ['adoptGateBodies', 'noteStepDay'] }, STOP: stop },
    },
    policyCycle: {
      initial: 'preparation',
      on: { STOP: stop },
      states: {
        preparation: {
          initial: 'problemDefinition',
          states: {
            problemDefinition: { on: { PROBLEM_DEFINED: { target: 'solutionDirections', guard: 'hasNoBlockers', actions: 'noteStepDay' } } },
            solutionDirections: { on: { SOLUTIONS_CHOSEN: { target: 'advice', guard: 'hasNoBlockers', actions: 'noteStepDay' } } },
            advice: { on: { ADVICE_SUBMITTED: { target: '#participationProject.policyCycle.decisionMaking', guard: 'hasNoBlockers', actions: 'noteStepDay' } } },
          },
        },
        decisionMaking: { on: { DECISION_TAKEN: { target: 'execution', guard: 'hasNoBlockers', actions: 'noteStepDay' } } },
        execution: { on: { EXECUTION_COMPLETED: { target: 'evaluation', guard: 'hasNoBlockers', actions: 'noteStepDay' } } },
        evaluation: {
          on: {
            START_NEW_CYCLE: { target: 'preparation', guard: 'hasNoBlockers', actions: ['startNextCycle', 'noteStepDay'] },
            CLOSE: { target: '#participationProject.closed', guard: 'hasNoBlockers', actions: 'noteStepDay' },
          },
        },
      },
    },
    closed: { type: 'final' },
    stopped: { type: 'final' },
  },
});

export type ParticipationProjectMachine = typeof participationProjectMachine;
