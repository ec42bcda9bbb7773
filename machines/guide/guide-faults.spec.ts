import { guideFaults } from './guide-faults';
import { defaultGuide } from './guide-registry';
import type { GuideDocument } from './guide.types';

/** The default guide, changed by `edit`: each case breaks one thing. */
function broken(edit: (g: GuideDocument & Record<string, unknown>) => void): unknown {
  const guide = structuredClone(defaultGuide()) as GuideDocument & Record<string, unknown>;
  edit(guide);
  return guide;
}
const paths = (document: unknown) => guideFaults(document).map((f) => f.path);

describe('guideFaults: every fault refused with its path', () => {
  it('passes the default guide', () => {
    expect(guideFaults(defaultGuide())).toEqual([]);
  });

  it.each<[string, (g: GuideDocument & Record<string, unknown>) => void, string]>([
    ['a gate without a body', (g) => delete (g.gates.COMMIT as Partial<GuideDocument['gates']['COMMIT']>)!.body, 'gates.COMMIT.body'],
    ['a body the product does not know', (g) => ((g.gates.COMMIT as unknown as { body: string }).body = 'burgemeester'), 'gates.COMMIT.body'],
    ['a rule name that does not exist', (g) => ((g.gates.CLOSE!.rules as Record<string, unknown>)['moon-is-full'] = {}), 'gates.CLOSE.rules.moon-is-full'],
    ['a missing parameter', (g) => delete (g.gates.ADOPT_PLAN!.rules['level-communicated'] as Partial<{ phase: string }>).phase, 'gates.ADOPT_PLAN.rules.level-communicated.phase'],
    ['a parameter out of its range', (g) => ((g.gates.START_INTERACTIVE!.rules['quick-scan-complete'] as { route: string }).route = 'sideways'), 'gates.START_INTERACTIVE.rules.quick-scan-complete.route'],
    ['an event the product does not know', (g) => ((g.steps[1].transitions![0] as { event: string }).event = 'CELEBRATE'), 'steps[1].transitions[0].event'],
    ['a field that is not part of the format', (g) => (g.code = 'return true'), 'code'],
    ['a missing term', (g) => delete (g.inspraak as Partial<GuideDocument['inspraak']>).termDays, 'inspraak.termDays'],
    ['a level that does not exist', (g) => ((g.levels.execution as string[])[0] = 'shout'), 'levels.execution[0]'],
    ['a label without its English', (g) => delete (g.steps[4].steps![0].label as Partial<GuideDocument['name']>).en, 'steps[4].steps[0].label.en'],
  ])('refuses %s (schema)', (_name, edit, path) => {
    expect(paths(broken(edit))).toContain(path);
    expect(guideFaults(broken(edit)).every((f) => f.message.nl.length > 0 && f.message.en.length > 0)).toBe(true);
  });

  it.each<[string, (g: GuideDocument & Record<string, unknown>) => void, string]>([
    ['a step that does not exist', (g) => (g.steps[2].transitions![0].to = 'nowhere'), 'steps[2].transitions[0].to'],
    ['two steps with one name', (g) => (g.steps[3].id = 'quickScan'), 'steps[3].id'],
    ['a gated step without its gate', (g) => delete g.gates.COMMIT, 'steps[2].transitions[0].event'],
    ['a gate no step uses', (g) => (g.steps[2].transitions = g.steps[2].transitions!.filter((t) => t.event !== 'COMMIT')), 'gates.COMMIT'],
    ['a one-origin step without where the other goes', (g) => delete g.steps[0].otherwise, 'steps[0].otherwise'],
  ])('refuses %s (names)', (_name, edit, path) => {
    expect(paths(broken(edit))).toContain(path);
  });

  it('refuses an unreachable step with its path', () => {
    // Nothing leads to the formal commitment any more: the step and the plan after it are out of reach.
    const document = broken((g) => {
      g.steps[1].transitions = g.steps[1].transitions!.filter((t) => t.event !== 'START_INTERACTIVE');
      delete g.gates.START_INTERACTIVE;
    });
    expect(paths(document)).toEqual(['steps[2]', 'steps[3]']);
    expect(guideFaults(document)[0].message.nl).toBe("Geen project kan de stap 'formalCommitment' bereiken.");
  });

  it('refuses a dead end with its path', () => {
    const document = broken((g) => {
      g.steps[2].transitions = [];
      delete g.gates.COMMIT;
      g.steps[1].transitions!.push({ event: 'COMMIT', to: 'planOfApproach' });
      g.gates.COMMIT = { body: 'by-sensitivity', rules: {} };
    });
    expect(paths(document)).toEqual(['steps[2]']);
  });

  it('refuses what is not a guide at all, with every missing part named', () => {
    expect(paths({ id: 'x' })).toEqual(expect.arrayContaining(['id', 'version', 'steps', 'gates']));
    expect(paths('steps: []')).toEqual(['(document)']);
  });
});
