import { createActor, type ActorScope, type SnapshotFrom, type StateValue } from 'xstate';
import { machineFor, machineOf, participationProjectMachine, type ParticipationProjectMachine } from './project.machine';
import { guideOf } from '../guide/guide-registry';
import type { ProjectContext, ProjectEvent, ProjectEventType, ProjectInput } from './project.types';

export type ProjectSnapshot = SnapshotFrom<ParticipationProjectMachine>;

/** What is stored in the database: enough to restore the snapshot exactly. */
export interface StoredSnapshot {
  value: StateValue;
  context: ProjectContext;
}

export function startProject(input: ProjectInput): ProjectSnapshot {
  // The inert scope below, rather than `initialTransition`, which builds a throw-away actor each time.
  return machineFor(guideOf(input)).getInitialSnapshot(scope(), input);
}

export function restoreProject(stored: StoredSnapshot): ProjectSnapshot {
  return machineOf(stored.context).resolveState({ value: stored.value, context: stored.context });
}

export function storeProject(snapshot: ProjectSnapshot): StoredSnapshot {
  return { value: snapshot.value, context: snapshot.context };
}

/**
 * XState's pure `transition()` builds a throw-away actor for every call, which costs more
 * than the transition itself. The machine has no side effects to run (only `assign`), so
 * one inert scope serves every call and the result is the same.
 */
let inertScope: ActorScope<ProjectSnapshot, ProjectEvent> | undefined;

function scope(): ActorScope<ProjectSnapshot, ProjectEvent> {
  if (!inertScope) {
    const self = createActor(participationProjectMachine, { input: { origin: 'municipality', politicalSensitivity: 'low' } });
    const nothing = () => undefined;
    inertScope = { self, system: self.system, id: '', sessionId: '', logger: nothing, defer: nothing, emit: nothing, stopChild: nothing, actionExecutor: nothing } as unknown as ActorScope<ProjectSnapshot, ProjectEvent>;
  }
  return inertScope;
}

export function applyProjectEvent(snapshot: ProjectSnapshot, event: ProjectEvent): ProjectSnapshot {
  return machineOf(snapshot.context).transition(snapshot, event, scope());
}

/** The final states (closed, stopped), read off the machine: a project there has ended. */
export const ENDED_STATES: readonly string[] = Object.values(participationProjectMachine.root.states)
  .filter((node) => node.type === 'final')
  .map((node) => node.key);

export function isEndedState(stateId: string): boolean {
  return ENDED_STATES.includes(stateId);
}

/** The state as a dotted path, e.g. `policyCycle.preparation.advice`. */
export function stateIdOf(snapshot: Pick<ProjectSnapshot, 'value'>): string {
  const parts: string[] = [];
  let value: StateValue = snapshot.value;
  while (typeof value !== 'string') {
    const [key] = Object.keys(value);
    parts.push(key);
    value = value[key] as StateValue;
  }
  parts.push(value);
  return parts.join('.');
}

/** The events some active state handles, innermost first; none once the project has ended. */
export function availableEvents(snapshot: ProjectSnapshot): ProjectEventType[] {
  return snapshot.status === 'done' ? [] : eventsIn(stateIdOf(snapshot), machineOf(snapshot.context));
}

/** What is read off a machine per state, once: one cache per machine (per guide version). */
function perState<T>(): (machine: ParticipationProjectMachine) => Map<string, T> {
  const caches = new WeakMap<ParticipationProjectMachine, Map<string, T>>();
  return (machine) => {
    let cache = caches.get(machine);
    if (!cache) caches.set(machine, (cache = new Map()));
    return cache;
  };
}

const TAGS_BY_STATE = perState<ReadonlySet<string>>();

/** The tags of a stored state (its id) and of the states it lies in, read off the machine once per state. */
export function tagsOf(stateId: string, machine: ParticipationProjectMachine = participationProjectMachine): ReadonlySet<string> {
  let tags = TAGS_BY_STATE(machine).get(stateId);
  if (!tags) {
    const path = stateId.split('.');
    const found = new Set<string>();
    for (let depth = path.length; depth >= 1; depth--) {
      const node = machine.getStateNodeById(`participationProject.${path.slice(0, depth).join('.')}`);
      for (const tag of node.tags) found.add(tag);
    }
    tags = found;
    TAGS_BY_STATE(machine).set(stateId, tags);
  }
  return tags;
}

const EVENTS_BY_STATE = perState<ProjectEventType[]>();

/** The events a stored state (its id) handles, read off the machine once per state: no snapshot to restore. */
export function eventsIn(stateId: string, machine: ParticipationProjectMachine = participationProjectMachine): ProjectEventType[] {
  let events = EVENTS_BY_STATE(machine).get(stateId);
  if (!events) {
    const path = stateId.split('.');
    const found = new Set<ProjectEventType>();
    if (!isEndedState(stateId)) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? machine.root : machine.getStateNodeById(`participationProject.${path.slice(0, depth).join('.')}`);
        for (const type of node.ownEvents) found.add(type as ProjectEventType);
      }
    }
    events = [...found];
    EVENTS_BY_STATE(machine).set(stateId, events);
  }
  return events;
}
