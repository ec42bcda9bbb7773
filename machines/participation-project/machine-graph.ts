import { getShortestPaths } from '@xstate/graph';
import type { AnyStateNode } from 'xstate';
import { requiredBody } from './blockers';
import { defaultGuide, registerGuide } from '../guide/guide-registry';
import type { GuideDocument } from '../guide/guide.types';
import { machineFor, type ParticipationProjectMachine } from './project.machine';
import { availableEvents, startProject, stateIdOf, type ProjectSnapshot } from './project-snapshot';
import { PHASES } from '../interaction/catalogue';
import type { Plan } from '../interaction/plan';
import type { QuickScan } from '../interaction/quick-scan';
import { EVENT_TYPES, GATED_EVENTS, ORIGINS, type Dossier, type ProjectEvent, type ProjectEventType } from './project.types';

export interface MachineStateDescription {
  id: string;
  type: 'atomic' | 'compound' | 'final';
  initial: string | null;
}

export interface MachineTransitionDescription {
  from: string;
  event: ProjectEventType;
  to: string;
  gated: boolean;
}

export interface MachineDescription {
  id: string;
  initialByOrigin: Record<string, string>;
  states: MachineStateDescription[];
  transitions: MachineTransitionDescription[];
  events: ProjectEventType[];
  gatedEvents: readonly string[];
}

function allStateNodes(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...allStateNodes(child)]);
}

const idOf = (node: AnyStateNode): string => node.path.join('.');

/** The machine of a guide (the default one unless named) as data: for diagrams, clients and the start-up check. */
export function describeMachine(guide: GuideDocument = defaultGuide()): MachineDescription {
  const machine = machineFor(guide);
  const nodes = allStateNodes(machine.root);
  const transitions: MachineTransitionDescription[] = [];
  for (const node of [machine.root, ...nodes]) {
    for (const [event, definitions] of Object.entries(node.on)) {
      for (const definition of definitions) {
        for (const target of definition.target ?? []) {
          transitions.push({ from: idOf(node) || '*', event: event as ProjectEventType, to: idOf(target), gated: event !== 'FORMALLY_SUBMITTED' });
        }
      }
    }
  }
  return {
    id: machine.id,
    initialByOrigin: Object.fromEntries(ORIGINS.map((origin) => [origin, stateIdOf(startProject({ origin, politicalSensitivity: 'low', guide: registerGuide(guide) }))])),
    states: nodes.map((node) => ({
      id: idOf(node),
      type: node.type === 'final' ? 'final' : node.type === 'compound' ? 'compound' : 'atomic',
      initial: node.type === 'compound' ? String(node.config.initial) : null,
    })),
    transitions,
    events: [...EVENT_TYPES],
    gatedEvents: GATED_EVENTS,
  };
}

const COMPLETE_SCAN: QuickScan = {
  participants: [{ role: 'project-leader', name: 'graph check' }],
  scores: {
    roomForInfluence: 'much',
    'commitment.administrative': 'much',
    'commitment.political': 'fairly',
    willingness: 'fairly',
    addedValue: 'much',
    'organisation.money': 'fairly',
    'organisation.capacity': 'fairly',
    'organisation.expertise': 'fairly',
    'organisation.time': 'fairly',
  },
  influenceAspects: { political: 'fairly', legal: 'fairly', policy: 'fairly', societal: 'much' },
  greenLights: ['a'],
  inspraak: { legallyRequired: false, form: 'c' },
};

/** A plan with every part, at an interactive level throughout, under the Awb 3.4 procedure (form c): every rule applies. */
const COMPLETE_PLAN: Plan = {
  targetGroups: [{ name: 'Residents', why: 'They live there.' }],
  goals: { standard: ['support-for-policy'] },
  levels: Object.fromEntries(PHASES.map((phase) => [phase, 'co-decide'])),
  scope: { inScope: 'The design.', outOfScope: 'The budget.', offTopicHandling: 'Passed on to the right department.' },
  opportunitiesAndThreats: { opportunities: ['Local knowledge.'], threats: [{ threat: 'Low turnout.', mitigation: 'Go door to door.' }] },
  approach: { workForms: ['workshop'], planning: 'Spring.', tasks: 'The project team.', feedback: 'A newsletter after each meeting.' },
  process: { timeline: [{ title: 'Council meeting', date: '2026-06-01' }], decisionMaking: 'The college decides each step.' },
  adviceWeight: 'decisive',
  frames: [{ description: 'The budget is fixed.', kind: 'hard' }],
  inspraak: { legallyRequired: false, form: 'c' },
};

