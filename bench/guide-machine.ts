/**
 * bench/guide-machine: the machine built from the default guide's data (issue 20) against the
 * machine and rules as code before it, alternating in one run. Each round walks projects through
 * the whole life cycle (two policy cycles) the way the service does a transition: restore the stored
 * snapshot, judge the gate's rules, apply the event, store it again; the new side through the
 * service's own functions (startProject, restoreProject, applyProjectEvent).
 *
 *   npm run bench:guide-machine [-- --projects 2000 --rounds 15 --unpinned]
 */
import { parseArgs } from 'node:util';
import { createActor, type AnyStateMachine } from 'xstate';
import { applyProjectEvent, completeDossier, defaultGuide, registerGuide, requiredBody, restoreProject, startProject, type ProjectContext, type ProjectEvent, type ProjectEventType, type ProjectSnapshot, type StoredSnapshot } from '../machines/participation-project';
import { participationProjectMachine as codeMachine } from './support/code-machine';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '15' }, unpinned: { type: 'boolean', default: false } } });
const PROJECTS = Number(values.projects);
const ROUNDS = Number(values.rounds);
const WALK: ProjectEventType[] = ['START_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN', 'PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED', 'DECISION_TAKEN', 'EXECUTION_COMPLETED', 'START_NEW_CYCLE', 'PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED', 'DECISION_TAKEN', 'EXECUTION_COMPLETED', 'CLOSE'];
const dossier = completeDossier();

/** One inert scope per machine, as project-snapshot.ts keeps one: the machines run only `assign`. */
type Scope = Parameters<AnyStateMachine['transition']>[2];

function inertScope(machine: AnyStateMachine): Scope {
  const self = createActor(machine, { input: { origin: 'municipality', politicalSensitivity: 'low' } });
  const nothing = () => undefined;
  return { self, system: self.system, id: '', sessionId: '', logger: nothing, defer: nothing, emit: nothing, stopChild: nothing, actionExecutor: nothing } as unknown as Scope;
}

/** How a transition is done: start a project, restore its stored snapshot, apply an event. */
interface Engine {
  name: string;
  start(): { value: unknown; context: ProjectContext };
  restore(stored: StoredSnapshot): ProjectSnapshot;
  apply(snapshot: ProjectSnapshot, event: ProjectEvent): ProjectSnapshot;
}

/** Before issue 20: the one machine as code, as project-snapshot.ts drove it. */
const codeScope = inertScope(codeMachine);
const code: Engine = {
  name: 'the code',
  start: () => codeMachine.getInitialSnapshot(codeScope, { origin: 'municipality', politicalSensitivity: 'low' }),
  restore: (stored) => codeMachine.resolveState(stored) as unknown as ProjectSnapshot,
  apply: (snapshot, event) => codeMachine.transition(snapshot as never, event, codeScope) as unknown as ProjectSnapshot,
};

/** Now: the service's own functions, for a project pinned to the default guide's version (its machine found by the pin), or with `--unpinned` one stored before pinning. */
const pinned = registerGuide(defaultGuide());
const data: Engine = {
  name: 'the data',
  start: () => startProject({ origin: 'municipality', politicalSensitivity: 'low', ...(!values.unpinned && { guide: pinned }) }),
  restore: restoreProject,
  apply: applyProjectEvent,
};

/** Transitions per second through whole life cycles. */
function walk(engine: Engine): number {
  const started = process.hrtime.bigint();
  let transitions = 0;
  for (let p = 0; p < PROJECTS; p++) {
    const first = engine.start();
    let stored = JSON.stringify({ value: first.value, context: first.context });
    for (const type of WALK) {
      const snapshot = engine.restore(JSON.parse(stored) as StoredSnapshot);
      const { context } = snapshot;
      const event = { type, dossier, decisions: [{ id: `d-${type}`, gate: type, cycle: context.cycle, body: requiredBody(context, type as never), outcome: 'approved', decidedOn: dossier.today, recordedAt: `${dossier.today}T09:00:00.000Z`, justification: 'bench' }] } as ProjectEvent;
      const next = engine.apply(snapshot, event);
      if (JSON.stringify(next.value) === JSON.stringify(snapshot.value)) throw new Error(`${type} did not move the project on ${engine.name} machine`);
      stored = JSON.stringify({ value: next.value, context: next.context });
      transitions++;
    }
  }
  return transitions / (Number(process.hrtime.bigint() - started) / 1e9);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Warm both up, then alternate so that the machine's load and the JIT treat them alike.
walk(code);
walk(data);
const codeRates: number[] = [];
const dataRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const first = round % 2 === 0;
  if (first) codeRates.push(walk(code));
  dataRates.push(walk(data));
  if (!first) codeRates.push(walk(code));
}
// A round's two walks run back to back, so the ratio within a round is what a busy machine disturbs least.
const ratios = dataRates.map((d, i) => d / codeRates[i]);
console.log(`guide-machine: ${PROJECTS} projects x ${WALK.length} transitions per walk, ${ROUNDS} rounds of one walk each, order alternating`);
console.log(`  machine as code (before issue 20):   ${Math.round(median(codeRates)).toLocaleString('en')} transitions/s (median)`);
console.log(`  machine built from the guide's data: ${Math.round(median(dataRates)).toLocaleString('en')} transitions/s (median)`);
console.log(`  ratio data / code: ${median(ratios).toFixed(3)} (median of the rounds' ratios; 1.000 = as fast, above = faster; lowest ${Math.min(...ratios).toFixed(3)}, highest ${Math.max(...ratios).toFixed(3)})`);
console.log(`  each round (code | data): ${codeRates.map((c, i) => `${Math.round(c)} | ${Math.round(dataRates[i])}`).join(', ')}`);
