import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@ledger/domain';
import { AuthenticationRequiredError } from '..';
import type { AuthenticatedRequest } from './authenticated-request';

/** The verified principal of a route that needs a token (the guard has already refused anyone else). */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new AuthenticationRequiredError('this route needs a bearer token');
  return principal;
});
