// Every error leaves the API here, once, as application/problem+json (RFC 9457): type, title, status,
// detail, a stable code, and the offending field where there is one. Errors of the ledger (LedgerError)
// are mapped by their kind through one table; a kind 'internal' error, and anything else that is not an
// HTTP error of the framework, is a 500 that logs and says nothing of internals.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { LedgerError, type ErrorKind } from '@ledger/domain';
import type { FieldProblem } from '@ledger/ledger';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** One row per kind of error: its HTTP status and the problem's title. */
export const PROBLEM_BY_KIND: Readonly<Record<ErrorKind, { status: number; title: string }>> = {
  invalid: { status: 400, title: 'Invalid request' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the recorded state' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  rate_limited: { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'Store unavailable' },
  internal: { status: 500, title: 'Internal error' },
};

/** Conflicts that a client handles apart from a broken rule get their own title. */
const TITLE_BY_CODE: Readonly<Record<string, string>> = {
  WRONG_EXPECTED_REVISION: 'Concurrent change',
  DUPLICATE_EVENT_ID: 'Event id already used',
};

/** Headers some statuses carry: when to retry, and how to authenticate. */
const HEADERS_BY_STATUS: Readonly<Record<number, (body: Problem) => Record<string, string>>> = {
  401: () => ({ 'WWW-Authenticate': 'Bearer realm="ledger"' }),
  429: (body): Record<string, string> =>
    body.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(body.retryAfterSeconds) },
  503: () => ({ 'Retry-After': '5' }),
};

const TYPE_BASE = 'https://policy-ledger.local/problems/';

function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  extra: Partial<Problem> = {},
): Problem {
  return { type: TYPE_BASE + code.toLowerCase().replace(/_/g, '-'), title, status, detail, code, ...extra };
}

const INTERNAL = (): Problem =>
  problem(500, 'INTERNAL_ERROR', 'Internal error', 'An unexpected error occurred; it has been logged.');

function ledgerProblem(error: LedgerError): Problem {
  if (error.kind === 'internal') return INTERNAL();
  const { status, title } = PROBLEM_BY_KIND[error.kind];
  const detail = error.publicDetail;
  const errors =
    error.kind === 'invalid' && error.field ? [{ field: error.field, message: detail }] : undefined;
  return problem(status, error.code, TITLE_BY_CODE[error.code] ?? title, detail, {
    field: error.field,
    errors,
    ...error.details(),
  });
}

export function toProblem(error: unknown): Problem {
  if (error instanceof LedgerError) return ledgerProblem(error);
  const parser = bodyParserError(error);
  if (parser) return parser;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail =
      typeof body === 'string'
        ? body
        : typeof body === 'object' && body !== null && 'message' in body
          ? String((body as { message: unknown }).message)
          : error.message;
    return problem(status, httpCode(status), error.name.replace(/Exception$/, ''), detail);
  }
  return INTERNAL();
}

/** The headers that go with a problem (Retry-After, WWW-Authenticate). */
export function problemHeaders(body: Problem): Record<string, string> {
  return HEADERS_BY_STATUS[body.status]?.(body) ?? {};
}

/** Errors of Express' JSON body parser carry an http status and a `type` such as entity.parse.failed. */
function bodyParserError(error: unknown): Problem | null {
  if (typeof error !== 'object' || error === null) return null;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || !type.startsWith('entity.') || typeof status !== 'number') return null;
  if (type === 'entity.parse.failed') {
    return problem(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is not valid JSON.', {
      field: 'body',
    });
  }
  if (type === 'entity.too.large') {
    return problem(
      413,
      'PAYLOAD_TOO_LARGE',
      'Payload too large',
      'The request body is larger than this API accepts.',
    );
  }
  return problem(
    status >= 400 && status < 500 ? status : 400,
    'BAD_REQUEST_BODY',
    'Unreadable body',
    (error as Error).message,
  );
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 404:
      return 'ROUTE_NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return `HTTP_${status}`;
  }
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toProblem(error);
    if (body.status >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    for (const [name, value] of Object.entries(problemHeaders(body))) response.setHeader(name, value);
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
