// Domain errors name the rule that a command broke: bad input (with the field), a conflict with the
// recorded state, or something that does not exist.
import { LedgerError } from './ledger-error';

export type DomainErrorKind = 'invalid' | 'conflict' | 'not_found';

export class DomainError extends LedgerError {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    /** The command field at fault, for 'invalid' errors. */
    override readonly field?: string,
  ) {
    super(message);
  }
}

export const invalid = (code: string, field: string, message: string): DomainError =>
  new DomainError(code, 'invalid', message, field);

export const conflict = (code: string, message: string): DomainError =>
  new DomainError(code, 'conflict', message);

export const notFound = (code: string, message: string): DomainError =>
  new DomainError(code, 'not_found', message);
