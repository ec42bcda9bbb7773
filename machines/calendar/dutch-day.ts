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

const LONG_DAY = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
};

/** A calendar day (YYYY-MM-DD) as people read it: "dinsdag 28 april 2026", "Tuesday 28 April 2026". */
export function longDay(day: string, lang: 'nl' | 'en'): string {
  return LONG_DAY[lang].format(new Date(`${day}T00:00:00Z`));
}

const AMSTERDAM_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The moment a Dutch calendar day (YYYY-MM-DD) begins: midnight in Europe/Amsterdam, as an ISO instant. */
export function startOfDutchDay(day: string): string {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const parts = Object.fromEntries(AMSTERDAM_CLOCK.formatToParts(new Date(utcMidnight)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  // Amsterdam is ahead of UTC (one or two hours): its midnight comes that much earlier.
  return new Date(utcMidnight - (wall - utcMidnight)).toISOString();
}
