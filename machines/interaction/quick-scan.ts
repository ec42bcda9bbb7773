import type { InspraakForm, Level } from './catalogue';
import { CRITERIA, INFLUENCE_ASPECTS, QUICK_SCAN_ITEMS, type Criterion, type InfluenceAspect, type QuickScanItem, type ScanRole, type Score, type Text, QUICK_SCAN_ITEM_NAMES, SCORE_NAMES, GREEN_LIGHTS, RED_LIGHTS, INFLUENCE_ASPECT_NAMES } from './catalogue';

/** §2.1 "invulschema interactieve aanpak": may be saved while incomplete. */
export interface QuickScan {
  subject?: string;
  participants?: Array<{ role: ScanRole; name: string }>;
  scores?: Partial<Record<QuickScanItem, Score>>;
  /** The four aspects that make up the room for influence, each scored. */
  influenceAspects?: Partial<Record<InfluenceAspect, Score>>;
  greenLights?: Criterion[];
  redLights?: Criterion[];
  /**
   * §1.4 with afdeling 3.4 Awb: whether the law requires inspraak, recorded with the decision on
   * the route, so it binds a project decided non-interactive too; the form may wait for the plan
   * on the interactive route, and is needed to decide non-interactive.
   */
  inspraak?: { legallyRequired?: boolean; form?: InspraakForm };
  /**
   * §1.1: a project decided non-interactive still informs (open authoritarian) or does not
   * (closed authoritarian, level "none"); no plan follows to say so per phase. Silence is
   * counted unless it is "none".
   */
  levelWithoutInteraction?: Extract<Level, 'inform' | 'none'>;
  notes?: string;
}

export const QUICK_SCAN_ADVICES = ['interactive', 'doubtful', 'not-interactive'] as const;
export type QuickScanAdvice = (typeof QUICK_SCAN_ADVICES)[number];

export interface AdviceReason {
  code: 'precondition-none' | 'precondition-hardly' | 'aspect-none' | 'aspects-all-none' | 'red-light' | 'only-red-lights' | 'no-green-light' | 'green-light' | 'preconditions-met';
  /** The item or criterion the reason is about. */
  subject?: string;
  text: Text;
}

export interface QuickScanAssessment {
  complete: boolean;
  /** What still has to be filled in: item keys, `influenceAspects.<aspect>`, `participants`, `inspraak.legallyRequired`. */
  missing: string[];
  /** Null while incomplete: no advice on half a scan. */
  advice: QuickScanAdvice | null;
  reasons: AdviceReason[];
}

/**
 * The advice, explained (README "Quick scan advice"). Every scored item is judged on its own;
 * nothing is added up:
 * - not-interactive: a precondition scored "none", all four aspects of the room for influence
 *   scored "none", or red lights without any green light;
 * - doubtful: a precondition scored "hardly", one aspect of the room for influence scored
 *   "none", any red light, or no green light at all;
 * - interactive: otherwise.
 * The room for influence is the mix of its political, legal, policy and societal aspects
 * (§2.1); weighing them this way is the product's choice, the guide gives no formula.
 */
export function assessQuickScan(scan: QuickScan | null): QuickScanAssessment {
  const scores = scan?.scores ?? {};
  const missing: string[] = [
    ...QUICK_SCAN_ITEMS.filter((item) => !scores[item]),
    ...INFLUENCE_ASPECTS.filter((aspect) => !scan?.influenceAspects?.[aspect]).map((aspect) => `influenceAspects.${aspect}`),
    ...(scan?.participants?.length ? [] : ['participants']),
    ...(typeof scan?.inspraak?.legallyRequired === 'boolean' ? [] : ['inspraak.legallyRequired']),
  ];
  if (!scan || missing.length > 0) return { complete: false, missing, advice: null, reasons: [] };

  const green = unique(scan.greenLights ?? []);
  const red = unique(scan.redLights ?? []);
  const reasons: AdviceReason[] = [];
  const scored = (score: Score) => QUICK_SCAN_ITEMS.filter((item) => scores[item] === score);
  for (const item of scored('none')) reasons.push(itemReason('precondition-none', item, 'none'));
  for (const item of scored('hardly')) reasons.push(itemReason('precondition-hardly', item, 'hardly'));
  const closedAspects = INFLUENCE_ASPECTS.filter((aspect) => scan.influenceAspects?.[aspect] === 'none');
  if (closedAspects.length === INFLUENCE_ASPECTS.length) {
    reasons.push({ code: 'aspects-all-none', text: { nl: 'Politiek, juridisch, beleidsmatig en maatschappelijk is er geen ruimte voor invloed (§2.1).', en: 'There is no room for influence politically, legally, in policy or in society (§2.1).' } });
  } else {
    for (const aspect of closedAspects) {
      reasons.push({ code: 'aspect-none', subject: aspect, text: { nl: `Beïnvloedingsruimte, ${INFLUENCE_ASPECT_NAMES[aspect].nl.toLowerCase()}: geen.`, en: `Room for influence, ${INFLUENCE_ASPECT_NAMES[aspect].en.toLowerCase()}: none.` } });
    }
  }
  for (const c of red) reasons.push({ code: 'red-light', subject: c, text: { nl: `Rood licht ${c}: ${RED_LIGHTS[c].nl}`, en: `Red light ${c}: ${RED_LIGHTS[c].en}` } });
  if (green.length === 0) {
    reasons.push(
      red.length > 0
        ? { code: 'only-red-lights', text: { nl: 'Er zijn rode lichten en geen enkel groen licht.', en: 'There are red lights and no green light at all.' } }
        : { code: 'no-green-light', text: { nl: 'Geen enkel groen licht is van toepassing.', en: 'No green light applies.' } },
    );
  }
  for (const c of green) reasons.push({ code: 'green-light', subject: c, text: { nl: `Groen licht ${c}: ${GREEN_LIGHTS[c].nl}`, en: `Green light ${c}: ${GREEN_LIGHTS[c].en}` } });

  const has = (code: AdviceReason['code']) => reasons.some((r) => r.code === code);
  const advice: QuickScanAdvice =
    has('precondition-none') || has('aspects-all-none') || has('only-red-lights')
      ? 'not-interactive'
      : has('precondition-hardly') || has('aspect-none') || has('red-light') || has('no-green-light')
        ? 'doubtful'
        : 'interactive';
  if (advice === 'interactive') reasons.unshift({ code: 'preconditions-met', text: { nl: 'Alle randvoorwaarden zijn minstens een beetje aanwezig.', en: 'Every precondition is met at least a little.' } });
  return { complete: true, missing: [], advice, reasons };
}

function itemReason(code: 'precondition-none' | 'precondition-hardly', item: QuickScanItem, score: Score): AdviceReason {
  return {
    code,
    subject: item,
    text: { nl: `${QUICK_SCAN_ITEM_NAMES[item].nl} — ${SCORE_NAMES[score].nl}.`, en: `${QUICK_SCAN_ITEM_NAMES[item].en} — ${SCORE_NAMES[score].en}.` },
  };
}

function unique(criteria: Criterion[]): Criterion[] {
  return CRITERIA.filter((c) => criteria.includes(c));
}
