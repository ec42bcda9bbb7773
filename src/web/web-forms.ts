import { DateTime } from 'luxon';
import type { PipeTransform } from '@nestjs/common';
import type { Commitment, Evaluation, Plan, QuickScan } from '../../machines/participation-project';

/** A posted form (or a query): a repeated field arrives as an array. */
export type Form = Record<string, string | string[] | undefined>;

/** Every list of the web interface shows this many a page (projects, werkvoorraad, Tijdlijn, Communicatie). */
export const PAGE_SIZE = 50;

/** The page asked for (?pagina=), from 1 up to a bound any real list stays under. */
export function pageOf(query: Form): number {
  return Math.min(100_000, Math.max(1, Number.parseInt(one(query.pagina) || '1', 10) || 1));
}

/** The field's value; of a repeated field, the first. */
export const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
/** Every value of a field (checkboxes). */
export const many = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);
/** The field's trimmed text, or undefined when left empty (an optional field). */
export const text = (form: Form, key: string) => one(form[key]).trim() || undefined;
/** A ja/nee choice; undefined when none was made. */
export const yesNo = (value: string | undefined) => (value === 'ja' ? true : value === 'nee' ? false : undefined);
/** A number field: its number, or the text itself, so validation names what is wrong with it. */
export const wholeNumber = (value: string | undefined): number | string | undefined => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value);
/** A textarea with one item per line. */
const lines = (form: Form, key: string) => one(form[key]).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
/**
 * The lists of pairs, shown as rows of two fields with a button to add a row (issue 19), by the
 * API's own field names; a row's fields are posted as `list.i.field`.
 */
export const PAIR_LISTS = {
  processAgreements: ['party', 'agreement'],
  targetGroups: ['name', 'why'],
  threats: ['threat', 'mitigation'],
  timeline: ['date', 'title'],
  frames: ['kind', 'description'],
} as const;
export type PairList = keyof typeof PAIR_LISTS;
type PairRow<L extends PairList> = Record<(typeof PAIR_LISTS)[L][number], string>;

/** The rows of a list as posted, in order, the ones left empty dropped. */
export function pairRows<L extends PairList>(form: Form, list: L): Array<PairRow<L>> {
  const rows: Array<PairRow<L>> = [];
  for (let i = 0; i < 200 && PAIR_LISTS[list].some((field) => form[`${list}.${i}.${field}`] !== undefined); i++) {
    const row = Object.fromEntries(PAIR_LISTS[list].map((field) => [field, one(form[`${list}.${i}.${field}`]).trim()])) as PairRow<L>;
    if (Object.values(row).some(Boolean)) rows.push(row);
  }
  return rows;
}

/** The row numbers on the form of the rows posted with content: the nth row sent is on the form's row rowsWithContent[n]. */
export function rowsWithContent(form: Form, list: PairList): number[] {
  const rows: number[] = [];
  for (let i = 0; i < 200 && PAIR_LISTS[list].some((field) => form[`${list}.${i}.${field}`] !== undefined); i++) {
    if (PAIR_LISTS[list].some((field) => one(form[`${list}.${i}.${field}`]).trim())) rows.push(i);
  }
  return rows;
}

/** The rows to show: those posted (a form sent back) or stored, then one empty row, and one more when asked for. */
export function rowsToShow<L extends PairList>(list: L, stored: ReadonlyArray<Partial<PairRow<L>>>, posted: Form | null, addRow: boolean): Array<Partial<PairRow<L>>> {
  const rows = posted ? pairRows(posted, list) : stored;
  const empty = () => ({}) as Partial<PairRow<L>>;
  return [...rows, empty(), ...(addRow ? [empty()] : [])];
}

/**
 * Web forms to the API's documents. Lists are textareas with one item per line; lists of pairs
 * rows of two fields; the API's validation then judges the result, as for any client.
 */
export function commitmentFromForm(form: Form): Commitment {
  return {
    laidDownIn: (text(form, 'laidDownIn') as Commitment['laidDownIn']) ?? undefined,
    reference: text(form, 'reference'),
    processAgreements: pairRows(form, 'processAgreements'),
  };
}

/** The evaluation form: one verdict per goal of the plan (goal.i, achieved.i = ja|nee, explanation.i), and the participants' judgement. */
export function evaluationFromForm(form: Form): Evaluation {
  const goals: NonNullable<Evaluation['goals']> = [];
  for (let i = 0; form[`goal.${i}`] !== undefined && i < 50; i++) {
    const achieved = text(form, `achieved.${i}`);
    if (achieved) goals.push({ goal: one(form[`goal.${i}`]), achieved: achieved === 'ja', explanation: text(form, `explanation.${i}`) });
  }
  return { goals, participantsJudgement: text(form, 'participantsJudgement'), lessons: text(form, 'lessons') };
}

