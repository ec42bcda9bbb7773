import type { StateValue } from 'xstate';
import type { Text } from '../interaction/catalogue';
import { requiredBody } from '../participation-project/blockers';
import { stepPaths } from '../participation-project/project.machine';
import { isEndedState, restoreProject, stateIdOf, type ProjectSnapshot, type StoredSnapshot } from '../participation-project/project-snapshot';
import type { GatedEventType, GreenLight, ProjectContext } from '../participation-project/project.types';
import { guideRefOf } from './guide-registry';
import type { GuideDocument, GuideRef } from './guide.types';

/**
 * Moving a running project to another version of its guide (issue 20), as workflow engines
 * migrate process instances: its step maps by name (or by the decision's `stateMap`, for a step
 * renamed or merged) to a step of the new version. Pure: the service loads and writes.
 */
export type MigrationRefusal = 'not-running' | 'no-mapping' | 'not-this-guide';

export type MigrationPlan =
  | { outcome: 'move'; from: GuideRef; to: GuideRef; stateBefore: string; stateAfter: string; snapshot: ProjectSnapshot; lapsed: LapsedGreenLight[] }
  | { outcome: 'unchanged'; stateBefore: string }
  | { outcome: 'refused'; code: MigrationRefusal; stateBefore: string; message: Text };

/** A green light recorded under the old version that the new one asks of another body (or no longer asks): it no longer opens its step. */
export interface LapsedGreenLight {
  decisionId: string;
  gate: GatedEventType;
  body: GreenLight['body'];
  /** The body the new version asks for the gate; null where it has no such gate. */
  nowRequired: GreenLight['body'] | null;
}

/** `policyCycle.preparation.advice` → { policyCycle: { preparation: 'advice' } }. */
function valueOf(path: string): StateValue {
  const parts = path.split('.');
  return parts.slice(0, -1).reduceRight<StateValue>((inner, part) => ({ [part]: inner }), parts[parts.length - 1]);
}

/** The faults of a state map: each key a step of one of the older versions, each value a step of the new one. */
export function stateMapFaults(older: readonly GuideDocument[], to: GuideDocument, stateMap: Readonly<Record<string, unknown>>): Array<{ path: string; message: Text }> {
  const next = stepPaths(to.steps);
  return Object.entries(stateMap).flatMap(([key, value]) => [
    ...(older.some((guide) => stepPaths(guide.steps).has(key)) ? [] : [{ path: `stateMap.${key}`, message: { nl: `Geen oudere versie heeft een stap '${key}'.`, en: `No older version has a step '${key}'.` } }]),
    ...(typeof value === 'string' && next.has(value) ? [] : [{ path: `stateMap.${key}`, message: { nl: `Versie ${to.version} heeft geen stap '${String(value)}'.`, en: `Version ${to.version} has no step '${String(value)}'.` } }]),
  ]);
}

/**
 * What migrating a stored project to `to` would do. `openDecisions`: the green lights recorded and
 * not yet used in its current cycle.
 */
export function planMigration(stored: StoredSnapshot, to: GuideDocument, toRef: GuideRef, stateMap: Readonly<Record<string, string>>, openDecisions: readonly GreenLight[]): MigrationPlan {
  const from = guideRefOf(stored.context);
  const stateBefore = stateIdOf(stored);
  if (from.id !== to.id) return { outcome: 'refused', code: 'not-this-guide', stateBefore, message: { nl: `Het project volgt de handleiding ${from.id}.`, en: `The project runs under the guide ${from.id}.` } };
  if (from.sha256 === toRef.sha256 || from.version >= toRef.version) return { outcome: 'unchanged', stateBefore };
  if (isEndedState(stateBefore)) return { outcome: 'refused', code: 'not-running', stateBefore, message: { nl: 'Het project is beëindigd; een beëindigd project blijft onder zijn versie.', en: 'The project has ended; an ended project stays under its version.' } };
  const step = stateBefore.split('.').at(-1)!;
  const mapped = stateMap[step] ?? step;
  const path = stepPaths(to.steps).get(mapped);
  if (!path) {
    return { outcome: 'refused', code: 'no-mapping', stateBefore, message: { nl: `Versie ${toRef.version} heeft geen stap '${mapped}': geef in stateMap aan naar welke stap '${step}' gaat.`, en: `Version ${toRef.version} has no step '${mapped}': say in stateMap which step '${step}' goes to.` } };
  }
  const context: ProjectContext = { ...stored.context, guide: toRef };
  const snapshot = restoreProject({ value: valueOf(path), context });
  // A green light that opened its step under the old version keeps doing so only if the new version asks the same body.
  const lapsed = openDecisions
    .filter((d) => d.outcome === 'approved' && d.body === requiredBody(stored.context, d.gate))
    .flatMap((d) => {
      const nowRequired = to.gates[d.gate] ? requiredBody(context, d.gate) : null;
      return nowRequired === d.body ? [] : [{ decisionId: d.id, gate: d.gate, body: d.body, nowRequired }];
    });
  return { outcome: 'move', from, to: toRef, stateBefore, stateAfter: stateIdOf(snapshot), snapshot, lapsed };
}
