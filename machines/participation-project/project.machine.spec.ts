import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { postalWeekEnd } from '../interaction/legal-terms';
import { blockers, emptyDossier, needsFile, requiredBody } from './blockers';
import { completeDossier, describeMachine, machineGraphProblems, satisfiedEvent } from './machine-graph';
import { participationProjectMachine } from './project.machine';
import { applyProjectEvent, availableEvents, isEndedState, restoreProject, startProject, stateIdOf, storeProject, type ProjectSnapshot } from './project-snapshot';
import { EVENT_TYPES, GATED_EVENTS, ORIGINS, type Dossier, type GatedEvent, type GatedEventType, type GreenLight, type ProjectEventType } from './project.types';

/** The lifecycle as the issue states it, written independently of the machine. */
const EXPECTED: Record<string, Partial<Record<ProjectEventType, string>>> = {
  intake: { FORMALLY_SUBMITTED: 'quickScan', STOP: 'stopped' },
  quickScan: { START_INTERACTIVE: 'formalCommitment', DECIDE_NON_INTERACTIVE: 'policyCycle.preparation.problemDefinition', STOP: 'stopped' },
  formalCommitment: { COMMIT: 'planOfApproach', STOP: 'stopped' },
  planOfApproach: { ADOPT_PLAN: 'policyCycle.preparation.problemDefinition', STOP: 'stopped' },
  'policyCycle.preparation.problemDefinition': { PROBLEM_DEFINED: 'policyCycle.preparation.solutionDirections', STOP: 'stopped' },
  'policyCycle.preparation.solutionDirections': { SOLUTIONS_CHOSEN: 'policyCycle.preparation.advice', STOP: 'stopped' },
  'policyCycle.preparation.advice': { ADVICE_SUBMITTED: 'policyCycle.decisionMaking', STOP: 'stopped' },
  'policyCycle.decisionMaking': { DECISION_TAKEN: 'policyCycle.execution', STOP: 'stopped' },
  'policyCycle.execution': { EXECUTION_COMPLETED: 'policyCycle.evaluation', STOP: 'stopped' },
  'policyCycle.evaluation': { START_NEW_CYCLE: 'policyCycle.preparation.problemDefinition', CLOSE: 'closed', STOP: 'stopped' },
  closed: {},
  stopped: {},
};

/**
 * The guide's rules per step, each as a way to break a complete file and the blocker that
 * must follow (written from the issue, not from blockers.ts). Steps not listed have no rule
 * beyond the green light.
 */
type Breach = { code: string; dossier: (complete: Dossier) => Dossier; justification?: string };
const unannounced: Breach = { code: 'level-not-communicated', dossier: (d) => ({ ...d, announcements: [] }) };
const RULES: Partial<Record<GatedEventType, Breach[]>> = {
  START_INTERACTIVE: [
    { code: 'quick-scan-incomplete', dossier: (d) => ({ ...d, quickScan: { ...d.quickScan, influenceAspects: {} } }) },
    { code: 'justification-required', dossier: (d) => ({ ...d, quickScan: { ...d.quickScan, scores: { ...d.quickScan!.scores, willingness: 'none' } } }), justification: '' },
  ],
  DECIDE_NON_INTERACTIVE: [
    { code: 'quick-scan-incomplete', dossier: (d) => ({ ...d, quickScan: null }) },
    // The complete scan advises interactive: deciding otherwise needs a justification (§1.6).
    { code: 'justification-required', dossier: (d) => d, justification: '' },
    // §1.4 with afdeling 3.4 Awb: no plan follows, so the inspraak is settled here, and it is not interactive.
    { code: 'inspraak-form-missing', dossier: (d) => ({ ...d, quickScan: { ...d.quickScan, inspraak: { legallyRequired: false } } }) },
    { code: 'inspraak-form-interactive', dossier: (d) => ({ ...d, quickScan: { ...d.quickScan, inspraak: { legallyRequired: false, form: 'a' } } }) },
  ],
  COMMIT: [{ code: 'commitment-incomplete', dossier: (d) => ({ ...d, commitment: { ...d.commitment, processAgreements: [] } }) }],
  ADOPT_PLAN: [{ code: 'plan-incomplete', dossier: (d) => ({ ...d, plan: { ...d.plan, frames: [] } }) }, unannounced],
  ADVICE_SUBMITTED: [
    { code: 'inspection-missing', dossier: (d) => ({ ...d, inspection: null }) },
    // Decided non-interactive, no plan: the form recorded with the quick scan binds all the same.
    { code: 'inspection-missing', dossier: (d) => ({ ...d, plan: null, inspection: null }) },
    // Form b: the inspraakverordening's term; form f: the college's procedure.
    { code: 'inspection-term-running', dossier: (d) => ({ ...d, plan: { ...d.plan, inspraak: { legallyRequired: false, form: 'b' } }, today: d.inspection!.endsOn }) },
    { code: 'reactions-unanswered', dossier: (d) => ({ ...d, plan: { ...d.plan, inspraak: { legallyRequired: true, form: 'f' } }, unansweredReactions: 2 }) },
    { code: 'inspection-term-running', dossier: (d) => ({ ...d, today: d.inspection!.endsOn }) },
    { code: 'inspection-postal-week-running', dossier: (d) => ({ ...d, today: postalWeekEnd(d.inspection!.endsOn) }) },
    { code: 'reactions-unanswered', dossier: (d) => ({ ...d, unansweredReactions: 1 }) },
    unannounced,
  ],
  DECISION_TAKEN: [unannounced],
  EXECUTION_COMPLETED: [unannounced],
  START_NEW_CYCLE: [unannounced],
  CLOSE: [{ code: 'evaluation-incomplete', dossier: (d) => ({ ...d, evaluation: { ...d.evaluation, participantsJudgement: '' } }) }],
};

