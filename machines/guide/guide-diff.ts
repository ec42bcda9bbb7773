import canonicalize from 'canonicalize';
import type { Text } from '../interaction/catalogue';
import type { GatedEventType } from '../participation-project/gates';
import { stepsOf } from './guide-steps';
import type { GuideDocument, GuideGate } from './guide.types';

export interface GuideDiff {
  added: Array<{ id: string; label: Text }>;
  removed: Array<{ id: string; label: Text }>;
  /** A step under another name: by the migration's state map where given, else by its unchanged label. */
  renamed: Array<{ from: string; to: string; fromLabel: Text; label: Text }>;
  gates: Array<{ event: GatedEventType; change: 'added' | 'removed' | 'changed'; body?: { from: GuideGate['body']; to: GuideGate['body'] }; rules?: { added: string[]; removed: string[]; changed: string[] } }>;
}

const labelsById = (guide: GuideDocument) => new Map([...stepsOf(guide.steps)].map(({ step }) => [step.id, step.label]));

/** What changed between two versions of a guide (the Handleidingen page shows it before a migration). */
export function guideDiff(before: GuideDocument, after: GuideDocument, stateMap: Readonly<Record<string, string>> = {}): GuideDiff {
  const old = labelsById(before);
  const next = labelsById(after);
  const gone = [...old].filter(([id]) => !next.has(id));
  const came = [...next].filter(([id]) => !old.has(id));
  const renamed: GuideDiff['renamed'] = [];
  for (const [id, label] of gone) {
    const to = stateMap[id] ?? came.find(([newId, newLabel]) => newLabel.nl === label.nl && !renamed.some((r) => r.to === newId))?.[0];
    if (to && came.some(([newId]) => newId === to)) renamed.push({ from: id, to, fromLabel: label, label: next.get(to)! });
  }
  const gates: GuideDiff['gates'] = [];
  for (const event of new Set([...Object.keys(before.gates), ...Object.keys(after.gates)]) as Set<GatedEventType>) {
    const a = before.gates[event];
    const b = after.gates[event];
    if (!a || !b) {
      gates.push({ event, change: a ? 'removed' : 'added' });
      continue;
    }
    const names = (gate: GuideGate) => Object.keys(gate.rules);
    const rules = {
      added: names(b).filter((n) => !names(a).includes(n)),
      removed: names(a).filter((n) => !names(b).includes(n)),
      changed: names(b).filter((n) => names(a).includes(n) && canonicalize(a.rules[n as keyof typeof a.rules]) !== canonicalize(b.rules[n as keyof typeof b.rules])),
    };
    const rulesChanged = rules.added.length + rules.removed.length + rules.changed.length > 0;
    if (a.body !== b.body || rulesChanged) gates.push({ event, change: 'changed', ...(a.body !== b.body && { body: { from: a.body, to: b.body } }), ...(rulesChanged && { rules }) });
  }
  return {
    added: came.filter(([id]) => !renamed.some((r) => r.to === id)).map(([id, label]) => ({ id, label })),
    removed: gone.filter(([id]) => !renamed.some((r) => r.from === id)).map(([id, label]) => ({ id, label })),
    renamed,
    gates,
  };
}
