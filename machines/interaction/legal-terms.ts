import Holidays from 'date-holidays';
import { startOfDutchDay } from '../calendar/dutch-day';
import { EQUATING_DECREES } from './decreed-days';

/**
 * Days on which no statutory term ends (Algemene termijnenwet art. 3 and the decree that adds
 * Good Friday): New Year, Good Friday, Easter Monday, King's Day, 5 May every year, Ascension,
 * Whit Monday, Christmas and Boxing Day, and the days a decree equates with them (art. 3 lid 3).
 * date-holidays knows their dates (King's Day moves to
 * the 26th when the 27th is a Sunday); the law's own list picks them by rule, as date-holidays
 * types Good Friday and Liberation Day as school holidays only.
 */
const ATW_RULES = new Set(['01-01', 'easter -2', 'easter 1', '04-27 if sunday then previous saturday since 2014', '05-05', 'easter 39', 'easter 50', '12-25', '12-26']);
const dutchHolidays = new Holidays('NL');
const byYear = new Map<number, Set<string>>();

/** The law's holidays of a year, with the days a decree equated with them (art. 3 lid 3, machines/interaction/decreed-days.ts). */
function atwHolidays(year: number): Set<string> {
  let days = byYear.get(year);
  if (!days) {
    const decreed = EQUATING_DECREES.flatMap((decree) => decree.days).filter((day) => day.startsWith(`${year}-`));
    days = new Set([...dutchHolidays.getHolidays(year).filter((h) => ATW_RULES.has(h.rule)).map((h) => h.date.slice(0, 10)), ...decreed]);
    byYear.set(year, days);
  }
  return days;
}

/** Whether a decree is known for the year: for a later year, a decree still to come may equate another day. */
export function decreesKnownFor(year: number): boolean {
  return EQUATING_DECREES.some((decree) => year >= decree.years[0] && year <= decree.years[1]);
}

export interface TermWarning {
  code: 'term-beyond-known-decrees';
  message: { nl: string; en: string };
}

/** Warnings about a term's last day that the law may still change. */
export function termWarnings(endsOn: string): TermWarning[] {
  const year = Number(endsOn.slice(0, 4));
  if (decreesKnownFor(year)) return [];
  return [
    {
      code: 'term-beyond-known-decrees',
      message: {
        nl: `De termijn eindigt in ${year}. Voor dat jaar is nog geen besluit bekend dat extra dagen gelijkstelt met een feestdag (Algemene termijnenwet, artikel 3 lid 3). Zo'n besluit kan de einddatum nog later maken: controleer hem als het besluit verschijnt.`,
        en: `The term ends in ${year}. No decree is known yet that equates extra days with holidays for that year (Algemene termijnenwet, art. 3(3)). Such a decree may still move the last day: check it once the decree appears.`,
      },
    },
  ];
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

/** Art. 3:16 lid 1 Awb: six weeks for zienswijzen. */
export const AWB_INSPECTION_DAYS = 6 * 7;

/**
 * Art. 3:16 Awb: reactions may be given for six weeks, from the day the draft is laid open
 * (lid 2); so the term's last day is six weeks minus one day after that, extended by the Atw.
 * A term of another length (the inspraakverordening, a procedure the college set) is counted
 * the same way.
 */
export function inspectionTermEnd(laidOpenOn: string, days = AWB_INSPECTION_DAYS): StatutoryTermEnd {
  return statutoryTermEnd(laidOpenOn, days);
}

export interface StatutoryTermEnd {
  nominalEnd: string;
  endsOn: string;
  extended: boolean;
}

/**
 * A statutory term of `days` days whose first day is `firstDay`: its nominal last day, and the last
 * day the Algemene termijnenwet makes of it (art. 1: not on a Saturday, Sunday or holiday; art. 2:
 * at least two working days in a term of three days or more).
 */
export function statutoryTermEnd(firstDay: string, days: number): StatutoryTermEnd {
  const nominalEnd = addDays(firstDay, days - 1);
  const endsOn = withTwoWorkingDays(firstDay, nextWorkingDay(nominalEnd), days);
  return { nominalEnd, endsOn, extended: endsOn !== nominalEnd };
}

/** The moment a term whose last day is `lastDay` has passed: the start of the Dutch day after it. */
export const termPassedAt = (lastDay: string) => startOfDutchDay(addDays(lastDay, 1));

/** The number of calendar days from one day to a later one. */
export const daysBetween = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);

/**
 * Algemene termijnenwet art. 2: a term of at least three days is extended as far as needed for it
 * to hold at least two days that are no Saturday, Sunday or holiday (applied wherever art. 1 is).
 */
function withTwoWorkingDays(firstDay: string, lastDay: string, days: number): string {
  if (days < 3) return lastDay;
  let end = lastDay;
  const workingDaysUpTo = (until: string) => {
    let count = 0;
    for (let day = firstDay; day <= until; day = addDays(day, 1)) if (!isNonWorkingDay(day)) count++;
    return count;
  };
  while (workingDaysUpTo(end) < 2) end = nextWorkingDay(addDays(end, 1));
  return end;
}

/** How a zienswijze came in. */
export const REACTION_CHANNELS = ['letter', 'email', 'web', 'oral'] as const;
export type ReactionChannel = (typeof REACTION_CHANNELS)[number];

