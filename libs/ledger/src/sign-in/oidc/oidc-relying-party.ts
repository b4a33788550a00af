// The ledger as an OpenID Connect client, through openid-client: discovers the provider (once, again after a
// failure), builds the authorization request (code flow, PKCE S256, state, nonce), and at the callback
// exchanges the code and checks the ID token (signature, issuer, audience, expiry, nonce) before anything
// is read from it. openid-client's errors become ours here; none crosses this file.
import * as client from 'openid-client';
import type { OidcConfig } from './oidc-config';
import { OidcProviderRefusedError, OidcProviderUnavailableError, OidcStateError } from './oidc-errors';
import type { OidcTransaction } from './oidc-transaction';

/** Seconds to wait for the provider on any one request. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export class OidcRelyingParty {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(private readonly config: OidcConfig) {}

  private configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const { issuer, clientId, clientSecret } = this.config;
      const insecure = issuer.protocol === 'http:'; // loopback only, as the configuration allows
      this.discovered = client
        .discovery(
          issuer,
          clientId,
          clientSecret ? undefined : { token_endpoint_auth_method: 'none' },
          clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
          {
            timeout: PROVIDER_TIMEOUT_SECONDS,
            ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
          },
        )
        .catch((error: unknown) => {
          this.discovered = undefined; // the next sign-in tries again
          throw new OidcProviderUnavailableError(
            `OpenID Connect discovery at ${issuer.href} failed: ${String(error)}`,
            {
              cause: error,
            },
          );
        });
    }
    return this.discovered;
  }

  /** Where to send the person, and what the callback will need to check the answer. */
  async authorizationRequest(now: Date): Promise<{ url: URL; transaction: OidcTransaction }> {
    const configuration = await this.configuration();
    const transaction: OidcTransaction = {
      codeVerifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      startedAt: now.getTime(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUrl.href,
      scope: this.config.scopes.join(' '),
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url, transaction };
  }

  /**
   * The claims of the checked ID token for the callback's query, completed from the userinfo endpoint when
   * the ID token lacks a claim the mapping reads (providers that keep profile claims out of the ID token).
   */
  async claimsFor(
    query: URLSearchParams,
    transaction: OidcTransaction,
    wanted: readonly string[],
  ): Promise<Record<string, unknown>> {
    const configuration = await this.configuration();
    // The callback URL as registered, with the provider's answer: never built from the request's Host.
    const callback = new URL(this.config.redirectUrl.href);
    callback.search = query.toString();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new OidcProviderRefusedError('the provider returned no ID token');
      const claims: Record<string, unknown> = { ...idToken };
      const missing = wanted.some((name) => !(name.split('.')[0] in claims));
      if (missing && configuration.serverMetadata().userinfo_endpoint) {
        const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        return { ...userinfo, ...claims };
      }
      return claims;
    } catch (error) {
      throw translate(error);
    }
  }
}

function translate(error: unknown): Error {
  if (error instanceof OidcProviderRefusedError) return error;
  if (error instanceof client.AuthorizationResponseError)
    return new OidcProviderRefusedError(
      `the provider refused the sign-in: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`,
      error.error,
    );
  if (error instanceof client.ResponseBodyError)
    return new OidcProviderRefusedError(
      `the provider refused the authorization code: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`,
      error.error,
    );
  if (error instanceof client.ClientError && /state/i.test(error.message))
    return new OidcStateError('the sign-in answer does not match the sign-in started here (state)');
  if (
    error instanceof TypeError ||
    (error instanceof client.ClientError && /TIMEOUT|ABORT/.test(error.code ?? ''))
  )
    return new OidcProviderUnavailableError(`the provider could not be reached: ${String(error)}`, {
      cause: error,
    });
  if (error instanceof client.ClientError)
    return new OidcProviderRefusedError(
      `the provider's answer does not check: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`,
    );
  return error instanceof Error ? error : new Error(String(error));
}
