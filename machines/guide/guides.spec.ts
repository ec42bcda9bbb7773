import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { parse } from 'yaml';
import { blockers, requiredBody } from '../participation-project/blockers';
import { completeDossier, graphDossier, satisfiedEvent } from '../participation-project/machine-graph';
import { machineFor } from '../participation-project/project.machine';
import { applyProjectEvent, availableEvents, restoreProject, startProject, stateIdOf, storeProject, type ProjectSnapshot } from '../participation-project/project-snapshot';
import { ORIGINS, type GatedEventType, type ProjectEventType } from '../participation-project/project.types';
import { guideDiff } from './guide-diff';
import { guideFaults } from './guide-faults';
import { DEFAULT_GUIDE_ID, defaultGuide, readGuideFiles, registerGuide, shippedGuidesDirectory } from './guide-registry';
import type { GuideDocument, GuideRef } from './guide.types';

const shipped = readGuideFiles().map(({ file, document }) => ({ file, guide: document as GuideDocument }));
const second = parse(readFileSync(join(shippedGuidesDirectory(), 'voorbeeldrijk-2026.yaml'), 'utf8')) as GuideDocument;
const secondRef = registerGuide(second);

/** The second guide's process as its ordinance states it (README "The second guide"), written independently of the YAML. */
const SECOND_EXPECTED: Record<string, Partial<Record<ProjectEventType, string>>> = {
  intake: { FORMALLY_SUBMITTED: 'quickScan', STOP: 'stopped' },
  // No commitment step: the participatieplan follows the start; the light track goes straight to the draft.
  quickScan: { START_INTERACTIVE: 'planOfApproach', DECIDE_NON_INTERACTIVE: 'policyCycle.preparation.advice', STOP: 'stopped' },
  planOfApproach: { ADOPT_PLAN: 'policyCycle.preparation.problemDefinition', STOP: 'stopped' },
  'policyCycle.preparation.problemDefinition': { PROBLEM_DEFINED: 'policyCycle.preparation.solutionDirections', STOP: 'stopped' },
  'policyCycle.preparation.solutionDirections': { SOLUTIONS_CHOSEN: 'policyCycle.preparation.advice', STOP: 'stopped' },
  'policyCycle.preparation.advice': { ADVICE_SUBMITTED: 'policyCycle.decisionMaking', STOP: 'stopped' },
  'policyCycle.decisionMaking': { DECISION_TAKEN: 'policyCycle.execution', STOP: 'stopped' },
  'policyCycle.execution': { EXECUTION_COMPLETED: 'policyCycle.evaluation', STOP: 'stopped' },
  // One cycle only.
  'policyCycle.evaluation': { CLOSE: 'closed', STOP: 'stopped' },
};

const traversal = (ref: GuideRef, origin: (typeof ORIGINS)[number]) => ({
  input: { origin, politicalSensitivity: 'low' as const, guide: ref },
  events: (snapshot: ProjectSnapshot) => availableEvents(snapshot).map((type) => satisfiedEvent(snapshot, type, graphDossier())),
  serializeState: (snapshot: ProjectSnapshot) => stateIdOf(snapshot),
});

/** Every edge of a guide's graph from both origins, with the events of a shortest path to its source. */
function edgesOf(guide: GuideDocument) {
  const ref = registerGuide(guide);
  const machine = machineFor(guide);
  const edges = new Map<string, { origin: (typeof ORIGINS)[number]; from: string; event: ProjectEventType; to: string; path: ProjectEventType[] }>();
  for (const origin of ORIGINS) {
    const pathTo = new Map(getShortestPaths(machine, traversal(ref, origin)).map((p) => [stateIdOf(p.state), p.steps.map((s) => s.event.type as ProjectEventType).filter((type) => !type.startsWith('xstate.'))]));
    for (const { state, event, nextState } of adjacencyMapToArray(getAdjacencyMap(machine, traversal(ref, origin)))) {
      const key = `${stateIdOf(state)} --${event.type}-->`;
      if (!edges.has(key)) edges.set(key, { origin, from: stateIdOf(state), event: event.type as ProjectEventType, to: stateIdOf(nextState), path: pathTo.get(stateIdOf(state)) ?? [] });
    }
  }
  return [...edges.values()];
}

