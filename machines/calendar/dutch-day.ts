/**
 * A calendar day is a Dutch day (Europe/Amsterdam) everywhere: in "not in the future", in legal
 * terms, on screens. Between midnight and 01:00 (02:00 in summer) the UTC date is still
 * yesterday, so slicing an ISO timestamp would refuse a decision taken today.
 */
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the Netherlands at a moment, YYYY-MM-DD. */
export function dutchDay(at: Date): string {
  return AMSTERDAM_DAY.format(at);
}

/** Whether a day (YYYY-MM-DD) lies after today in the Netherlands. */
export function isFutureDay(day: string, now: Date): boolean {
  return day > dutchDay(now);
}