export function planFromForm(form: Form): Plan & { changeReason?: string } {
  const levels = Object.fromEntries(['preparation', 'decisionMaking', 'execution', 'evaluation'].map((phase) => [phase, text(form, `level.${phase}`)]).filter(([, level]) => level));
  const form_ = text(form, 'inspraakForm');
  return {
    targetGroups: pairRows(form, 'targetGroups'),
    goals: { standard: many(form.goals) as NonNullable<Plan['goals']>['standard'], own: lines(form, 'ownGoals') },
    levels,
    scope: { inScope: text(form, 'inScope'), outOfScope: text(form, 'outOfScope'), offTopicHandling: text(form, 'offTopicHandling') },
    opportunitiesAndThreats: {
      opportunities: lines(form, 'opportunities'),
      threats: pairRows(form, 'threats'),
    },
    approach: { workForms: lines(form, 'workForms'), planning: text(form, 'planning'), tasks: text(form, 'tasks'), feedback: text(form, 'feedback') },
    process: {
      timeline: pairRows(form, 'timeline'),
      decisionMaking: text(form, 'decisionMaking'),
    },
    adviceWeight: text(form, 'adviceWeight') as Plan['adviceWeight'],
    frames: pairRows(form, 'frames').map((row) => ({ ...row, kind: row.kind as 'hard' | 'soft' })),
    ...(form_ && { inspraak: { legallyRequired: one(form.legallyRequired) === 'ja', form: form_ as NonNullable<Plan['inspraak']>['form'] } }),
    ...(text(form, 'changeReason') && { changeReason: text(form, 'changeReason') }),
  };
}

/** The plan back into the form's fields, to fill them in again. */
export function planToForm(plan: Plan | null): Record<string, string> {
  if (!plan) return {};
  return {
    ownGoals: (plan.goals?.own ?? []).join('\n'),
    inScope: plan.scope?.inScope ?? '',
    outOfScope: plan.scope?.outOfScope ?? '',
    offTopicHandling: plan.scope?.offTopicHandling ?? '',
    opportunities: (plan.opportunitiesAndThreats?.opportunities ?? []).join('\n'),
    workForms: (plan.approach?.workForms ?? []).join('\n'),
    planning: plan.approach?.planning ?? '',
    tasks: plan.approach?.tasks ?? '',
    feedback: plan.approach?.feedback ?? '',
    decisionMaking: plan.process?.decisionMaking ?? '',
  };
}

/** The ways a Dutch person writes a day (issue 19): 1-3-2027, 01-03-2027, 1 maart 2027, 1 mrt 2027, maandag 1 maart 2027. */
const DUTCH_DAY_FORMATS = ['d-M-yyyy', 'd/M/yyyy', 'd.M.yyyy', 'd MMMM yyyy', 'd MMM yyyy', 'EEEE d MMMM yyyy'];

/**
 * A day as typed, to YYYY-MM-DD: as a date field sends it, or as Dutch people write it (Luxon reads
 * the month names with the Intl data of Node). Anything else, 31 februari included, is left for
 * validation to name.
 */
export function isoDay(value: string): string {
  const typed = value.trim().replace(/\s+/g, ' ').replace(/\.(?= )/g, '').toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) return typed;
  for (const format of DUTCH_DAY_FORMATS) {
    const day = DateTime.fromFormat(typed, format, { locale: 'nl' });
    if (day.isValid) return day.toISODate()!;
  }
  return value;
}

/** The posted form with every day field (named …On, …Date, date or a row's ….date, by the forms' convention) read as isoDay reads it. */
export function withDays(form: Form): Form {
  return Object.fromEntries(Object.entries(form).map(([name, value]) => [name, /(On|Date)$|(^|\.)date$/.test(name) && typeof value === 'string' ? isoDay(value) : value]));
}


/** The rows of participants the quick-scan form shows: every one recorded, and two empty rows to add more. */
export const EXTRA_PARTICIPANT_ROWS = 2;

/** The quick-scan form: every participant row (name and role) kept; the rest as the API takes it. */
export function participantsFromForm(form: Form): NonNullable<QuickScan['participants']> {
  const participants: NonNullable<QuickScan['participants']> = [];
  for (let i = 0; form[`participantName.${i}`] !== undefined && i < 50; i++) {
    const name = text(form, `participantName.${i}`);
    if (name) participants.push({ name, role: one(form[`participantRole.${i}`]) as NonNullable<QuickScan['participants']>[number]['role'] });
  }
  return participants;
}

/**
 * A plan from the form, with what the form does not show kept from the current plan (the
 * bodies per gate, where the raad is informed, a target group's link to its stakeholders),
 * so saving it through the browser never loses what the API recorded.
 */
export function mergePlan(current: Plan | null, posted: Plan): Plan {
  if (!current) return posted;
  const linked = new Map((current.targetGroups ?? []).map((g) => [g.name, g.stakeholderId]));
  return {
    ...current,
    ...posted,
    targetGroups: posted.targetGroups?.map((g) => (linked.get(g.name) ? { ...g, stakeholderId: linked.get(g.name) } : g)),
    process: { ...current.process, ...posted.process },
  };
}

/** A web form's body with its day fields read as Dutch people write them (@Body(TypedDays)). */
export const TypedDays: PipeTransform<Form, Form> = { transform: (form) => withDays(form ?? {}) };
