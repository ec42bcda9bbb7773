import type { FailedForm } from './refusal';
import type { Texts } from './i18n/nl';

/**
 * Form fields in the NL Design System's documented markup (form field with the label above the
 * control, its error message between them), filled with what was typed when the form was refused.
 */
/**
 * Required is said to assistive technology, not enforced by the browser: the server checks every
 * form and answers with the error summary, and an empty field is not shown as wrong before anyone typed.
 */
const REQUIRED = ' aria-required="true"';

export const escapeHtml = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface FieldOptions {
  name: string;
  label: string;
  value?: string | null;
  required?: boolean;
  hint?: string;
}
interface InputOptions extends FieldOptions {
  type?: 'text' | 'date' | 'time' | 'email' | 'number' | 'url';
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  autocomplete?: string;
}
interface ChoiceOptions extends FieldOptions {
  options: Array<{ value: string; label: string }>;
  /** A first empty option, for a choice that may stay open. */
  empty?: string;
}

export interface FormBuilder {
  id: (name: string) => string;
  /** The value to show: what was typed when this form was refused, else the stored one. */
  value: (name: string, stored?: string | null) => string;
  summary: () => string;
  text: (options: InputOptions) => string;
  textarea: (options: FieldOptions & { rows?: number; maxLength?: number }) => string;
  select: (options: ChoiceOptions) => string;
  radios: (options: ChoiceOptions) => string;
  checkbox: (options: FieldOptions & { checked?: boolean }) => string;
}

/** The fields of one form on a page; a refusal of another form on the same page leaves them alone. */
export function formBuilder(form: string, failed: FailedForm | null, t: Texts): FormBuilder {
  const mine = failed?.form === form ? failed : null;
  const id = (name: string) => `${form}-${name}`.replace(/[^a-zA-Z0-9_-]/g, '-');
  const posted = (name: string) => {
    const value = mine?.values[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const value = (name: string, stored?: string | null) => (mine ? (posted(name) ?? '') : (stored ?? ''));
  const problem = (name: string) => mine?.problems.find((p) => p.field === name)?.message;

  const field = (kind: string, o: FieldOptions, control: string) => {
    const error = problem(o.name);
    const described = [o.hint && `${id(o.name)}-hint`, error && `${id(o.name)}-error`].filter(Boolean).join(' ');
    return [
      `<div class="utrecht-form-field utrecht-form-field--${kind}${error ? ' utrecht-form-field--invalid' : ''}">`,
      `<div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id(o.name)}">${escapeHtml(o.label)}</label></div>`,
      o.hint ? `<div class="utrecht-form-field__description utrecht-form-field-description" id="${id(o.name)}-hint">${escapeHtml(o.hint)}</div>` : '',
      error ? `<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="${id(o.name)}-error">${escapeHtml(error)}</div>` : '',
      `<div class="utrecht-form-field__input">${control.replace('{{described}}', described ? ` aria-describedby="${described}"` : '').replace('{{invalid}}', error ? ' aria-invalid="true"' : '')}</div>`,
      '</div>',
    ].join('');
  };

  return {
    id,
    value,
    summary: () => {
      if (!mine?.problems.length) return '';
      const items = mine.problems.map((p) => `<li>${p.field ? `<a class="utrecht-link" href="#${id(p.field)}">${escapeHtml(p.message)}</a>` : escapeHtml(p.message)}</li>`).join('');
      const title = mine.problems.some((p) => p.field) ? t.problems.title : t.problems.refused;
      return `<div class="utrecht-alert utrecht-alert--error iw-error-summary" role="alert" tabindex="-1" id="${id('fouten')}"><h2 class="utrecht-heading-3">${escapeHtml(title)}</h2><ul class="utrecht-unordered-list">${items}</ul></div>`;
    },
    text: (o) =>
      field(
        'text',
        o,
        `<input class="utrecht-textbox utrecht-textbox--html-input${problem(o.name) ? ' utrecht-textbox--invalid' : ''}" type="${o.type ?? 'text'}" id="${id(o.name)}" name="${escapeHtml(o.name)}" value="${escapeHtml(value(o.name, o.value))}"${o.required ? REQUIRED : ''}${o.maxLength ? ` maxlength="${o.maxLength}"` : ''}${o.min !== undefined ? ` min="${o.min}"` : ''}${o.max !== undefined ? ` max="${o.max}"` : ''}${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}{{described}}{{invalid}}>`,
      ),
    textarea: (o) =>
      field(
        'textarea',
        o,
        `<textarea class="utrecht-textarea utrecht-textarea--html-textarea${problem(o.name) ? ' utrecht-textarea--invalid' : ''}" id="${id(o.name)}" name="${escapeHtml(o.name)}" rows="${o.rows ?? 3}"${o.required ? REQUIRED : ''}${o.maxLength ? ` maxlength="${o.maxLength}"` : ''}{{described}}{{invalid}}>${escapeHtml(value(o.name, o.value))}</textarea>`,
      ),
    select: (o) => {
      const current = value(o.name, o.value);
      const options = [...(o.empty !== undefined ? [{ value: '', label: o.empty }] : []), ...o.options].map((c) => `<option value="${escapeHtml(c.value)}"${c.value === current ? ' selected' : ''}>${escapeHtml(c.label)}</option>`).join('');
      return field('select', o, `<select class="utrecht-select utrecht-select--html-select" id="${id(o.name)}" name="${escapeHtml(o.name)}"${o.required ? REQUIRED : ''}{{described}}{{invalid}}>${options}</select>`);
    },
    radios: (o) => {
      const current = value(o.name, o.value);
      const error = problem(o.name);
      const choices = o.options
        .map((c, i) => {
          const choiceId = i === 0 ? id(o.name) : `${id(o.name)}-${i}`;
          return `<div class="utrecht-form-field utrecht-form-field--radio"><div class="utrecht-form-field__input"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${choiceId}" name="${escapeHtml(o.name)}" value="${escapeHtml(c.value)}"${c.value === current ? ' checked' : ''}></div><div class="utrecht-form-field__label"><label class="utrecht-form-label utrecht-form-label--radio" for="${choiceId}">${escapeHtml(c.label)}</label></div></div>`;
        })
        .join('');
      return `<fieldset class="utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}"${error ? ` aria-describedby="${id(o.name)}-error"` : ''}><legend class="utrecht-form-fieldset__legend">${escapeHtml(o.label)}</legend>${error ? `<div class="utrecht-form-field-error-message" id="${id(o.name)}-error">${escapeHtml(error)}</div>` : ''}${choices}</fieldset>`;
    },
    checkbox: (o) => {
      const checked = mine ? posted(o.name) !== undefined : !!o.checked;
      return `<div class="utrecht-form-field utrecht-form-field--checkbox"><div class="utrecht-form-field__input"><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${id(o.name)}" name="${escapeHtml(o.name)}" value="ja"${checked ? ' checked' : ''}></div><div class="utrecht-form-field__label"><label class="utrecht-form-label utrecht-form-label--checkbox" for="${id(o.name)}">${escapeHtml(o.label)}</label></div></div>`;
    },
  };
}
