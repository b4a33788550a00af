import type { Role } from '@ledger/domain';

/** The officer as the sign-in routes describe them (login, refresh, me). */
export interface SignedInOfficer {
  id: string;
  displayName: string;
  agency: string;
  orgUnits: string[];
  roles: Role[];
}

/** The body of POST /auth/login and POST /auth/refresh; the refresh token goes in the cookie only. */
export interface SignedIn {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  officer: SignedInOfficer;
}

/** What the controller needs to answer and to set the cookie. */
export interface SignInOutcome {
  body: SignedIn;
  refreshToken: string;
  refreshExpiresAt: Date;
}
