import Holidays from 'date-holidays';

/**
 * Days on which no statutory term ends (Algemene termijnenwet art. 3 and the decree that adds
 * Good Friday): New Year, Good Friday, Easter Monday, King's Day, 5 May every year, Ascension,
 * Whit Monday, Christmas and Boxing Day. date-holidays knows their dates (King's Day moves to
 * the 26th when the 27th is a Sunday); the law's own list picks them by rule, as date-holidays
 * types Good Friday and Liberation Day as school holidays only.
 */
const ATW_RULES = new Set(['01-01', 'easter -2', 'easter 1', '04-27 if sunday then previous saturday since 2014', '05-05', 'easter 39', 'easter 50', '12-25', '12-26']);
const dutchHolidays = new Holidays('NL');
const byYear = new Map<number, Set<string>>();

function atwHolidays(year: number): Set<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(dutchHolidays.getHolidays(year).filter((h) => ATW_RULES.has(h.rule)).map((h) => h.date.slice(0, 10)));
    byYear.set(year, days);
  }
  return days;
}

/** Dates are calendar days, YYYY-MM-DD, computed in UTC so no time zone shifts them. */
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => toDay(new Date(toDate(day).getTime() + days * 86_400_000));

export function isNonWorkingDay(day: string): boolean {
  const weekday = toDate(day).getUTCDay();
  return weekday === 0 || weekday === 6 || atwHolidays(Number(day.slice(0, 4))).has(day);
}

/** Algemene termijnenwet art. 1: a term ending on a Saturday, Sunday or holiday runs on to the next working day. */
export function nextWorkingDay(day: string): string {
  let result = day;
  while (isNonWorkingDay(result)) result = addDays(result, 1);
  return result;
}

/**
 * Art. 3:16 Awb: reactions may be given for six weeks, from the day the draft is laid open
 * (lid 2); so the term's last day is six weeks minus one day after that, extended by the Atw.
 */
export function inspectionTermEnd(laidOpenOn: string): { nominalEnd: string; endsOn: string; extended: boolean } {
  const nominalEnd = addDays(laidOpenOn, 6 * 7 - 1);
  const endsOn = nextWorkingDay(nominalEnd);
  return { nominalEnd, endsOn, extended: endsOn !== nominalEnd };
}