/** Replays a path from a fresh start, through the stored form each time, as the service does. */
function replay(ref: GuideRef, origin: (typeof ORIGINS)[number], path: readonly ProjectEventType[], politicalSensitivity: 'low' | 'high' = 'low'): ProjectSnapshot {
  let snapshot = startProject({ origin, politicalSensitivity, guide: ref });
  for (const type of path) snapshot = restoreProject(JSON.parse(JSON.stringify(storeProject(applyProjectEvent(snapshot, satisfiedEvent(snapshot, type, graphDossier()))))));
  return snapshot;
}

describe('the guides shipped in guides/', () => {
  it.each(shipped.map((s) => [s.file, s.guide] as const))('%s passes the schema and the graph check', (_file, guide) => {
    expect(guideFaults(guide)).toEqual([]);
  });

  it('ships the default guide as version 1, the guide of projects stored before pinning', () => {
    expect(defaultGuide()).toMatchObject({ id: DEFAULT_GUIDE_ID, version: 1 });
    expect(shipped.map((s) => s.guide.id)).toEqual(expect.arrayContaining([DEFAULT_GUIDE_ID, 'voorbeeldrijk-2026']));
  });
});

describe('the second guide (Voorbeeldrijk), from its graph', () => {
  const edges = edgesOf(second);

  it('has exactly the transitions of its ordinance, no more and no fewer', () => {
    const actual: Record<string, Record<string, string>> = {};
    for (const { from, event, to } of edges) (actual[from] ??= {})[event] = to;
    expect(actual).toEqual(SECOND_EXPECTED);
  });

  it('reaches every state, the ends included', () => {
    const reached = new Set(edges.flatMap(({ from, to }) => [from, to]));
    expect([...reached].sort()).toEqual([...Object.keys(SECOND_EXPECTED), 'closed', 'stopped'].sort());
  });

  describe.each(edges.map((e) => [`${e.from} --${e.event}--> ${e.to}`, e] as const))('%s', (_name, edge) => {
    it('moves to the expected state on a real run when its conditions are met', () => {
      const snapshot = replay(secondRef, edge.origin, edge.path);
      expect(stateIdOf(snapshot)).toBe(edge.from);
      expect(snapshot.context.guide).toEqual(secondRef);
      expect(stateIdOf(applyProjectEvent(snapshot, satisfiedEvent(snapshot, edge.event, graphDossier())))).toBe(SECOND_EXPECTED[edge.from][edge.event]);
    });

    if (edge.event !== 'FORMALLY_SUBMITTED') {
      it('is refused without the green light of the body the guide names', () => {
        const snapshot = replay(secondRef, edge.origin, edge.path);
        const satisfied = satisfiedEvent(snapshot, edge.event, graphDossier()) as Extract<ReturnType<typeof satisfiedEvent>, { decisions: unknown }>;
        const gate = edge.event as GatedEventType;
        if (edge.origin === 'initiative' && second.gates[gate]?.initiatorOwn) return;
        expect(blockers(snapshot.context, { ...satisfied, decisions: [] }).map((b) => b.code)).toContain('green-light-missing');
        const other = requiredBody(snapshot.context, gate) === 'raad' ? 'college' : 'raad';
        const wrongBody = satisfied.decisions.map((d) => ({ ...d, body: other as 'college' | 'raad' }));
        expect(stateIdOf(applyProjectEvent(snapshot, { ...satisfied, decisions: wrongBody }))).toBe(edge.from);
      });
    }
  });

  it('gives the frame and nothing else of a low-sensitivity project to the raad; the law and sensitivity still move the decision there', () => {
    const low = startProject({ origin: 'municipality', politicalSensitivity: 'low', guide: secondRef }).context;
    const bodies = Object.fromEntries((Object.keys(second.gates) as GatedEventType[]).map((gate) => [gate, requiredBody(low, gate)]));
    expect(Object.entries(bodies).filter(([, body]) => body === 'raad').map(([gate]) => gate)).toEqual(['PROBLEM_DEFINED']);
    expect(requiredBody({ ...low, politicalSensitivity: 'high' }, 'DECISION_TAKEN')).toBe('raad');
    expect(requiredBody({ ...low, decisionKind: 'omgevingsplan' }, 'DECISION_TAKEN')).toBe('raad');
    // The plan may give a college step to the raad, never the raad's step to the college.
    expect(requiredBody({ ...low, gateBodies: { ADOPT_PLAN: 'raad', PROBLEM_DEFINED: 'college' } }, 'ADOPT_PLAN')).toBe('raad');
    expect(requiredBody({ ...low, gateBodies: { PROBLEM_DEFINED: 'college' } }, 'PROBLEM_DEFINED')).toBe('raad');
    // A politically sensitive project does not move a step the guide gives the college.
    expect(requiredBody({ ...low, politicalSensitivity: 'high' }, 'ADOPT_PLAN')).toBe('college');
  });

  it('has the raad informed of the evaluation before the project closes (§2.4), as the guide says; the plan may add more', () => {
    const start = startProject({ origin: 'municipality', politicalSensitivity: 'low', guide: secondRef });
    expect(start.context.raadInforming).toEqual({ CLOSE: 'before' });
    const evaluation = replay(secondRef, 'municipality', ['START_INTERACTIVE', 'ADOPT_PLAN', 'PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED', 'DECISION_TAKEN', 'EXECUTION_COMPLETED']);
    const close = satisfiedEvent(evaluation, 'CLOSE') as Extract<ReturnType<typeof satisfiedEvent>, { decisions: unknown }>;
    expect(blockers(evaluation.context, close).map((b) => b.code)).toEqual(['raad-not-informed']);
    expect(blockers(evaluation.context, { ...close, dossier: graphDossier() })).toEqual([]);
  });

  it('names its steps in its own words in the reasons a step waits', () => {
    const snapshot = replay(secondRef, 'municipality', []);
    const satisfied = satisfiedEvent(snapshot, 'START_INTERACTIVE') as Extract<ReturnType<typeof satisfiedEvent>, { decisions: unknown }>;
    expect(blockers(snapshot.context, { ...satisfied, decisions: [] })[0].message.nl).toBe('Voor de stap ‘Startnotitie vaststellen’ is in deze cyclus nog geen collegebesluit vastgelegd.');
  });

  it('judges the light track by the rules its gate names: the quick scan and the inspraak, not a plan', () => {
    const snapshot = replay(secondRef, 'municipality', []);
    const satisfied = satisfiedEvent(snapshot, 'DECIDE_NON_INTERACTIVE') as Extract<ReturnType<typeof satisfiedEvent>, { decisions: unknown }>;
    const codes = blockers(snapshot.context, { ...satisfied, dossier: { ...completeDossier(), plan: null, quickScan: null } }).map((b) => b.code);
    expect(codes).toEqual(['quick-scan-incomplete']);
  });
});

