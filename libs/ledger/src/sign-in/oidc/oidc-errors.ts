// How a single sign-on can fail, each a typed error the problem-details filter renders: the callback's request
// is not one this ledger started (400), the provider or its answer refuses the person (401), the person's
// claims map to no officer the ledger accepts (403), the provider cannot be reached (503).
import { LedgerError } from '@ledger/domain';

/** The callback does not match a sign-in started here: no or an expired sign-in cookie, a wrong state. */
export class OidcStateError extends LedgerError {
  readonly code = 'OIDC_STATE_INVALID';
  readonly kind = 'invalid';
  override readonly field = 'state';
}

/** The provider answered with an error (the person declined, login_required...), or its tokens do not check. */
export class OidcProviderRefusedError extends LedgerError {
  readonly code = 'OIDC_PROVIDER_REFUSED';
  readonly kind = 'unauthorized';
  constructor(
    message: string,
    readonly providerError?: string,
  ) {
    super(message);
  }

  override details() {
    return this.providerError ? { providerError: this.providerError } : {};
  }
}

/** The provider vouched for the person, but the ledger does not let them in (no role, roles mixed, disabled). */
export class OidcSignInRefusedError extends LedgerError {
  readonly code = 'OIDC_SIGN_IN_REFUSED';
  readonly kind = 'forbidden';
}

/** Single sign-on is not configured here (LEDGER_OIDC_ISSUER unset). */
export class OidcNotConfiguredError extends LedgerError {
  readonly code = 'OIDC_NOT_CONFIGURED';
  readonly kind = 'not_found';
  constructor() {
    super('single sign-on (OpenID Connect) is not configured on this ledger; sign in with a password');
  }
}

/** The provider could not be reached (discovery, token endpoint, keys). */
export class OidcProviderUnavailableError extends LedgerError {
  readonly code = 'OIDC_PROVIDER_UNAVAILABLE';
  readonly kind = 'unavailable';
  override get publicDetail(): string {
    return 'the single sign-on provider cannot be reached; try again shortly or sign in with a password';
  }
}
