// The SESSIONS port: a session in the credential store (its first refresh token hashed) and an access token
// through ACCESS_TOKENS carrying the session's id as `sid`. Used by password sign-in here and by OpenID
// Connect sign-in. Refresh tokens live LEDGER_REFRESH_IDLE unused (12 h) and a session at most
// LEDGER_REFRESH_ABSOLUTE (7 days) from its sign-in.
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ACCESS_TOKENS, type AccessTokens } from '../auth/access-tokens.port';
import { CREDENTIALS, type CredentialStore, type SessionRecord } from '../accounts/credential-store.port';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { newRefreshToken, refreshTokenHash } from './refresh-token';
import type { Sessions, SignInContext, SignInIdentity, StartedSession } from './sessions.port';

@Injectable()
export class LedgerSessions implements Sessions {
  constructor(
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
    @Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async start(identity: SignInIdentity, context: SignInContext): Promise<StartedSession> {
    const { now } = context;
    const id = randomUUID();
    const session: SessionRecord = {
      id,
      family: id,
      officer: identity.officer,
      identity: {
        displayName: identity.displayName,
        agency: identity.agency,
        orgUnits: [...identity.orgUnits],
        roles: [...identity.roles],
        method: identity.method,
      },
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.signIn.refreshAbsoluteSeconds * 1000),
      address: context.address.slice(0, 100),
      userAgent: context.userAgent.slice(0, 300),
      revokedAt: null,
      revokedReason: null,
    };
    const refreshToken = newRefreshToken();
    const refreshExpiresAt = this.refreshExpiry(session, now);
    await this.credentials.createSession(session, {
      hash: refreshTokenHash(refreshToken),
      issuedAt: now,
      expiresAt: refreshExpiresAt,
    });
    return {
      sessionId: id,
      ...(await this.accessToken(session, now)),
      refreshToken,
      refreshExpiresAt,
    };
  }

  /** A new access token for a session that is still open. */
  async accessToken(session: SessionRecord, now: Date): Promise<{ accessToken: string; expiresIn: number }> {
    const expiresIn = Math.max(
      1,
      Math.min(
        this.config.signIn.accessTokenTtlSeconds,
        Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000),
      ),
    );
    const { agency, orgUnits, roles } = session.identity;
    const accessToken = await this.tokens.issue(
      { sub: session.officer, agency, orgUnits, roles, sid: session.id },
      { ttlSeconds: expiresIn, now },
    );
    return { accessToken, expiresIn };
  }

  /** The idle end of a refresh token issued now, never past the session's absolute end. */
  refreshExpiry(session: SessionRecord, now: Date): Date {
    const idle = now.getTime() + this.config.signIn.refreshIdleSeconds * 1000;
    return new Date(Math.min(idle, session.expiresAt.getTime()));
  }
}