/** A file in which every rule of every step is met: the graph is checked on the green light alone. */
export function completeDossier(): Dossier {
  return {
    quickScan: COMPLETE_SCAN,
    commitment: { laidDownIn: 'bw-proposal', reference: 'graph-check', processAgreements: [{ party: 'residents', agreement: 'meet monthly' }] },
    plan: COMPLETE_PLAN,
    announcements: PHASES.map((phase) => ({ phase, level: 'co-decide' as const })),
    inspection: { endsOn: '2026-02-12', postalWeek: true },
    unansweredReactions: 0,
    evaluation: { goals: [...(COMPLETE_PLAN.goals?.standard ?? []), ...(COMPLETE_PLAN.goals?.own ?? [])].map((goal) => ({ goal, achieved: true })), participantsJudgement: 'graph-check' },
    raadInformed: [],
    challengeAssessment: { assessedOn: '2026-02-01', conclusion: 'honoured', reasons: 'graph-check' },
    today: '2026-03-01',
  };
}

/** A complete file in which the raad was also informed of every step: a guide that has the raad informed (§2.4) is traversed too. */
export function graphDossier(): Dossier {
  return { ...completeDossier(), raadInformed: GATED_EVENTS.map((gate) => ({ gate, kind: 'raadsinformatiebrief' as const, date: '2026-02-20' })) };
}

/** An event that satisfies its gate: an approval by the required body for the current cycle, on a complete file. */
export function satisfiedEvent(snapshot: ProjectSnapshot, type: ProjectEventType, dossier: Dossier = completeDossier()): ProjectEvent {
  if (type === 'FORMALLY_SUBMITTED') return { type, submittedOn: '2026-01-01', reference: 'graph-check' };
  const { context } = snapshot;
  return {
    type,
    // Dated on the file's day, after every fact it rests on; justified, so that a step against the quick scan's advice is satisfied too (§1.6).
    decisions: [{ id: `approval-${type}`, gate: type, cycle: context.cycle, body: requiredBody(context, type), outcome: 'approved', decidedOn: dossier.today, recordedAt: `${dossier.today}T09:00:00.000Z`, justification: 'graph-check' }],
    dossier,
  };
}

/** Every state a guide's machine reaches from any origin when every gate is satisfied. */
export function reachableStateIds(guide: GuideDocument = defaultGuide()): Set<string> {
  const reached = new Set<string>();
  const ref = registerGuide(guide);
  const machine: ParticipationProjectMachine = machineFor(guide);
  for (const origin of ORIGINS) {
    const paths = getShortestPaths(machine, {
      input: { origin, politicalSensitivity: 'low', guide: ref },
      events: (snapshot) => availableEvents(snapshot).map((type) => satisfiedEvent(snapshot, type, graphDossier())),
      // The cycle number grows without bound; the state path alone identifies a node of the graph.
      serializeState: (snapshot) => stateIdOf(snapshot),
    });
    for (const path of paths) {
      reached.add(stateIdOf(path.state));
      for (const step of path.steps) reached.add(stateIdOf(step.state));
    }
  }
  return reached;
}

/** The leaf states of a guide's machine that no satisfied path reaches. */
export function unreachableStates(guide: GuideDocument): string[] {
  const reached = reachableStateIds(guide);
  return allStateNodes(machineFor(guide).root)
    .filter((node) => (node.type === 'atomic' || node.type === 'final') && !reached.has(idOf(node)))
    .map(idOf);
}

/**
 * Problems in the default guide's graph; empty when every state is reachable and every event
 * handled (the default guide uses every kind of step; another guide may leave some out).
 */
export function machineGraphProblems(guide: GuideDocument = defaultGuide()): string[] {
  const problems = unreachableStates(guide).map((state) => `state ${state} is unreachable`);
  const handled = new Set(describeMachine(guide).transitions.map((t) => t.event));
  for (const event of EVENT_TYPES) {
    if (!handled.has(event)) problems.push(`event ${event} is handled by no state`);
  }
  return problems;
}

/** Fails the boot, not a user, when the graph is broken. */
export function assertMachineGraph(): void {
  const problems = machineGraphProblems();
  if (problems.length > 0) throw new Error(`The participation-project machine is invalid: ${problems.join('; ')}`);
}
