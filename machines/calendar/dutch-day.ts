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

function clockParts(at: Date): Record<string, string> {
  return Object.fromEntries(AMSTERDAM_CLOCK.formatToParts(at).map((p) => [p.type, p.value]));
}

/** What the Dutch clock shows at a moment: its day (YYYY-MM-DD) and time (HH:MM), to fill a form. */
export function dutchClock(at: Date): { day: string; time: string } {
  const parts = clockParts(at);
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The moment the Dutch clock shows a day (YYYY-MM-DD) and time (HH:MM), as an ISO instant: "14:05" is 14:05 in Amsterdam, summer or winter. */
export function dutchMoment(day: string, time: string): string {
  const guess = Date.parse(`${day}T${time}:00Z`);
  const parts = clockParts(new Date(guess));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  // Amsterdam is ahead of UTC (one or two hours): its wall time comes that much earlier.
  return new Date(guess - (wall - guess)).toISOString();
}

/** The moment a Dutch calendar day (YYYY-MM-DD) begins: midnight in Europe/Amsterdam, as an ISO instant. */
export function startOfDutchDay(day: string): string {
  return dutchMoment(day, '00:00');
}
