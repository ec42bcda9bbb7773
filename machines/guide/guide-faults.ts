import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeNl from 'ajv-i18n/localize/nl';
import type { Text } from '../interaction/catalogue';
import { isGatedEvent } from '../participation-project/gates';
import { unreachableStates } from '../participation-project/machine-graph';
import { stepPaths } from '../participation-project/project.machine';
import { ENDED_STATES } from '../participation-project/project-snapshot';
import { PHASE_STATES } from '../participation-project/project-states';
import { GUIDE_SCHEMA } from './guide-schema';
import type { GuideDocument, GuideStep } from './guide.types';

/** One fault of a guide document: where (`steps[3].transitions[0].to`) and what, in both languages. */
export interface GuideFault {
  path: string;
  message: Text;
}

// Compiled on first use, unoptimised: a guide is checked at start and on publishing, never on a hot path.
let compiled: ValidateFunction<GuideDocument> | undefined;
const validate = (document: unknown): document is GuideDocument => {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, code: { optimize: false } }).compile<GuideDocument>(GUIDE_SCHEMA);
  return compiled(document);
};

/** `/steps/3/gate` and a missing `body` → `steps[3].gate.body`: the path a writer of YAML reads. */
function pathOf(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ?? (error.params as { additionalProperty?: string }).additionalProperty;
  if (extra) parts.push(extra);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function schemaFaults(errors: ErrorObject[]): GuideFault[] {
  // ajv-i18n writes each message in place: one copy of the errors per language.
  const nl = errors.map((e) => ({ ...e }));
  const en = errors.map((e) => ({ ...e }));
  localizeNl(nl);
  localizeEn(en);
  // The alternatives of an enumeration say which values are allowed: a writer needs them.
  const allowed = (e: ErrorObject) => ((e.params as { allowedValues?: unknown[] }).allowedValues ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : '');
  const seen = new Set<string>();
  return errors.flatMap((error, i) => {
    const fault = { path: pathOf(error) || '(document)', message: { nl: `${nl[i].message}${allowed(error)}`, en: `${en[i].message}${allowed(error)}` } };
    const key = `${fault.path} ${fault.message.en}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [fault];
  });
}

interface Located {
  step: GuideStep;
  path: string;
  parent: Located | null;
}

function locate(steps: readonly GuideStep[], prefix = 'steps', parent: Located | null = null): Located[] {
  return steps.flatMap((step, i) => {
    const here: Located = { step, path: `${prefix}[${i}]`, parent };
    return [here, ...locate(step.steps ?? [], `${here.path}.steps`, here)];
  });
}

const fault = (path: string, nl: string, en: string): GuideFault => ({ path, message: { nl, en } });

/** What the schema cannot say: every name a step points to exists, every gated step has its gate, every step is reachable and leads on. */
function structureFaults(guide: GuideDocument): GuideFault[] {
  const located = locate(guide.steps);
  const ids = new Map<string, string>();
  const faults: GuideFault[] = [];
  for (const { step, path } of located) {
    const first = ids.get(step.id);
    if (first) faults.push(fault(`${path}.id`, `De stap '${step.id}' bestaat al (${first}).`, `The step '${step.id}' already exists (${first}).`));
    else ids.set(step.id, path);
  }
  const used = new Set<string>();
  for (const { step, path } of located) {
    if (step.otherwise && !ids.has(step.otherwise)) faults.push(fault(`${path}.otherwise`, `Er is geen stap '${step.otherwise}'.`, `There is no step '${step.otherwise}'.`));
    if (!!step.onlyFor !== !!step.otherwise) faults.push(fault(`${path}.${step.onlyFor ? 'otherwise' : 'onlyFor'}`, 'onlyFor en otherwise horen bij elkaar: geef beide.', 'onlyFor and otherwise go together: give both.'));
    if (step.final && (step.transitions?.length || step.steps?.length)) faults.push(fault(`${path}.final`, 'Een eindstap heeft geen overgangen en geen stappen binnen zich.', 'A final step has no transitions and no steps inside it.'));
    (step.transitions ?? []).forEach(({ event, to }, j) => {
      if (!ids.has(to)) faults.push(fault(`${path}.transitions[${j}].to`, `Er is geen stap '${to}'.`, `There is no step '${to}'.`));
      if (isGatedEvent(event) && !guide.gates[event]) faults.push(fault(`${path}.transitions[${j}].event`, `${event} heeft groen licht nodig, maar gates noemt er geen poort voor.`, `${event} needs a green light, but gates has no gate for it.`));
      used.add(event);
    });
  }
  for (const event of Object.keys(guide.gates)) {
    if (!used.has(event)) faults.push(fault(`gates.${event}`, `Geen stap gaat verder met ${event}: de poort wordt nooit gebruikt.`, `No step goes on with ${event}: the gate is never used.`));
  }
  if (!located.some(({ step }) => step.final)) faults.push(fault('steps', 'De handleiding heeft geen eindstap (final: true).', 'The guide has no final step (final: true).'));
  // The product's pages, reminders and retention know a project's two ends and the phases of the policy cycle by their names.
  const paths = stepPaths(guide.steps);
  for (const { step, path } of located) {
    if (!!step.final !== ENDED_STATES.includes(step.id)) {
      faults.push(fault(`${path}.${step.final ? 'id' : 'final'}`, `Een project eindigt in 'closed' (afgesloten) of 'stopped' (gestopt): alleen die twee stappen zijn eindstappen.`, `A project ends in 'closed' or 'stopped': those two steps, and only they, are final.`));
    }
    const phasePath = step.phase && PHASE_STATES[step.phase];
    if (phasePath && paths.get(step.id) !== phasePath) faults.push(fault(`${path}.phase`, `De fase ${step.phase} ligt in de stap ${phasePath}.`, `The phase ${step.phase} is the step ${phasePath}.`));
  }
  return faults;
}

/** Steps no project can reach, and steps a project cannot leave although it has not ended. */
function graphFaults(guide: GuideDocument): GuideFault[] {
  const pathOfStep = new Map(locate(guide.steps).map((l) => [l.step.id, l]));
  const faults: GuideFault[] = [];
  for (const state of unreachableStates(guide)) {
    const id = state.split('.').at(-1)!;
    faults.push(fault(pathOfStep.get(id)?.path ?? 'steps', `Geen project kan de stap '${id}' bereiken.`, `No project can reach the step '${id}'.`));
  }
  for (const located of pathOfStep.values()) {
    if (located.step.final || located.step.steps?.length) continue;
    let leadsOn = false;
    for (let at: Located | null = located; at && !leadsOn; at = at.parent) leadsOn = (at.step.transitions ?? []).length > 0 || !!at.step.otherwise;
    if (!leadsOn) faults.push(fault(located.path, `De stap '${located.step.id}' is een doodlopende weg: er gaat geen overgang uit en het is geen eindstap.`, `The step '${located.step.id}' is a dead end: no transition leaves it and it is not final.`));
  }
  return faults;
}

/**
 * Every fault of a guide document, each with its path: the schema's first, then the names it
 * points to, then the graph (the same check the start-up runs for the shipped guides). Empty
 * when the guide may be published.
 */
export function guideFaults(document: unknown): GuideFault[] {
  if (!validate(document)) return schemaFaults(compiled!.errors ?? []);
  const structure = structureFaults(document);
  return structure.length > 0 ? structure : graphFaults(document);
}
