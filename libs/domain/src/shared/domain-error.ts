// Domain errors name the rule that a command broke. The shell maps `kind` to HTTP once:
// invalid -> 400 (with the field), conflict -> 409, not_found -> 404.

export type DomainErrorKind = 'invalid' | 'conflict' | 'not_found';

export class DomainError extends Error {
  constructor(
    /** Stable, SCREAMING_SNAKE code, e.g. HOUSE_CONSTRUCTION_NOT_STARTED. Part of the API contract. */
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    /** The command field at fault, for 'invalid' errors. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, field: string, message: string): DomainError =>
  new DomainError(code, 'invalid', message, field);

export const conflict = (code: string, message: string): DomainError => new DomainError(code, 'conflict', message);

export const notFound = (code: string, message: string): DomainError => new DomainError(code, 'not_found', message);
