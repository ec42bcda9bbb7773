import type { ApiError } from '../common/api-error';
import type { FieldError } from '../common/validation';
import type { Texts } from './i18n/nl';

/** A refused form, as the page shows it again: what was typed, a summary at the top, each message at its field. */
export interface FailedForm {
  form: string;
  values: Record<string, string | string[] | undefined>;
  /** The sentences of the summary, each linked to its field where there is one. */
  problems: Array<{ field?: string; message: string }>;
}

/**
 * The API's refusal in the reader's language: the blockers' own sentences, a sentence per
 * field for invalid input, a known code in words, else the API's sentence.
 */
export function describeRefusal(error: ApiError, form: string, values: FailedForm['values'], t: Texts): FailedForm {
  const details = (error.details ?? {}) as { blockers?: Sentences; conflicts?: Sentences; errors?: FieldError[]; messageNl?: string };
  const nl = t.lang === 'nl';
  let problems: FailedForm['problems'];
  // Blockers of a step, or each way a record conflicts with the law: a sentence each.
  const sentences = details.blockers?.length ? details.blockers : details.conflicts;
  if (sentences?.length) {
    problems = sentences.map((b) => ({ message: nl ? (b.messageNl ?? b.message) : b.message }));
  } else if (details.errors?.length) {
    problems = details.errors.map((e) => ({ field: e.field, message: t.problems.field(t.fieldLabels[`${form}.${e.field}`] ?? t.fieldLabels[e.field] ?? e.field, ruleWords(e.rules ?? [], t)) }));
  } else {
    problems = [{ message: nl ? (details.messageNl ?? t.problems.codes[error.code] ?? t.problems.unknown) : error.message }];
  }
  return { form, values, problems };
}

type Sentences = Array<{ message: string; messageNl?: string }>;

function ruleWords(rules: string[], t: Texts): string {
  const known = rules.map((rule) => t.problems.rules[rule]).filter(Boolean);
  return known[0] ?? t.problems.rules.default;
}
