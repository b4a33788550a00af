// The public and viewers see aggregates and the plan, never who did what: on a public route, a caller who
// is not an officer, supervisor or inspector gets the body without actor fields (the plan's own records
// carry a stamp naming the officer who loaded or revised them). The access-control e2e suite scans every
// public response for personal and actor fields.
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import { hasRole } from '@ledger/domain';
import { deepFreeze, isDeepFrozen } from '@ledger/ledger';
import { ACCESS_RULE, type AccessRule } from '@ledger/ledger/http';
import type { AuthenticatedRequest } from './access.guard';

const ACTOR_FIELDS = new Set(['actor', 'officer', 'officers']);

export function withoutActors(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutActors);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!ACTOR_FIELDS.has(key)) out[key] = withoutActors(v);
  return out;
}

/** The public copy of each deep-frozen answer (kept while the projections rest): made once, shared. */
const publicCopies = new WeakMap<object, unknown>();

/** The body without actor fields; for an answer that cannot change, the copy made the first time. */
export function publicCopyOf(body: unknown): unknown {
  if (!isDeepFrozen(body)) return withoutActors(body);
  let copy = publicCopies.get(body);
  if (copy === undefined) {
    copy = deepFreeze(withoutActors(body));
    publicCopies.set(body, copy);
  }
  return copy;
}

@Injectable()
export class PublicRedactionInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    const trusted = principal !== undefined && hasRole(principal, 'officer', 'supervisor', 'inspector');
    if (rule?.who !== 'anyone' || trusted) return next.handle();
    return next.handle().pipe(map((body) => (typeof body === 'object' ? publicCopyOf(body) : body)));
  }
}
