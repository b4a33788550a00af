// Single sign-on, both steps: `begin` sends the person to the provider with a fresh PKCE verifier, state and
// nonce sealed for the callback; `complete` checks the callback against them, has the code exchanged and the
// ID token checked, maps the claims to an officer, refuses one whose ledger account is disabled, and starts a
// session like a password sign-in does.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PlanSeed } from '@ledger/domain';
import { LEDGER_CONFIG, type LedgerConfig } from '../../config/ledger-config';
import { PLAN_SEED } from '../../read/projections.providers';
import {
  SESSIONS,
  type SignInContext,
  type SignInIdentity,
  type Sessions,
  type StartedSession,
} from '../sessions.port';
import { ACCOUNT_STANDINGS, type AccountStandings } from './account-standing.port';
import { mapClaims, type PlanCodes } from './oidc-claims';
import type { OidcConfig } from './oidc-config';
import {
  OidcNotConfiguredError,
  OidcProviderRefusedError,
  OidcSignInRefusedError,
  OidcStateError,
} from './oidc-errors';
import { OidcRelyingParty } from './oidc-relying-party';
import { OidcTransactionSeal } from './oidc-transaction';

export interface OidcCallback {
  /** The callback's query as the provider sent it (code, state, iss; or error, error_description). */
  query: URLSearchParams;
  /** The sealed transaction cookie, when the browser sent it. */
  sealedTransaction: string | undefined;
}

@Injectable()
export class OidcSignIn {
  private readonly oidc: { config: OidcConfig; party: OidcRelyingParty; seal: OidcTransactionSeal } | null;
  private readonly plan: PlanCodes;

  constructor(
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
    @Inject(PLAN_SEED) seed: PlanSeed,
    @Inject(SESSIONS) private readonly sessions: Sessions,
    @Inject(ACCOUNT_STANDINGS) private readonly accounts: AccountStandings,
  ) {
    this.oidc = config.oidc
      ? {
          config: config.oidc,
          party: new OidcRelyingParty(config.oidc),
          seal: new OidcTransactionSeal(config.oidc.cookieSecret),
        }
      : null;
    this.plan = {
      agencies: new Set(seed.agencies.map((a) => a.code)),
      orgUnits: new Set(seed.orgUnits.map((u) => u.code)),
    };
    if (config.oidc) this.warnOfUnknownCodes(config.oidc);
  }

  /** Said once at start: a group naming codes the plan does not know lets nobody in (each sign-in says why). */
  private warnOfUnknownCodes(config: OidcConfig): void {
    const logger = new Logger('OidcSignIn');
    for (const [group, grant] of Object.entries(config.mapping.groups)) {
      const unknown = [
        ...(grant.agency && !this.plan.agencies.has(grant.agency) ? [`agency ${grant.agency}`] : []),
        ...grant.orgUnits.filter((u) => !this.plan.orgUnits.has(u)).map((u) => `org unit ${u}`),
      ];
      if (unknown.length > 0)
        logger.warn(
          `single sign-on group ${group} names ${unknown.join(', ')}, not of the plan: its sign-ins are refused`,
        );
    }
  }

  private configured() {
    if (!this.oidc) throw new OidcNotConfiguredError();
    return this.oidc;
  }

  /** The provider's authorization URL and the sealed transaction for the cookie. */
  async begin(now: Date): Promise<{ location: string; sealedTransaction: string }> {
    const { party, seal } = this.configured();
    const { url, transaction } = await party.authorizationRequest(now);
    return { location: url.href, sealedTransaction: seal.seal(transaction) };
  }

  async complete(
    callback: OidcCallback,
    context: SignInContext,
  ): Promise<{ identity: SignInIdentity; session: StartedSession }> {
    const { config, party, seal } = this.configured();
    const { query } = callback;
    const transaction = callback.sealedTransaction
      ? seal.open(callback.sealedTransaction, context.now)
      : null;
    if (!transaction)
      throw new OidcStateError(
        'no single sign-on was started from this browser in the last 10 minutes (the sign-in cookie is missing, altered or expired); start again from the sign-in page',
      );
    if (query.get('state') !== transaction.state)
      throw new OidcStateError(
        'the sign-in answer does not match the sign-in started here (state); start again',
      );
    const providerError = query.get('error');
    if (providerError !== null) {
      const description = query.get('error_description');
      throw new OidcProviderRefusedError(
        `the provider refused the sign-in: ${providerError}${description ? ` (${description})` : ''}`,
        providerError,
      );
    }
    if (!query.get('code')) throw new OidcStateError('the sign-in answer carries no authorization code');

    const { mapping } = config;
    const claims = await party.claimsFor(query, transaction, [
      mapping.officerClaim,
      mapping.displayNameClaim,
      mapping.groupsClaim,
    ]);
    const identity: SignInIdentity = { ...mapClaims(claims, mapping, this.plan), method: 'oidc' };
    if ((await this.accounts.standingOf(identity.officer)) === 'disabled')
      throw new OidcSignInRefusedError(
        `${identity.officer}: the ledger account is disabled; ask an admin to enable it`,
      );
    const session = await this.sessions.start(identity, context);
    return { identity, session };
  }
}