describe('guideDiff: what changed between two versions', () => {
  it('names the steps added, removed and renamed, and the gates whose body or rules changed', () => {
    const next = structuredClone(defaultGuide());
    next.version = 2;
    next.steps[3] = { ...next.steps[3], id: 'participationPlan' };
    next.steps[2].transitions = next.steps[2].transitions!.map((t) => (t.to === 'planOfApproach' ? { ...t, to: 'participationPlan' } : t));
    next.steps.splice(1, 0, { id: 'registration', label: { nl: 'Registratie', en: 'Registration' }, transitions: [{ event: 'STOP', to: 'stopped' }] });
    next.gates.COMMIT = { ...next.gates.COMMIT!, body: 'raad' };
    next.gates.CLOSE = { ...next.gates.CLOSE!, rules: {} };
    delete next.gates.START_NEW_CYCLE;
    expect(guideDiff(defaultGuide(), next)).toEqual({
      added: [{ id: 'registration', label: { nl: 'Registratie', en: 'Registration' } }],
      removed: [],
      renamed: [{ from: 'planOfApproach', to: 'participationPlan', fromLabel: { nl: 'Plan van aanpak', en: 'Plan of approach' }, label: { nl: 'Plan van aanpak', en: 'Plan of approach' } }],
      gates: [
        { event: 'COMMIT', change: 'changed', body: { from: 'by-sensitivity', to: 'raad' } },
        { event: 'START_NEW_CYCLE', change: 'removed' },
        { event: 'CLOSE', change: 'changed', rules: { added: [], removed: ['evaluation-written'], changed: [] } },
      ],
    });
  });

  it('takes a rename from the state map where the label changed too', () => {
    const next = structuredClone(defaultGuide());
    next.steps[2] = { ...next.steps[2], id: 'commitment', label: { nl: 'Commitment', en: 'Commitment' } };
    expect(guideDiff(defaultGuide(), next).renamed).toEqual([]);
    expect(guideDiff(defaultGuide(), next, { formalCommitment: 'commitment' })).toMatchObject({ renamed: [{ from: 'formalCommitment', to: 'commitment' }], added: [], removed: [] });
  });
});
