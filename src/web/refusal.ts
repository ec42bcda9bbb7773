import { ApiError } from '../common/api-error';
import type { FieldError } from '../common/validation';
import type { Texts } from './i18n/nl';
import { phaseName } from './wording';
import { rowsWithContent, type PairList } from './web-forms';

/** A refused form, as the page shows it again: what was typed, a summary at the top, each message at its field. */
export interface FailedForm {
  form: string;
  values: Record<string, string | string[] | undefined>;
  /** The sentences of the summary, each linked to its field where there is one. */
  problems: Array<{ field?: string; message: string }>;
  /** Sent back without a fault, for one more row of this list (the "Rij toevoegen" button, issue 19). */
  addRow?: string;
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
    problems = details.errors.map((e) => {
      const { field, label } = onForm(e.field, form, values, t);
      return { field, message: e.sentence ? e.sentence[nl ? 'nl' : 'en'] : t.problems.field(label, ruleWords(e.rules ?? [], t)) };
    });
  } else {
    problems = [{ message: nl ? (details.messageNl ?? t.problems.codes[error.code] ?? t.problems.unknown) : error.message }];
  }
  return { form, values, problems };
}

/**
 * Where a field of the API's request sits on the form, and the label the form gives it (issue 19):
 * "Rol deelnemer 2", never `participants.1.role`; a line of a list typed one per line names the line.
 */
function onForm(path: string, form: string, values: FailedForm['values'], t: Texts): { field: string; label: string } {
  const own = t.fieldLabels[`${form}.${path}`] ?? t.fieldLabels[path];
  if (own) return { field: path, label: own };
  // The quick scan's participants: only rows with a name are sent, so the nth participant is the nth named row.
  const participant = /^participants\.(\d+)\.(name|role)$/.exec(path);
  if (participant) {
    const named = Object.keys(values).filter((k) => /^participantName\.\d+$/.test(k) && String(values[k] ?? '').trim()).map((k) => Number(k.split('.')[1])).sort((a, b) => a - b);
    const row = named[Number(participant[1])] ?? Number(participant[1]);
    return participant[2] === 'role' ? { field: `participantRole.${row}`, label: t.pages.participantRole(row + 1) } : { field: `participantName.${row}`, label: t.pages.participantName(row + 1) };
  }
  // A row of a list of pairs: that row's field on the form (rows left empty are not sent), named with its row.
  const pair = /(?:^|\.)(processAgreements|targetGroups|threats|timeline|frames)\.(\d+)\.(\w+)$/.exec(path);
  if (pair) {
    const list = pair[1] as PairList;
    const row = rowsWithContent(values, list)[Number(pair[2])] ?? Number(pair[2]);
    return { field: `${list}.${row}.${pair[3]}`, label: `${t.file.pair[pair[3]] ?? pair[3]} ${row + 1}` };
  }
  const level = /^levels\.(\w+)$/.exec(path);
  if (level) return { field: `level.${level[1]}`, label: phaseName(level[1], t.lang as 'nl' | 'en') };
  // A list typed one per line: its own field, with the line.
  const line = /^(\w+)\.(\d+)(?:\.\w+)*$/.exec(path);
  if (line && t.fieldLabels[line[1]]) return { field: line[1], label: t.problems.line(t.fieldLabels[line[1]], Number(line[2]) + 1) };
  const last = path.split('.').pop() ?? path;
  return { field: path, label: t.fieldLabels[last] ?? t.problems.someField };
}

type Sentences = Array<{ message: string; messageNl?: string }>;

function ruleWords(rules: string[], t: Texts): string {
  const known = rules.map((rule) => t.problems.rules[rule]).filter(Boolean);
  return known[0] ?? t.problems.rules.default;
}

/** A refusal the user can mend on the same form (invalid input, a blocked step); not found, no access and our own errors get pages of their own. */
export function mendable(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status < 500 && error.status !== 404 && error.status !== 403;
}
