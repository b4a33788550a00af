// The credential store: what proves who signs in, kept beside the personal-data keys and never in the event
// store. Password hashes (see password-hash.ts), sessions with their hashed refresh tokens and rotation
// state, and each account's failed sign-ins and lockout. Accounts themselves (agency, roles, enabled) are
// events on the record; this store only says how a person proves to be one of them.
import { LedgerError, type Role } from '@ledger/domain';

export const CREDENTIALS = Symbol('CREDENTIALS');

/** Who a session was started for, as the sign-in method established it. */
export interface SessionIdentity {
  displayName: string;
  agency: string;
  orgUnits: string[];
  roles: Role[];
  method: 'password' | 'oidc';
}

export interface SessionRecord {
  /** The session's id: the access tokens' `sid`. */
  id: string;
  /**
   * The family of refresh tokens this session's tokens belong to: one per sign-in (the session's own id).
   * A refresh token used twice revokes every session of its family.
   */
  family: string;
  officer: string;
  identity: SessionIdentity;
  createdAt: Date;
  /** The absolute end: no refresh after it, however active the session. */
  expiresAt: Date;
  address: string;
  userAgent: string;
  revokedAt: Date | null;
  revokedReason: string | null;
}

/** A refresh token as stored: its sha256, never the token. */
export interface RefreshTokenRecord {
  hash: string;
  sessionId: string;
  issuedAt: Date;
  /** The idle end: the token must be used before then. */
  expiresAt: Date;
}

export type RotateOutcome =
  /** The token was current: it is spent and its successor stored. */
  | { kind: 'rotated'; session: SessionRecord }
  /** No such token (never issued, or its session long gone). */
  | { kind: 'unknown' }
  /** The token had been used already: its whole family is now revoked. */
  | { kind: 'reused'; session: SessionRecord }
  | { kind: 'revoked'; session: SessionRecord }
  | { kind: 'expired'; session: SessionRecord };

export interface LoginState {
  /** Failed sign-ins since the last success. */
  failures: number;
  lockedUntil: Date | null;
}

export interface CredentialStore {
  setPassword(officer: string, hash: string, now: Date): Promise<void>;
  passwordHash(officer: string): Promise<string | null>;
  /** Every officer with a password, sorted. */
  officers(): Promise<string[]>;

  loginState(officer: string): Promise<LoginState>;
  /** Counts one more failure; `lockFor(failures)` says how long the account is then locked (0: not). */
  recordFailure(officer: string, now: Date, lockFor: (failures: number) => number): Promise<LoginState>;
  clearFailures(officer: string): Promise<void>;

  createSession(session: SessionRecord, first: Omit<RefreshTokenRecord, 'sessionId'>): Promise<void>;
  session(id: string): Promise<SessionRecord | null>;
  /** Spends the refresh token `hash` and stores `next` for the same session, atomically. */
  rotate(hash: string, next: Omit<RefreshTokenRecord, 'sessionId'>, now: Date): Promise<RotateOutcome>;
  /** The session the refresh token belongs to, without spending it (sign-out); null when unknown. */
  sessionOfToken(hash: string): Promise<SessionRecord | null>;
  /** Revokes every session of the family still open; how many. */
  revokeFamily(family: string, reason: string, now: Date): Promise<number>;
  /** Revokes every open session of the officer; how many. */
  revokeSessionsOf(officer: string, reason: string, now: Date): Promise<number>;
  close(): Promise<void>;
}

/** The credential store cannot be used right now (locked file, disk, MongoDB unreachable): 503. */
export class CredentialsUnavailableError extends LedgerError {
  readonly code = 'CREDENTIALS_UNAVAILABLE';
  readonly kind = 'unavailable';

  override get publicDetail(): string {
    return 'The credential store cannot be reached; try again shortly.';
  }
}
