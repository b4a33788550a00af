// Errors raised by the application shell (not by a domain rule, not by a store). Together with
// DomainError (libs/domain) and the EventStoreError family (libs/event-store) they form the one list of
// errors that the problem-details filter maps to HTTP.

export interface FieldProblem {
  field: string;
  message: string;
}

export class ValidationFailedError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'ValidationFailedError';
  }
}

/** The client sent If-Match with a revision that is no longer the stream's current one. */
export class PreconditionFailedError extends Error {
  readonly code = 'PRECONDITION_FAILED';
  constructor(
    readonly stream: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${stream} is at revision ${actual}, not ${expected} as If-Match said`);
    this.name = 'PreconditionFailedError';
  }
}

export class ResourceNotFoundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ResourceNotFoundError';
  }
}

/** No bearer token, or one that does not verify (bad signature, expired, malformed): 401. */
export class AuthenticationRequiredError extends Error {
  readonly code = 'AUTHENTICATION_REQUIRED';
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationRequiredError';
  }
}

/** A verified principal asked for something its roles, agency or org units do not allow: 403. */
export class AccessDeniedError extends Error {
  readonly code = 'ACCESS_DENIED';
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

/** Too many requests from one token or address in the current window: 429 with Retry-After. */
export class RateLimitedError extends Error {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}