/**
 * Art. 6:9 lid 2 Awb, applied to zienswijzen by art. 3:16 lid 3: a written reaction sent by post
 * is on time when it was posted before the term ended and received no later than a week after.
 */
export const POSTAL_GRACE_DAYS = 7;

/** The last day a letter posted within the term may still arrive. */
export function postalWeekEnd(endsOn: string): string {
  return addDays(endsOn, POSTAL_GRACE_DAYS);
}

/**
 * Whether a reaction is on time: received within the term, or, under afdeling 3.4 Awb (where
 * art. 3:16 lid 3 applies art. 6:9), posted within it and received within the week after.
 */
/** The term of a terinzagelegging as the procedure sets it, or why the one given cannot be. */
export type InspectionTermChoice =
  | { termDays: number; procedureReference: string | null; termSource: string | null; postalWeek: boolean }
  | { refused: 'procedure-term-required' | 'procedure-term-too-short' | 'term-fixed' | 'term-source-required' | 'term-too-short'; message: string; minimumDays?: number };

/**
 * The term of a terinzagelegging under its procedure (§1.4): afdeling 3.4 Awb six weeks (art. 3:16
 * lid 1), or longer where a statute or ordinance sets it; the inspraakverordening its own term, with
 * the postal week unless it says otherwise (Gemeentewet art. 150 lid 2); a procedure the college set
 * (form f) its own term, at least the municipality's minimum, without the postal week.
 */
export function inspectionTerm(
  procedure: 'awb-3.4' | 'ordinance' | 'college-procedure',
  given: { termDays?: number; termSource?: string; procedureReference?: string },
  rules: { inspraakTermDays: number; inspraakPostalWeek: boolean; collegeProcedureMinTermDays: number },
): InspectionTermChoice {
  if (procedure === 'college-procedure') {
    if (!given.termDays || !given.procedureReference?.trim()) {
      return { refused: 'procedure-term-required', message: 'Under a procedure the college set (form f, §1.4) give its term in days (termDays) and the reference of the collegebesluit that set it (procedureReference).' };
    }
    if (given.termDays < rules.collegeProcedureMinTermDays) {
      return { refused: 'procedure-term-too-short', message: `A term of ${given.termDays} days leaves residents no real chance to react: a procedure the college sets (form f) gives at least ${rules.collegeProcedureMinTermDays} days (the product's minimum, COLLEGE_PROCEDURE_MIN_TERM_DAYS).`, minimumDays: rules.collegeProcedureMinTermDays };
    }
    return { termDays: given.termDays, procedureReference: given.procedureReference, termSource: null, postalWeek: false };
  }
  if (given.procedureReference !== undefined) return { refused: 'term-fixed', message: 'procedureReference names the collegebesluit of a procedure the college set (form f).' };
  if (procedure === 'ordinance') {
    if (given.termDays !== undefined || given.termSource !== undefined) return { refused: 'term-fixed', message: 'Under the inspraakverordening the term is the one configured (INSPRAAK_TERM_DAYS).' };
    return { termDays: rules.inspraakTermDays, procedureReference: null, termSource: null, postalWeek: rules.inspraakPostalWeek };
  }
  if (given.termDays === undefined && given.termSource === undefined) return { termDays: AWB_INSPECTION_DAYS, procedureReference: null, termSource: null, postalWeek: true };
  if (!given.termDays || !given.termSource?.trim()) return { refused: 'term-source-required', message: 'A term other than six weeks under afdeling 3.4 Awb needs its length (termDays) and the statute or ordinance that sets it (termSource).' };
  if (given.termDays <= AWB_INSPECTION_DAYS) {
    return { refused: 'term-too-short', message: `Under afdeling 3.4 Awb the term is six weeks (art. 3:16 lid 1 Awb); a statute or ordinance may set a longer one, not ${given.termDays} days.`, minimumDays: AWB_INSPECTION_DAYS + 1 };
  }
  return { termDays: given.termDays, procedureReference: null, termSource: given.termSource.trim(), postalWeek: true };
}

/**
 * What a zienswijze as recorded cannot be: a postmark belongs to a letter (Awb art. 6:9 lid 2) and
 * lies on or before its receipt; an oral zienswijze is recorded with a report of what was said
 * (art. 3:17). The first fault, or null.
 */
export function reactionFault(r: { channel: ReactionChannel; receivedOn: string; postedOn?: string; report?: string }): 'postmark-without-letter' | 'posted-after-received' | 'oral-report-missing' | null {
  if (r.postedOn !== undefined && r.channel !== 'letter') return 'postmark-without-letter';
  if (r.postedOn !== undefined && r.postedOn > r.receivedOn) return 'posted-after-received';
  if (r.channel === 'oral' && !r.report) return 'oral-report-missing';
  return null;
}

export function reactionOnTime(reaction: { channel: ReactionChannel; receivedOn: string; postedOn?: string | null }, endsOn: string, postalRuleApplies = true): boolean {
  if (reaction.receivedOn <= endsOn) return true;
  return postalRuleApplies && reaction.channel === 'letter' && !!reaction.postedOn && reaction.postedOn <= endsOn && reaction.receivedOn <= postalWeekEnd(endsOn);
}