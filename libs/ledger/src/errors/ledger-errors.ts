// Errors raised by the application shell (not by a domain rule, not by a store). Like every error of the
// ledger they extend LedgerError, whose kind the problem-details filter maps to HTTP.
import { LedgerError } from '@ledger/domain';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ValidationFailedError extends LedgerError {
  readonly code = 'VALIDATION_FAILED';
  readonly kind = 'invalid';
  override readonly field: string | undefined;
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.field = problems[0]?.field;
  }

  override details() {
    return { errors: this.problems };
  }
}

/** The client sent If-Match with a revision that is no longer the stream's current one. */
export class PreconditionFailedError extends LedgerError {
  readonly code = 'PRECONDITION_FAILED';
  readonly kind = 'precondition_failed';
  constructor(
    readonly stream: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${stream} is at revision ${actual}, not ${expected} as If-Match said`);
  }

  override details() {
    return { stream: this.stream, currentRevision: this.actual };
  }
}

export class ResourceNotFoundError extends LedgerError {
  readonly kind = 'not_found';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** No bearer token, or one that does not verify (bad signature, expired, malformed): 401. */
export class AuthenticationRequiredError extends LedgerError {
  readonly code = 'AUTHENTICATION_REQUIRED';
  readonly kind = 'unauthorized';
}

/** A verified principal asked for something its roles, agency or org units do not allow: 403. */
export class AccessDeniedError extends LedgerError {
  readonly code = 'ACCESS_DENIED';
  readonly kind = 'forbidden';
}

/**
 * An action names an org unit or agency that was not in force on its day (ended, or not yet begun): 409,
 * naming what to record it in or by instead.
 */
export class NotInForceError extends LedgerError {
  readonly kind = 'conflict';
  constructor(
    readonly code: 'ORG_UNIT_ENDED' | 'ORG_UNIT_NOT_YET_IN_FORCE' | 'AGENCY_ENDED' | 'AGENCY_NOT_YET_IN_FORCE',
    message: string,
    readonly instead: readonly string[],
  ) {
    super(message);
  }

  override details() {
    return { instead: [...this.instead] };
  }
}

/** Too many requests from one token or address in the current window: 429 with Retry-After. */
export class RateLimitedError extends LedgerError {
  readonly code = 'RATE_LIMITED';
  readonly kind = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }

  override details() {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}
