import { registerDecorator, type ValidationArguments } from 'class-validator';

/** An object whose keys come from one list and whose values from another, e.g. a score per quick-scan item. */
export function RecordOf(keys: readonly string[], values: readonly string[]): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'recordOf',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' && value !== null && !Array.isArray(value) && Object.entries(value).every(([k, v]) => keys.includes(k) && (v === undefined || v === null || values.includes(String(v)))),
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be an object with keys from ${keys.join(', ')} and values from ${values.join(', ')}`,
      },
    });
}
