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
/** A line "left | right". */
const split = (line: string) => {
  const at = line.indexOf('|');
  return at < 0 ? [line.trim(), ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
};

/**
 * Web forms to the API's documents. Lists are textareas with one item per line, pairs
 * written as "left | right"; the API's validation then judges the result, as for any client.
 */
export function commitmentFromForm(form: Form): Commitment {
  return {
    laidDownIn: (text(form, 'laidDownIn') as Commitment['laidDownIn']) ?? undefined,
    reference: text(form, 'reference'),
    processAgreements: lines(form, 'processAgreements').map((l) => {
      const [party, agreement] = split(l);
      return { party, agreement };
    }),
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
    targetGroups: lines(form, 'targetGroups').map((l) => {
      const [name, why] = split(l);
      return { name, why };
    }),
    goals: { standard: many(form.goals) as NonNullable<Plan['goals']>['standard'], own: lines(form, 'ownGoals') },
    levels,
    scope: { inScope: text(form, 'inScope'), outOfScope: text(form, 'outOfScope'), offTopicHandling: text(form, 'offTopicHandling') },
    opportunitiesAndThreats: {
      opportunities: lines(form, 'opportunities'),
      threats: lines(form, 'threats').map((l) => {
        const [threat, mitigation] = split(l);
        return { threat, mitigation };
      }),
    },
    approach: { workForms: lines(form, 'workForms'), planning: text(form, 'planning'), tasks: text(form, 'tasks'), feedback: text(form, 'feedback') },
    process: {
      timeline: lines(form, 'timeline').map((l) => {
        const [date, title] = split(l);
        return { date: isoDay(date), title };
      }),
      decisionMaking: text(form, 'decisionMaking'),
    },
    adviceWeight: text(form, 'adviceWeight') as Plan['adviceWeight'],
    frames: lines(form, 'frames').map((l) => {
      const [kind, description] = split(l);
      return { kind: (kind === 'zacht' || kind === 'soft' ? 'soft' : kind === 'hard' ? 'hard' : kind) as 'hard' | 'soft', description };
    }),
    ...(form_ && { inspraak: { legallyRequired: one(form.legallyRequired) === 'ja', form: form_ as NonNullable<Plan['inspraak']>['form'] } }),
    ...(text(form, 'changeReason') && { changeReason: text(form, 'changeReason') }),
  };
}

/** The plan back into the form's fields, to fill them in again. */
export function planToForm(plan: Plan | null): Record<string, string> {
  if (!plan) return {};
  return {
    targetGroups: (plan.targetGroups ?? []).map((g) => `${g.name} | ${g.why}`).join('\n'),
    ownGoals: (plan.goals?.own ?? []).join('\n'),
    inScope: plan.scope?.inScope ?? '',
    outOfScope: plan.scope?.outOfScope ?? '',
    offTopicHandling: plan.scope?.offTopicHandling ?? '',
    opportunities: (plan.opportunitiesAndThreats?.opportunities ?? []).join('\n'),
    threats: (plan.opportunitiesAndThreats?.threats ?? []).map((t) => `${t.threat} | ${t.mitigation}`).join('\n'),
    workForms: (plan.approach?.workForms ?? []).join('\n'),
    planning: plan.approach?.planning ?? '',
    tasks: plan.approach?.tasks ?? '',
    feedback: plan.approach?.feedback ?? '',
    timeline: (plan.process?.timeline ?? []).map((m) => `${dutchNotation(m.date)} | ${m.title}`).join('\n'),
    decisionMaking: plan.process?.decisionMaking ?? '',
    frames: (plan.frames ?? []).map((f) => `${f.kind === 'soft' ? 'zacht' : 'hard'} | ${f.description}`).join('\n'),
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

/** The posted form with every day field (named …On, …Date or date, by the forms' convention) read as isoDay reads it. */
export function withDays(form: Form): Form {
  return Object.fromEntries(Object.entries(form).map(([name, value]) => [name, /(On|Date)$|^date$/.test(name) && typeof value === 'string' ? isoDay(value) : value]));
}

function dutchNotation(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : day;
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
