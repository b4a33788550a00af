// Builds the CommandContext of a write request: the acting officer is the verified token's principal (set
// by the AccessGuard), never a field of the request; the headers add a correlation id and If-Match.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import {
  AuthenticationRequiredError,
  ValidationFailedError,
  type CommandContext,
  type FieldProblem,
} from '..';
import { actorOf, type EvidenceRef } from '@ledger/domain';
import { ApiProblems } from './api-problems.decorator';
import type { AuthenticatedRequest } from './authenticated-request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What the token and headers say about a write; the body's id and evidence are added once it is validated. */
export type RequestContext = Omit<CommandContext, 'eventId' | 'evidence'>;

export function parseRequestContext(request: AuthenticatedRequest): RequestContext {
  const principal = request.principal;
  if (!principal) throw new AuthenticationRequiredError('recording needs a bearer token');
  const problems: FieldProblem[] = [];
  const correlationId = header(request, 'x-correlation-id');
  if (correlationId !== undefined && !UUID.test(correlationId))
    problems.push({ field: 'X-Correlation-Id', message: 'header must be a UUID' });

  let ifMatchRevision: number | undefined;
  const ifMatch = header(request, 'if-match');
  if (ifMatch !== undefined) {
    const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(ifMatch.trim());
    if (!m)
      problems.push({
        field: 'If-Match',
        message: 'header must be the stream revision from an ETag, e.g. "3"',
      });
    else ifMatchRevision = Number(m[1]);
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);

  return {
    actor: actorOf(principal),
    authority: { principal },
    correlationId: correlationId ?? randomUUID(),
    ifMatchRevision,
    receivedAt: new Date(),
  };
}

/** The fields every write body shares (see RecordActionRequest). */
export interface ActionBody {
  id?: string;
  evidence?: EvidenceRef[];
}

export function commandContext(request: RequestContext, body: ActionBody): CommandContext {
  return {
    ...request,
    eventId: body.id?.toLowerCase(),
    evidence: (body.evidence ?? []).map((e) => ({
      ref: e.ref,
      sha256: e.sha256.toLowerCase(),
      ...(e.description ? { description: e.description } : {}),
    })),
  };
}

/** What every write route reads from its headers, and the errors every write can answer, in OpenAPI. */
const WRITE_DOCUMENTATION = [
  ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The stream revision this write is based on, from the ETag of the last write or of GET /streams/{stream} ' +
      '(e.g. "3"); when the stream has moved on, the write is refused with 412 and nothing is recorded',
    schema: { type: 'string', pattern: '^(W/)?"?[0-9]{1,15}"?$', example: '"0"' },
  }),
  ApiHeader({
    name: 'X-Correlation-Id',
    required: false,
    description: "A UUID that ties this write to others of one piece of work (kept in the events' envelope)",
    schema: { type: 'string', format: 'uuid' },
  }),
  ApiProblems(400, 409, 412, 503),
];

export const WriteContext = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestContext =>
    parseRequestContext(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
  [
    // A route that takes the write context reads If-Match and can answer 412: its OpenAPI operation says so.
    (target, key) => {
      const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
      if (key === undefined || !descriptor) return;
      for (const decorate of WRITE_DOCUMENTATION) decorate(target, key, descriptor);
    },
  ],
);
