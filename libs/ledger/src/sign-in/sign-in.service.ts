// Password sign-in, refresh with rotation, sign-out, and who is signed in. The refresh token travels in the
// cookie only; the credential store keeps its hash.
import { Inject, Injectable } from '@nestjs/common';
import type { AccountView, Principal } from '@ledger/domain';
import { AccountReader } from '../accounts/account-reader';
import { CREDENTIALS, type CredentialStore, type SessionRecord } from '../accounts/credential-store.port';
import { decoyHash, verifyPassword } from '../accounts/password-hash';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { LedgerSessions } from './ledger-sessions';
import { lockoutSeconds } from './lockout';
import { newRefreshToken, refreshTokenHash } from './refresh-token';
import { SessionCheck } from './session-check';
import type { SignInContext } from './sessions.port';
import type { SignedInOfficer, SignInOutcome } from './signed-in';
import {
  AccountDisabledError,
  SessionEndedError,
  SignInFailedError,
  SignInLockedError,
} from './sign-in-errors';

export interface WhoAmI extends SignedInOfficer {
  /** How the bearer proved it: a password or the OpenID provider (a session), or a service token. */
  method: 'password' | 'oidc' | 'token';
}

@Injectable()
export class SignInService {
  constructor(
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly accounts: AccountReader,
    private readonly sessions: LedgerSessions,
    private readonly sessionCheck: SessionCheck,
  ) {}

  async login(officer: string, password: string, context: SignInContext): Promise<SignInOutcome> {
    const { now } = context;
    const state = await this.credentials.loginState(officer);
    if (state.lockedUntil && state.lockedUntil > now) throw new SignInLockedError(state.lockedUntil, now);

    const hash = await this.credentials.passwordHash(officer);
    // An unknown officer costs as much as a wrong password, and counts the same.
    const matches = await verifyPassword(password, hash ?? (await decoyHash()));
    const account = matches && hash ? await this.accounts.read(officer) : null;
    if (!account) {
      await this.credentials.recordFailure(officer, now, (failures) =>
        lockoutSeconds(failures, this.config.signIn),
      );
      throw new SignInFailedError();
    }
    await this.credentials.clearFailures(officer);
    if (!account.enabled) throw new AccountDisabledError(officer);

    const started = await this.sessions.start(
      {
        officer,
        displayName: account.displayName,
        agency: account.agency,
        orgUnits: account.orgUnits,
        roles: account.roles,
        method: 'password',
      },
      context,
    );
    return {
      body: {
        accessToken: started.accessToken,
        tokenType: 'Bearer',
        expiresIn: started.expiresIn,
        officer: officerOf(officer, account),
      },
      refreshToken: started.refreshToken,
      refreshExpiresAt: started.refreshExpiresAt,
    };
  }

  /** Spends the refresh token and hands out its successor with a new access token. */
  async refresh(refreshToken: string, now: Date): Promise<SignInOutcome> {
    const next = newRefreshToken();
    const outcome = await this.credentials.rotate(
      refreshTokenHash(refreshToken),
      // The successor's idle end; the session's absolute end is checked by the store on every use.
      {
        hash: refreshTokenHash(next),
        issuedAt: now,
        expiresAt: new Date(now.getTime() + this.config.signIn.refreshIdleSeconds * 1000),
      },
      now,
    );
    switch (outcome.kind) {
      case 'unknown':
        throw new SessionEndedError('unknown refresh token');
      case 'reused':
        throw new SessionEndedError(
          'the refresh token was used twice: every session of its sign-in is ended',
        );
      case 'revoked':
        throw new SessionEndedError(outcome.session.revokedReason ?? 'revoked');
      case 'expired':
        throw new SessionEndedError('expired');
      case 'rotated':
        break;
    }
    const { session } = outcome;
    await this.sessionCheck.checkAccount(session, session.identity.roles, now);
    return {
      body: {
        ...(await this.sessions.accessToken(session, now)),
        tokenType: 'Bearer',
        officer: officerOfSession(session),
      },
      refreshToken: next,
      refreshExpiresAt: this.sessions.refreshExpiry(session, now),
    };
  }

  /** Ends the session the refresh token belongs to; an unknown token ends nothing, and is no error. */
  async logout(refreshToken: string | undefined, now: Date): Promise<void> {
    if (!refreshToken) return;
    const session = await this.credentials.sessionOfToken(refreshTokenHash(refreshToken));
    if (session) await this.credentials.revokeFamily(session.family, 'signed out', now);
  }

  async whoAmI(principal: Principal): Promise<WhoAmI> {
    const session = principal.session ? await this.credentials.session(principal.session) : null;
    const account = session ? null : await this.accounts.read(principal.officer);
    return {
      id: principal.officer,
      displayName: session?.identity.displayName ?? account?.displayName ?? principal.officer,
      agency: principal.agency,
      orgUnits: [...principal.orgUnits],
      roles: [...principal.roles],
      method: session?.identity.method ?? 'token',
    };
  }
}

function officerOf(id: string, account: AccountView): SignedInOfficer {
  return {
    id,
    displayName: account.displayName,
    agency: account.agency,
    orgUnits: account.orgUnits,
    roles: account.roles,
  };
}

function officerOfSession(session: SessionRecord): SignedInOfficer {
  const { displayName, agency, orgUnits, roles } = session.identity;
  return { id: session.officer, displayName, agency, orgUnits, roles };
}
