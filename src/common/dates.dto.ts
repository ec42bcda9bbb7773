import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar day that exists, written YYYY-MM-DD (not a week date, an ordinal date or a day with a time). */
export function isCalendarDay(value: unknown): value is string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A moment with date, time and zone (e.g. 2026-11-20T14:30:00+01:00), that exists. */
export function isMoment(value: unknown): value is string {
  return typeof value === 'string' && MOMENT.test(value) && isCalendarDay(value.slice(0, 10)) && Number.isFinite(Date.parse(value));
}

function check(name: string, test: (value: unknown) => boolean, message: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({ name, target: target.constructor, propertyName: String(propertyName), options: { message: `$property ${message}`, ...options }, validator: { validate: test } });
}

/** YYYY-MM-DD, a day that exists. */
export const IsCalendarDay = (options?: ValidationOptions) => check('isCalendarDay', isCalendarDay, 'must be a day that exists, written YYYY-MM-DD', options);

/**
 * An ISO 8601 moment with a zone; stored as UTC (…Z), so that stored moments compare as text.
 * A value that is no moment is left as it is, for the validator to name.
 */
export function IsMoment(options?: ValidationOptions): PropertyDecorator {
  const validate = check('isMoment', isMoment, 'must be a date and time with a zone, e.g. 2026-11-20T14:30:00+01:00', options);
  const normalise = Transform(({ value }) => (isMoment(value) ? new Date(value).toISOString() : value));
  return (target, key) => {
    normalise(target, key);
    validate(target, key);
  };
}
