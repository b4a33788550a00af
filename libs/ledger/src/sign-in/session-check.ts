// Whether a signed-in session may still act: open (not signed out, revoked or past its end), its account
// (read from the account's stream, not a projection) enabled, and every role it acts with still granted.
// Asked on every write and on every refresh.
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@ledger/domain';
import { AccountReader } from '../accounts/account-reader';
import { CREDENTIALS, type CredentialStore, type SessionRecord } from '../accounts/credential-store.port';
import { SessionEndedError } from './sign-in-errors';

@Injectable()
export class SessionCheck {
  constructor(
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
    private readonly accounts: AccountReader,
  ) {}

  /** Throws SessionEndedError unless the session may act with these roles now. */
  async check(sessionId: string, officer: string, roles: readonly Role[], now: Date): Promise<SessionRecord> {
    const session = await this.credentials.session(sessionId);
    if (!session || session.officer !== officer) throw new SessionEndedError('no such session');
    if (session.revokedAt) throw new SessionEndedError(session.revokedReason ?? 'revoked');
    if (session.expiresAt <= now) throw new SessionEndedError('expired');
    await this.checkAccount(session, roles, now);
    return session;
  }

  /** The account behind the session; a session of the provider's (OIDC) without an account stands alone. */
  async checkAccount(session: SessionRecord, roles: readonly Role[], now: Date): Promise<void> {
    const account = await this.accounts.read(session.officer);
    if (!account) {
      if (session.identity.method === 'oidc') return;
      return this.end(session, 'the account is not recorded', now);
    }
    if (!account.enabled) return this.end(session, 'account disabled', now);
    const revoked = roles.filter((role) => !account.roles.includes(role));
    if (revoked.length > 0) return this.end(session, `role ${revoked.join(', ')} revoked`, now);
  }

  private async end(session: SessionRecord, why: string, now: Date): Promise<never> {
    await this.credentials.revokeFamily(session.family, why, now);
    throw new SessionEndedError(why);
  }
}
