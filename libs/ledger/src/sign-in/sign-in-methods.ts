// What GET /auth/methods offers: password sign-in always; OpenID Connect when the OIDC sign-in module binds
// OIDC_SIGN_IN_OFFER (its enabled flag and the label of the provider's button) in a global module, so that
// the sign-in controller sees it. Unbound: `{ enabled: false, label: '' }`.
export interface OidcSignInOffer {
  enabled: boolean;
  label: string;
}

export const OIDC_SIGN_IN_OFFER = Symbol('OIDC_SIGN_IN_OFFER');

export interface SignInMethods {
  password: true;
  oidc: OidcSignInOffer;
}