const traversal = (origin: (typeof ORIGINS)[number]) => ({
  input: { origin, politicalSensitivity: origin === 'initiative' ? ('high' as const) : ('low' as const) },
  events: (snapshot: ProjectSnapshot) => availableEvents(snapshot).map((type) => satisfiedEvent(snapshot, type)),
  serializeState: (snapshot: ProjectSnapshot) => stateIdOf(snapshot),
});

/** Every edge of the graph, from both origins, with a shortest path that leads to its source. */
function allEdges() {
  const edges = new Map<string, { from: ProjectSnapshot; event: ProjectEventType; to: ProjectSnapshot; path: string[] }>();
  for (const origin of ORIGINS) {
    const pathTo = new Map(getShortestPaths(participationProjectMachine, traversal(origin)).map((p) => [stateIdOf(p.state), p.steps.map((s) => s.event.type).filter((type) => !type.startsWith('xstate.'))]));
    for (const { state, event, nextState } of adjacencyMapToArray(getAdjacencyMap(participationProjectMachine, traversal(origin)))) {
      const key = `${stateIdOf(state)} --${event.type}-->`;
      if (!edges.has(key)) edges.set(key, { from: state, event: event.type, to: nextState, path: pathTo.get(stateIdOf(state)) ?? [] });
    }
  }
  return [...edges.values()];
}

const edges = allEdges();

