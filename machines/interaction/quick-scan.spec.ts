import { QUICK_SCAN_ITEMS, type QuickScanItem, type Score } from './catalogue';
import { assessQuickScan, type QuickScan } from './quick-scan';

const allScored = (score: Score): Record<QuickScanItem, Score> => Object.fromEntries(QUICK_SCAN_ITEMS.map((item) => [item, score])) as Record<QuickScanItem, Score>;

const scan = (overrides: Partial<QuickScan> = {}): QuickScan => ({
  participants: [{ role: 'communication-adviser', name: 'C. Adviseur' }],
  scores: allScored('fairly'),
  influenceAspects: { political: 'fairly', legal: 'a-little', policy: 'fairly', societal: 'much' },
  greenLights: ['a', 'c'],
  redLights: [],
  inspraak: { legallyRequired: false },
  ...overrides,
});
const codes = (s: QuickScan) => assessQuickScan(s).reasons.map((r) => `${r.code}${r.subject ? `:${r.subject}` : ''}`);

describe('the quick scan’s advice (§1.6, §1.7, §2.1)', () => {
  it('gives no advice on an incomplete scan, and names what is missing', () => {
    expect(assessQuickScan(null)).toMatchObject({ complete: false, advice: null });
    const partial = assessQuickScan(scan({ scores: { ...allScored('much'), 'organisation.time': undefined }, influenceAspects: { political: 'much' }, participants: [], inspraak: {} }));
    expect(partial.complete).toBe(false);
    expect(partial.advice).toBeNull();
    expect(partial.missing).toEqual(['organisation.time', 'influenceAspects.legal', 'influenceAspects.policy', 'influenceAspects.societal', 'participants', 'inspraak.legallyRequired']);
  });

  it('advises interactive when every precondition is met at least a little and a green light applies', () => {
    const result = assessQuickScan(scan());
    expect(result.advice).toBe('interactive');
    expect(codes(scan())).toEqual(['preconditions-met', 'green-light:a', 'green-light:c']);
    expect(result.reasons[1].text.nl).toContain('grote belangen van burgers');
  });

  it.each(QUICK_SCAN_ITEMS.map((item) => [item]))('advises not-interactive when %s is scored "none", naming it', (item) => {
    const s = scan({ scores: { ...allScored('fairly'), [item]: 'none' } });
    expect(assessQuickScan(s).advice).toBe('not-interactive');
    expect(codes(s)).toContain(`precondition-none:${item}`);
  });

  it.each(QUICK_SCAN_ITEMS.map((item) => [item]))('calls it doubtful when %s is scored "hardly"', (item) => {
    const s = scan({ scores: { ...allScored('much'), [item]: 'hardly' } });
    expect(assessQuickScan(s).advice).toBe('doubtful');
    expect(codes(s)).toContain(`precondition-hardly:${item}`);
  });

  it('calls it doubtful with a red light beside green ones, and with no light at all', () => {
    expect(assessQuickScan(scan({ redLights: ['c'] })).advice).toBe('doubtful');
    expect(codes(scan({ redLights: ['c'] }))).toContain('red-light:c');
    expect(assessQuickScan(scan({ greenLights: [] })).advice).toBe('doubtful');
    expect(codes(scan({ greenLights: [] }))).toEqual(['no-green-light']);
  });

  it('advises not-interactive with red lights and no green light', () => {
    const s = scan({ greenLights: [], redLights: ['a', 'd'] });
    expect(assessQuickScan(s).advice).toBe('not-interactive');
    expect(codes(s)).toEqual(['red-light:a', 'red-light:d', 'only-red-lights']);
  });

  it('keeps every score visible: a "none" is not averaged away by many "much"', () => {
    const s = scan({ scores: { ...allScored('much'), 'organisation.money': 'none' } });
    expect(assessQuickScan(s).advice).toBe('not-interactive');
  });

  it('weighs the four aspects of the room for influence (§2.1): all at none advises against, one at none makes it doubtful, and says which', () => {
    const base = scan();
    const allNone = { ...base, influenceAspects: { political: 'none', legal: 'none', policy: 'none', societal: 'none' } } as const;
    const closed = assessQuickScan(allNone);
    expect(closed.advice).toBe('not-interactive');
    expect(closed.reasons.map((r) => r.code)).toContain('aspects-all-none');
    expect(closed.reasons.map((r) => r.code)).not.toContain('preconditions-met');
    const oneClosed = assessQuickScan({ ...base, influenceAspects: { ...allNone.influenceAspects, political: 'fairly', policy: 'much', societal: 'a-little' } });
    expect(oneClosed.advice).toBe('doubtful');
    expect(oneClosed.reasons.filter((r) => r.code === 'aspect-none').map((r) => r.subject)).toEqual(['legal']);
    expect(oneClosed.reasons.find((r) => r.code === 'aspect-none')!.text.nl).toMatch(/juridische ruimte: geen/);
  });
});
