import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@ledger/domain';
import type { AuthenticatedRequest } from './access.guard';

/** The verified principal of the request; null on a public route called without a token. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | null =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal ?? null,
);
