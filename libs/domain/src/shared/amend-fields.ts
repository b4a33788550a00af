// Builds the amendment function of an event type from one validator per amendable field.
import { invalid } from './domain-error';

export type FieldValidators<D> = { [K in keyof D]?: (value: unknown, field: string) => D[K] };

/**
 * Only the listed fields may change; each new value passes the same validator as the command field.
 * Errors name the field as `changes.<name>`, which is where the value sits in a CorrectEvent command.
 */
export function amendFields<D extends object>(validators: FieldValidators<D>) {
  return (data: D, changes: Readonly<Record<string, unknown>>): D => {
    const next: D = { ...data };
    for (const [name, value] of Object.entries(changes)) {
      const field = `changes.${name}`;
      const validate = Object.hasOwn(validators, name) ? validators[name as keyof D] : undefined;
      if (!validate) throw invalid('FIELD_NOT_AMENDABLE', field, `${name} cannot be amended`);
      next[name as keyof D] = validate(value, field);
    }
    return next;
  };
}
