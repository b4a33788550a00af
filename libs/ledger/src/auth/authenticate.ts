// From an Authorization header to the principal it proves, or a 401 that says what is wrong with it.
import { isRole, type Principal } from '@ledger/domain';
import { AuthenticationRequiredError } from '../errors/ledger-errors';
import { TokenError, verifyToken } from './token';

/** null when no Authorization header was sent; throws AuthenticationRequiredError for a bad one. */
export function authenticate(header: string | undefined, secret: Buffer, now: Date): Principal | null {
  if (header === undefined || header === '') return null;
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header.trim());
  if (!match) throw new AuthenticationRequiredError('Authorization must be "Bearer <token>"');
  let claims;
  try {
    claims = verifyToken(match[1], secret, now);
  } catch (error) {
    if (error instanceof TokenError) throw new AuthenticationRequiredError(error.message);
    throw error;
  }
  const roles: unknown = claims.roles;
  const orgUnits: unknown = claims.orgUnits;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole))
    throw new AuthenticationRequiredError('token roles must be a list of known roles');
  if (!Array.isArray(orgUnits) || !orgUnits.every((u) => typeof u === 'string'))
    throw new AuthenticationRequiredError('token orgUnits must be a list of org unit codes');
  return { officer: claims.sub, agency: claims.agency, orgUnits, roles };
}
