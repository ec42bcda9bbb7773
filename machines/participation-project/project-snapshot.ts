import { initialTransition, transition, type SnapshotFrom, type StateValue } from 'xstate';
import { participationProjectMachine } from './project.machine';
import type { ProjectContext, ProjectEvent, ProjectEventType, ProjectInput } from './project.types';

export type ProjectSnapshot = SnapshotFrom<typeof participationProjectMachine>;

/** What is stored in the database: enough to restore the snapshot exactly. */
export interface StoredSnapshot {
  value: StateValue;
  context: ProjectContext;
}

export function startProject(input: ProjectInput): ProjectSnapshot {
  const [snapshot] = initialTransition(participationProjectMachine, input);
  return snapshot;
}

export function restoreProject(stored: StoredSnapshot): ProjectSnapshot {
  return participationProjectMachine.resolveState({ value: stored.value, context: stored.context });
}

export function storeProject(snapshot: ProjectSnapshot): StoredSnapshot {
  return { value: snapshot.value, context: snapshot.context };
}

export function applyProjectEvent(snapshot: ProjectSnapshot, event: ProjectEvent): ProjectSnapshot {
  const [next] = transition(participationProjectMachine, snapshot, event);
  return next;
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
  if (snapshot.status === 'done') return [];
  const path = stateIdOf(snapshot).split('.');
  const events = new Set<ProjectEventType>();
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? participationProjectMachine.root : participationProjectMachine.getStateNodeById(`participationProject.${path.slice(0, depth).join('.')}`);
    for (const type of node.ownEvents) events.add(type as ProjectEventType);
  }
  return [...events];
}
