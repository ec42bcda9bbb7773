import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ApiError } from './api-error';

export interface FieldError {
  field: string;
  /** The rules broken (class-validator's names: isNotEmpty, maxLength, …), for clients that word them themselves. */
  rules: string[];
  messages: string[];
  /** A form's own check says the whole sentence, in both languages (the web's checks, issue 19). */
  sentence?: { nl: string; en: string };
}

export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, rules: Object.keys(error.constraints), messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Validates every request body and query: unknown fields are refused, each problem named per field. */
export const apiValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => new ApiError(400, 'invalid-request', 'The request is not valid; see errors for each field.', { errors: flatten(errors) }),
});

/**
 * The same validation outside a controller (e.g. a web form mapped onto an API DTO). A form's own
 * checks come with it, so every fault of the form is named at once, not one per round (issue 19).
 */
export async function validated<T extends object>(type: new () => T, plain: object, checks: ReadonlyArray<FieldError | false | null | undefined> = []): Promise<T> {
  const instance = plainToInstance(type, plain);
  const invalid = flatten(await validate(instance, { whitelist: true, forbidNonWhitelisted: true }));
  // A field the DTO already refuses is named once.
  const errors = [...invalid, ...checks.filter((c): c is FieldError => !!c && !invalid.some((e) => e.field === c.field))];
  if (errors.length > 0) throw new ApiError(400, 'invalid-request', 'The request is not valid; see errors for each field.', { errors });
  return instance;
}
