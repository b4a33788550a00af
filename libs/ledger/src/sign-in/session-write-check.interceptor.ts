// Every write (any method but GET, HEAD, OPTIONS) by a signed-in session is checked before it runs: the
// session open, the account enabled, every role of the token still granted; read from the credential store
// and the account's stream at that moment. Registered globally by SignInHttpModule; it runs after the access
// guard has set the principal, and before the body is validated. Service tokens (no session) pass.
import {
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, switchMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../http/authenticated-request';
import { SessionCheck } from './session-check';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const NO_SESSION_CHECK = 'ledger:no-session-check';

/** Routes that end or renew a session themselves (sign-out must work for a disabled account too). */
export const WithoutSessionCheck = () => SetMetadata(NO_SESSION_CHECK, true);

@Injectable()
export class SessionWriteCheckInterceptor implements NestInterceptor {
  constructor(
    private readonly sessions: SessionCheck,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const skip = this.reflector.getAllAndOverride<boolean | undefined>(NO_SESSION_CHECK, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (skip) return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (!principal?.session || READS.has(request.method)) return next.handle();
    return from(this.sessions.check(principal.session, principal.officer, principal.roles, new Date())).pipe(
      switchMap(() => next.handle()),
    );
  }
}