describe('the participation-project machine, from its graph', () => {
  it('has exactly the transitions of the lifecycle, no more and no fewer', () => {
    const actual: Record<string, Record<string, string>> = {};
    for (const { from, event, to } of edges) (actual[stateIdOf(from)] ??= {})[event] = stateIdOf(to);
    const expected = Object.fromEntries(Object.entries(EXPECTED).filter(([, ts]) => Object.keys(ts).length > 0));
    expect(actual).toEqual(expected);
  });

  it('reaches every state', () => {
    const reached = new Set(edges.flatMap(({ from, to }) => [stateIdOf(from), stateIdOf(to)]));
    expect([...reached].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(machineGraphProblems()).toEqual([]);
  });

  it('starts municipality projects in the quick scan and initiatives in intake', () => {
    expect(stateIdOf(startProject({ origin: 'municipality', politicalSensitivity: 'low' }))).toBe('quickScan');
    expect(stateIdOf(startProject({ origin: 'initiative', politicalSensitivity: 'low' }))).toBe('intake');
  });

  describe.each(edges.map((e) => [`${stateIdOf(e.from)} --${e.event}--> ${stateIdOf(e.to)}`, e] as const))('%s', (_name, edge) => {
    // Replays the path from a fresh start, so the edge is checked on a real run, not on the traversal's copy.
    const replay = (): ProjectSnapshot => {
      let snapshot = startProject({ origin: edge.from.context.origin, politicalSensitivity: edge.from.context.politicalSensitivity });
      for (const type of edge.path) {
        const next = applyProjectEvent(snapshot, satisfiedEvent(snapshot, type as ProjectEventType));
        expect(stateIdOf(next)).not.toBe(stateIdOf(snapshot));
        snapshot = restoreProject(JSON.parse(JSON.stringify(storeProject(next))));
      }
      expect(stateIdOf(snapshot)).toBe(stateIdOf(edge.from));
      return snapshot;
    };

    it('moves to the expected state when its conditions are met', () => {
      const snapshot = replay();
      const next = applyProjectEvent(snapshot, satisfiedEvent(snapshot, edge.event));
      expect(stateIdOf(next)).toBe(EXPECTED[stateIdOf(snapshot)][edge.event]);
      expect(next.context.cycle).toBe(snapshot.context.cycle + (edge.event === 'START_NEW_CYCLE' ? 1 : 0));
      expect(next.status).toBe(['closed', 'stopped'].includes(stateIdOf(next)) ? 'done' : 'active');
    });

    if (edge.event === 'FORMALLY_SUBMITTED') {
      it('is refused without the date and reference of the submission', () => {
        const snapshot = replay();
        expect(stateIdOf(applyProjectEvent(snapshot, { type: 'FORMALLY_SUBMITTED' }))).toBe(stateIdOf(snapshot));
      });
      return;
    }

    it('is refused without a green light, with the wrong body, and after a rejection', () => {
      const snapshot = replay();
      const gate = edge.event as Exclude<ProjectEventType, 'FORMALLY_SUBMITTED'>;
      const body = requiredBody(snapshot.context, gate);
      const otherBody = body === 'college' ? 'raad' : 'college';
      const base: GreenLight = { id: 'x', gate, cycle: snapshot.context.cycle, body, outcome: 'approved', decidedOn: '2026-01-01', recordedAt: '2026-01-01T00:00:00.000Z' };
      const refusals: Array<[GreenLight[], string]> = [
        [[], 'green-light-missing'],
        [[{ ...base, body: otherBody }], 'green-light-wrong-body'],
        [[{ ...base, outcome: 'rejected' }], 'green-light-rejected'],
        [[{ ...base, cycle: snapshot.context.cycle + 1 }], 'green-light-missing'],
        // A deferral (aangehouden, §2.4) opens nothing: the step still waits, and says it was deferred ...
        [[{ ...base, outcome: 'deferred' }], 'green-light-deferred'],
      ];
      // ... and closes nothing: an approval stays decisive after a later deferral.
      const deferredAfterApproval = [base, { ...base, id: 'y', outcome: 'deferred' as const, decidedOn: '2026-02-01' }];
      expect(blockers(snapshot.context, { type: gate, decisions: deferredAfterApproval, dossier: completeDossier() }).map((b) => b.code)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^green-light-(missing|deferred)$/)]));
      for (const [decisions, code] of refusals) {
        const event = { type: gate, decisions, dossier: completeDossier() };
        expect(blockers(snapshot.context, event).map((b) => b.code)).toEqual([code]);
        const next = applyProjectEvent(snapshot, event);
        expect(stateIdOf(next)).toBe(stateIdOf(snapshot));
        expect(next.context).toEqual(snapshot.context);
      }
    });

    it('is refused for each rule of its step, and passes once the rule is met', () => {
      const snapshot = replay();
      const gate = edge.event as GatedEventType;
      const satisfied = satisfiedEvent(snapshot, gate) as Extract<ReturnType<typeof satisfiedEvent>, { dossier: Dossier }>;
      for (const breach of RULES[gate] ?? []) {
        const decisions = breach.justification === undefined ? satisfied.decisions : satisfied.decisions.map((d) => ({ ...d, justification: breach.justification }));
        const event = { ...satisfied, decisions, dossier: breach.dossier(completeDossier()) };
        expect(blockers(snapshot.context, event).map((b) => b.code)).toEqual([breach.code]);
        expect(stateIdOf(applyProjectEvent(snapshot, event))).toBe(stateIdOf(snapshot));
      }
      if (gate === 'START_INTERACTIVE') {
        // Against a not-interactive advice, a justified decision lets the step through.
        const event = { ...satisfied, dossier: RULES.START_INTERACTIVE![1].dossier(completeDossier()), decisions: satisfied.decisions.map((d) => ({ ...d, justification: 'The college wants to try.' })) };
        expect(stateIdOf(applyProjectEvent(snapshot, event))).toBe(EXPECTED[stateIdOf(snapshot)][gate]);
      }
      if (gate === 'DECIDE_NON_INTERACTIVE') {
        // Against an interactive advice, likewise: the justified decision lets it through, the unjustified one not.
        expect(stateIdOf(applyProjectEvent(snapshot, satisfied))).toBe(EXPECTED[stateIdOf(snapshot)][gate]);
      }
      // The steps that read the file are exactly those with rules, so a caller may skip loading it for the others.
      expect(needsFile(gate)).toBe(RULES[gate] !== undefined);
      if (!RULES[gate]) expect(blockers(snapshot.context, { ...satisfied, dossier: emptyDossier('2026-01-01') })).toEqual([]);
    });
  });

  it('has a rule table for gated steps only', () => {
    expect(Object.keys(RULES).every((gate) => (GATED_EVENTS as readonly string[]).includes(gate))).toBe(true);
  });

  it('takes the gate bodies of the adopted plan', () => {
    const edge = edges.find((e) => e.event === 'ADOPT_PLAN')!;
    const dossier = completeDossier();
    dossier.plan = { ...dossier.plan, process: { ...dossier.plan!.process, gateBodies: { DECISION_TAKEN: 'raad' } } };
    const next = applyProjectEvent(edge.from, satisfiedEvent(edge.from, 'ADOPT_PLAN', dossier));
    expect(next.context.gateBodies.DECISION_TAKEN).toBe('raad');
    expect(requiredBody(next.context, 'DECISION_TAKEN')).toBe('raad');
  });

  it('informs the raad where the adopted plan says so: before a green light, or instead of a decision (§2.4)', () => {
    const adoptEdge = edges.find((e) => e.event === 'ADOPT_PLAN')!;
    const dossier = completeDossier();
    dossier.plan = { ...dossier.plan, process: { ...dossier.plan!.process, raadInforming: { DECISION_TAKEN: 'before', EXECUTION_COMPLETED: 'instead' } } };
    let snapshot = applyProjectEvent(adoptEdge.from, satisfiedEvent(adoptEdge.from, 'ADOPT_PLAN', dossier));
    expect(snapshot.context.raadInforming).toEqual({ DECISION_TAKEN: 'before', EXECUTION_COMPLETED: 'instead' });
    for (const type of ['PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED'] as const) snapshot = applyProjectEvent(snapshot, satisfiedEvent(snapshot, type));
    expect(needsFile('DECISION_TAKEN', snapshot.context)).toBe(true);
    const informed = (gate: GatedEventType): Dossier => ({ ...completeDossier(), raadInformed: [{ gate, kind: 'raadsinformatiebrief' }] });

    const before = satisfiedEvent(snapshot, 'DECISION_TAKEN') as GatedEvent;
    expect(blockers(snapshot.context, before).map((b) => b.code)).toEqual(['raad-not-informed']);
    expect(blockers(snapshot.context, { ...before, decisions: [], dossier: informed('DECISION_TAKEN') }).map((b) => b.code)).toEqual(['green-light-missing']);
    snapshot = applyProjectEvent(snapshot, satisfiedEvent(snapshot, 'DECISION_TAKEN', informed('DECISION_TAKEN')));
    expect(stateIdOf(snapshot)).toBe('policyCycle.execution');

    const instead = { type: 'EXECUTION_COMPLETED' as const, decisions: [], dossier: completeDossier() };
    expect(blockers(snapshot.context, instead).map((b) => b.code)).toEqual(['raad-not-informed']);
    expect(stateIdOf(applyProjectEvent(snapshot, { ...instead, dossier: informed('EXECUTION_COMPLETED') }))).toBe('policyCycle.evaluation');
  });

  it('knows its ended states from its final states', () => {
    expect(Object.keys(EXPECTED).filter(isEndedState)).toEqual(['closed', 'stopped']);
  });

  it('ignores every event once closed or stopped', () => {
    for (const end of edges.filter((e) => e.to.status === 'done').map((e) => e.to)) {
      expect(availableEvents(end)).toEqual([]);
      for (const type of EVENT_TYPES) expect(applyProjectEvent(end, satisfiedEvent(end, type)).value).toEqual(end.value);
    }
  });

  describe('an initiative (§1.1 initiate, §1.2): green lights for what the municipality decides, not for the initiator’s own steps', () => {
    // The initiator's own process, as the issue names it; every other step is the municipality's.
    const INITIATOR_OWN = ['PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED', 'EXECUTION_COMPLETED'];
    const initiativeEdges = adjacencyMapToArray(getAdjacencyMap(participationProjectMachine, traversal('initiative')));

    it.each(initiativeEdges.filter((e) => e.event.type !== 'FORMALLY_SUBMITTED').map((e) => [`${stateIdOf(e.state)} --${e.event.type}-->`, e] as const))('%s', (_name, edge) => {
      const gate = edge.event.type as GatedEventType;
      const found = blockers(edge.state.context, { type: gate, decisions: [], dossier: completeDossier() }).map((b) => b.code);
      if (INITIATOR_OWN.includes(gate)) {
        expect(found).toEqual([]);
        expect(stateIdOf(applyProjectEvent(edge.state, { type: gate, decisions: [], dossier: completeDossier() }))).toBe(EXPECTED[stateIdOf(edge.state)][gate]);
      } else {
        expect(found).toEqual(['green-light-missing']);
      }
    });

    it('covers every initiator step and every municipal step of the policy cycle', () => {
      const seen = new Set(initiativeEdges.map((e) => e.event.type));
      for (const gate of [...INITIATOR_OWN, 'DECISION_TAKEN', 'START_NEW_CYCLE', 'CLOSE', 'START_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN']) expect(seen).toContain(gate);
    });

    it('asks the assessment of a challenge (uitdaagrecht) before the decision to take it up, either way', () => {
      const challenge = startProject({ origin: 'initiative', initiativeKind: 'challenge', politicalSensitivity: 'low' });
      const submitted = applyProjectEvent(challenge, satisfiedEvent(challenge, 'FORMALLY_SUBMITTED'));
      expect(submitted.context.initiativeKind).toBe('challenge');
      for (const gate of ['START_INTERACTIVE', 'DECIDE_NON_INTERACTIVE'] as const) {
        const unassessed = satisfiedEvent(submitted, gate, { ...completeDossier(), challengeAssessment: null });
        expect(blockers(submitted.context, unassessed).map((b) => b.code)).toEqual(['challenge-assessment-missing']);
        expect(stateIdOf(applyProjectEvent(submitted, unassessed))).toBe('quickScan');
        expect(stateIdOf(applyProjectEvent(submitted, satisfiedEvent(submitted, gate)))).toBe(EXPECTED.quickScan[gate]);
      }
      // A residents' own initiative has no such assessment.
      const own = applyProjectEvent(startProject({ origin: 'initiative', politicalSensitivity: 'low' }), satisfiedEvent(challenge, 'FORMALLY_SUBMITTED'));
      expect(blockers(own.context, satisfiedEvent(own, 'START_INTERACTIVE', { ...completeDossier(), challengeAssessment: null }))).toEqual([]);
    });

    it('receives an application without the account the raad made mandatory, and holds the decision on it until the account is there (Omgevingswet art. 16.55 lid 7, Awb art. 4:5)', () => {
      const initiative = startProject({ origin: 'initiative', politicalSensitivity: 'low', permitActivity: 'bouwactiviteit' });
      const submission = { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-01-01', reference: 'Z-1', participation: { decision: 'Raadsbesluit 2025/14' } } as const;
      expect(blockers(initiative.context, submission)).toEqual([]);
      const received = applyProjectEvent(initiative, submission);
      expect(stateIdOf(received)).toBe('quickScan');
      expect(received.context.participationMandatory).toEqual({ decision: 'Raadsbesluit 2025/14' });
      const decide = (applicantAccount: Dossier['applicantAccount']) => blockers(received.context, satisfiedEvent(received, 'START_INTERACTIVE', { ...completeDossier(), applicantAccount })).map((b) => [b.code, b.missing]);
      expect(decide(null)).toEqual([['participation-account-missing', ['tookPlace', 'how', 'results']]]);
      expect(decide({ tookPlace: false, how: 'Geen.', results: 'Geen.' })).toEqual([['participation-account-missing', ['tookPlace']]]);
      expect(decide({ tookPlace: true, how: 'Twee buurtavonden.', results: 'Het plan werd lager.' })).toEqual([]);
      // Where the raad made nothing mandatory, no account is asked.
      const free = applyProjectEvent(initiative, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-01-01', reference: 'Z-2' });
      expect(blockers(free.context, satisfiedEvent(free, 'START_INTERACTIVE', { ...completeDossier(), applicantAccount: null }))).toEqual([]);
    });

    it('ends a challenge that was not honoured: neither route can be taken, only a stop (issue 18)', () => {
      const challenge = startProject({ origin: 'initiative', politicalSensitivity: 'low', initiativeKind: 'challenge' });
      const submitted = applyProjectEvent(challenge, satisfiedEvent(challenge, 'FORMALLY_SUBMITTED'));
      const notHonoured = { ...completeDossier(), challengeAssessment: { assessedOn: '2026-02-01', conclusion: 'not-honoured' as const, reasons: 'Geen draagvlak.' } };
      for (const gate of ['START_INTERACTIVE', 'DECIDE_NON_INTERACTIVE'] as const) {
        expect(blockers(submitted.context, satisfiedEvent(submitted, gate, notHonoured)).map((b) => b.code)).toEqual(['challenge-not-honoured']);
      }
      // The stop that ends it waits until the challenger has the reasons (Awb art. 3:41, 3:46).
      expect(blockers(submitted.context, satisfiedEvent(submitted, 'STOP', notHonoured)).map((b) => b.code)).toEqual(['challenger-not-informed']);
      const informed = { ...notHonoured, challengeAssessment: { ...notHonoured.challengeAssessment, challengerInformedOn: '2026-02-03' } };
      expect(needsFile('STOP', submitted.context)).toBe(true);
      expect(stateIdOf(applyProjectEvent(submitted, satisfiedEvent(submitted, 'STOP', informed)))).toBe('stopped');
    });

    it('takes up a challenge that was honoured only by an agreement with its term (issue 18)', () => {
      const challenge = startProject({ origin: 'initiative', politicalSensitivity: 'low', initiativeKind: 'challenge' });
      const submitted = applyProjectEvent(challenge, satisfiedEvent(challenge, 'FORMALLY_SUBMITTED'));
      const withoutAgreement = { ...completeDossier(), challengeAgreement: null };
      expect(blockers(submitted.context, satisfiedEvent(submitted, 'DECISION_TAKEN', withoutAgreement)).map((b) => b.code)).toEqual(['challenge-agreement-missing']);
      const agreement = { concludedOn: '2026-02-10', reference: 'OVK 1', task: 'Beheer', startsOn: '2026-03-01', endsOn: '2027-02-28' };
      expect(blockers(submitted.context, satisfiedEvent(submitted, 'DECISION_TAKEN', { ...withoutAgreement, challengeAgreement: agreement }))).toEqual([]);
      // A residents' own initiative knows no agreement: its decision does not wait for one.
      const own = applyProjectEvent(startProject({ origin: 'initiative', politicalSensitivity: 'low' }), satisfiedEvent(challenge, 'FORMALLY_SUBMITTED'));
      expect(blockers(own.context, satisfiedEvent(own, 'DECISION_TAKEN', withoutAgreement))).toEqual([]);
    });
  });

  it('describes every transition it takes', () => {
    const described = describeMachine().transitions;
    for (const { from, event, to } of edges) {
      const fromId = stateIdOf(from);
      expect(described.some((t) => t.event === event && (t.from === '*' || fromId.startsWith(t.from)) && stateIdOf(to).startsWith(t.to))).toBe(true);
    }
  });
});
