// The one base of every error the ledger raises on purpose, from a decider's rule to a store that cannot
// be reached. The HTTP shell maps `kind` to a status once; `code` is what clients and operators key on.

/** What went wrong, as the caller needs to know it; each kind is one HTTP status. */
export type ErrorKind =
  /** Bad input: the field names what to fix (400). */
  | 'invalid'
  /** No credentials, or ones that do not verify (401). */
  | 'unauthorized'
  /** Verified, but not allowed (403). */
  | 'forbidden'
  /** The thing asked for does not exist (404). */
  | 'not_found'
  /** The recorded state refuses it: a step out of order, a fact stated twice, a concurrent change (409). */
  | 'conflict'
  /** The revision sent in If-Match is no longer the stream's current one (412). */
  | 'precondition_failed'
  /** Too many requests in the current window (429). */
  | 'rate_limited'
  /** A store cannot be used right now: worth a retry later (503). */
  | 'unavailable'
  /** A fault of the code or of stored data that no request causes: logged, never described to a client (500). */
  | 'internal';

export abstract class LedgerError extends Error {
  /** Stable, SCREAMING_SNAKE, e.g. HOUSE_CONSTRUCTION_NOT_STARTED. Part of the API contract. */
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;
  /** The input field at fault, named as the client sent it. */
  readonly field?: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** What a client may be told: the message, unless it could name files or hosts (a store that is down). */
  get publicDetail(): string {
    return this.message;
  }

  /** Facts a client can act on, added to the problem details: the current revision, the seconds to wait, ... */
  details(): Readonly<Record<string, unknown>> {
    return {};
  }
}
