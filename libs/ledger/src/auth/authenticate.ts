// From an Authorization header to the principal it proves, or a 401 that says what is wrong with it: the
// token verifies (the ACCESS_TOKENS port), its roles are known and not ones four eyes keep apart, and its agency and org
// units are the plan's.
import { isRole, refuseRoleMix, type Principal } from '@ledger/domain';
import { AuthenticationRequiredError } from '../errors/ledger-errors';
import type { AccessTokens } from './access-tokens.port';
import { TokenError } from './token-claims';

/** The codes a token may name: the plan's agencies and org units. */
export interface KnownCodes {
  agencies: ReadonlySet<string>;
  orgUnits: ReadonlySet<string>;
}

/** null when no Authorization header was sent; throws AuthenticationRequiredError for a bad one. */
export async function authenticate(
  header: string | undefined,
  tokens: AccessTokens,
  now: Date,
  known: KnownCodes,
): Promise<Principal | null> {
  if (header === undefined || header === '') return null;
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header.trim());
  if (!match) throw new AuthenticationRequiredError('Authorization must be "Bearer <token>"');
  let claims;
  try {
    claims = await tokens.verify(match[1], now);
  } catch (error) {
    if (error instanceof TokenError) throw new AuthenticationRequiredError(error.message);
    throw error;
  }
  const { roles, orgUnits, agency } = claims;
  if (!roles.every(isRole))
    throw new AuthenticationRequiredError('token roles must be a list of known roles');
  const mixed = refuseRoleMix(roles);
  if (mixed) throw new AuthenticationRequiredError(`token refused: ${mixed}`);
  if (!known.agencies.has(agency))
    throw new AuthenticationRequiredError(`token agency ${agency} is not an agency of the plan`);
  const unknown = orgUnits.filter((unit) => !known.orgUnits.has(unit));
  if (unknown.length > 0)
    throw new AuthenticationRequiredError(
      `token org unit ${unknown.join(', ')} is not an org unit of the plan`,
    );
  return {
    officer: claims.sub,
    agency,
    orgUnits,
    roles,
    ...(claims.sid !== undefined ? { session: claims.sid } : {}),
  };
}
