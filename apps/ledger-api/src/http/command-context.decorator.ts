// Builds the CommandContext of a write request from its headers and the common body fields.
// Until access control lands, the acting officer comes from X-Officer-Id / X-Agency / X-Role, checked
// like any other input; it is never taken from the body.
import { createParamDecorator, ForbiddenException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { ValidationFailedError, type CommandContext, type FieldProblem } from '@ledger/ledger';
import type { EvidenceRef } from '@ledger/domain';

export const WRITER_ROLES = ['officer', 'supervisor'] as const;
export const READER_ROLES = ['inspector', 'viewer', 'admin'] as const;
const ROLES: readonly string[] = [...WRITER_ROLES, ...READER_ROLES];
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What the headers say about a write; the body's id and evidence are added once the body is validated. */
export type RequestContext = Omit<CommandContext, 'eventId' | 'evidence'>;

export function parseRequestContext(request: Request): RequestContext {
  const problems: FieldProblem[] = [];
  const officer = header(request, 'x-officer-id');
  const agency = header(request, 'x-agency');
  const role = header(request, 'x-role') ?? 'officer';
  if (!officer || !CODE.test(officer))
    problems.push({
      field: 'X-Officer-Id',
      message: 'header must be an officer id (2-64 letters, digits, . _ -)',
    });
  if (!agency || !CODE.test(agency))
    problems.push({
      field: 'X-Agency',
      message: 'header must be an agency code (2-64 letters, digits, . _ -)',
    });
  if (!ROLES.includes(role))
    problems.push({ field: 'X-Role', message: `header must be one of ${ROLES.join(', ')}` });

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
  if (!(WRITER_ROLES as readonly string[]).includes(role)) {
    throw new ForbiddenException(`role ${role} reads the ledger and cannot record actions`);
  }

  return {
    actor: { officer: officer!, agency: agency!, role },
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

export const WriteContext = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext =>
  parseRequestContext(ctx.switchToHttp().getRequest<Request>()),
);
