// Every JSON answer passes here on its way out: each sealed personal-data object in it (an event's data, a
// stream, a trail entry) is opened with the person's key, or shown as { erased: true, person } once the key is
// gone. On a public route nothing is opened and no key is looked up: { withheld: true } (public routes carry no
// events, so this is a second line, not the first). The stores and projections only ever hold sealed objects.
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, map, mergeMap, type Observable } from 'rxjs';
import {
  PERSONAL_KEYS,
  revealPersonalData,
  withholdPersonalData,
  type PersonalKeyStore,
} from '@ledger/ledger';
import { ACCESS_RULE, type AccessRule } from '@ledger/ledger/http';

@Injectable()
export class PersonalDataInterceptor implements NestInterceptor {
  constructor(
    @Inject(PERSONAL_KEYS) private readonly keys: PersonalKeyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.who === 'anyone' || rule === undefined)
      return next.handle().pipe(map((body: unknown) => withholdPersonalData(body)));
    // The sealed form of events (GET /events/{id}, /streams/{stream} with ?form=sealed) is served as stored,
    // so that anyone can recompute its hash: nothing is opened.
    const query = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query;
    if (query?.form === 'sealed') return next.handle();
    return next.handle().pipe(mergeMap((body: unknown) => from(revealPersonalData(body, this.keys))));
  }
}
