/**
 * Selection and retention of a participation file when it goes to the archive (Archiefwet 1995
 * art. 5; Archiefregeling art. 4.1), after the Selectielijst gemeenten en intergemeentelijke
 * organen 2020 (Stcrt. 2020, 11143), which a municipality applies to records made from 1 January
 * 2020. A participation project prepares policy or a plan with residents, so the results of
 * procestype 2 "Beleid en regelgeving opstellen" and 3 "Plannen opstellen" are the ones that fit;
 * the numbers, names, valuations and terms below are the list's own (VNG referentielijsten,
 * selectielijst_2020_resultaten). Which result a closed and a stopped project get is the
 * municipality's choice (ARCHIVE_RESULT_CLOSED, ARCHIVE_RESULT_STOPPED); the defaults are the product's.
 */
export const SELECTIELIJST = 'Selectielijst gemeenten en intergemeentelijke organen 2020';
export const SELECTIELIJST_SOURCE = 'Stcrt. 2020, 11143';

export interface SelectionResult {
  /** The list's number: procestype, result, and where the result is specific, its specific number. */
  code: string;
  procestype: string;
  name: string;
  /** The specific case the result covers, when it is a specific one. */
  specific: string | null;
  valuation: 'bewaren' | 'vernietigen';
  /** How long after the file closed it may be destroyed (ISO 8601 duration); null: kept for good. */
  retention: string | null;
}

const POLICY = '2 Beleid en regelgeving opstellen';
const PLANS = '3 Plannen opstellen';

export const SELECTION_RESULTS: Readonly<Record<string, SelectionResult>> = {
  '2.1': { code: '2.1', procestype: POLICY, name: 'Vastgesteld', specific: null, valuation: 'vernietigen', retention: 'P10Y' },
  '2.1.1': { code: '2.1.1', procestype: POLICY, name: 'Vastgesteld', specific: 'Beleid met een externe werking', valuation: 'bewaren', retention: null },
  '2.2': { code: '2.2', procestype: POLICY, name: 'Niet doorgegaan', specific: null, valuation: 'vernietigen', retention: 'P5Y' },
  '2.4': { code: '2.4', procestype: POLICY, name: 'Afgebroken', specific: null, valuation: 'vernietigen', retention: 'P1Y' },
  '3.1': { code: '3.1', procestype: PLANS, name: 'Vastgesteld', specific: null, valuation: 'vernietigen', retention: 'P5Y' },
  '3.1.1': { code: '3.1.1', procestype: PLANS, name: 'Vastgesteld', specific: 'Beleidsplan met externe werking', valuation: 'bewaren', retention: null },
};

/**
 * The product's defaults: a closed project prepared policy that affects residents (participation
 * is about exactly that), so 2.1.1, kept for good; a stopped one did not go ahead, 2.2, five years.
 */
export const DEFAULT_SELECTION = { closed: '2.1.1', stopped: '2.2' } as const;

/** The result for a project that ended in `state` (closed or stopped), with the municipality's choice. */
export function selectionOf(state: string, choice: { closed: string; stopped: string }): SelectionResult {
  return SELECTION_RESULTS[state === 'stopped' ? choice.stopped : choice.closed];
}
