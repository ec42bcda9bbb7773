import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { blockers, requiredBody } from './blockers';
import { describeMachine, machineGraphProblems, satisfiedEvent } from './machine-graph';
import { participationProjectMachine } from './project.machine';
import { applyProjectEvent, availableEvents, isEndedState, restoreProject, startProject, stateIdOf, storeProject, type ProjectSnapshot } from './project-snapshot';
import { EVENT_TYPES, ORIGINS, type GreenLight, type ProjectEventType } from './project.types';

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
      ];
      for (const [decisions, code] of refusals) {
        const event = { type: gate, decisions };
        expect(blockers(snapshot.context, event).map((b) => b.code)).toEqual([code]);
        const next = applyProjectEvent(snapshot, event);
        expect(stateIdOf(next)).toBe(stateIdOf(snapshot));
        expect(next.context).toEqual(snapshot.context);
      }
    });
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

  it('describes every transition it takes', () => {
    const described = describeMachine().transitions;
    for (const { from, event, to } of edges) {
      const fromId = stateIdOf(from);
      expect(described.some((t) => t.event === event && (t.from === '*' || fromId.startsWith(t.from)) && stateIdOf(to).startsWith(t.to))).toBe(true);
    }
  });
});
